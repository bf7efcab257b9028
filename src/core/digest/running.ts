// Which objectives the digest speaks about: those of periods running at `at` and not closed.
import { isRunning } from '../lints/cadence';
import type { IsoDate } from '../model/dates';
import type { Plan } from '../model/plan';

export function isRunningPeriodOf(plan: Plan, at: IsoDate): (objectiveId: string) => boolean {
  const periods = new Map(plan.periods.map((p) => [p.id, p]));
  const running = new Set(plan.objectives.filter((o) => { const p = periods.get(o.period); return p !== undefined && isRunning(p, at); }).map((o) => o.id));
  return (objectiveId) => running.has(objectiveId);
}
