// One KR evaluated by the core over a given scope, as the app sees it. Only the KR's own
// objective is read from the store, and only this KR kept in it, so the cost does not grow with
// the rest of the plan.
import type { IsoDate } from '../../core/model/dates';
import type { Plan } from '../../core/model/plan';
import type { WorkItem } from '../../core/model/work-item';
import { evaluate } from '../../core/report/evaluate';
import type { EffortKeyResultReport } from '../../core/report/types';
import type { PlanReader } from '../../app/plan-reader';

/** The plan holding only this effort KR (in its objective), or undefined when it is not one. */
export async function effortKrPlan(reader: PlanReader, kr: string): Promise<Plan | undefined> {
  const found = await reader.keyResult(kr);
  if (!found || found.def.type !== 'effort') return undefined;
  const plan = await reader.partialPlan([found.objective.id]);
  return { ...plan, objectives: plan.objectives.map((o) => ({ ...o, keyResults: o.keyResults.filter((k) => k.id === kr) })) };
}

export function evaluateKr(plan: Plan, kr: string, items: readonly WorkItem[], at: IsoDate): EffortKeyResultReport {
  const report = evaluate({ ...plan, workItems: [...items] }, at).keyResults.find((k) => k.id === kr);
  if (report?.type !== 'effort') throw new Error(`key result ${kr} was not evaluated as an effort KR`);
  return report;
}

/** The KR's links, in link order. */
export function linksOfKr(plan: Plan, kr: string): string[] {
  for (const o of plan.objectives) for (const k of o.keyResults) if (k.id === kr) return k.links ?? [];
  return [];
}

/**
 * Whether the KR belongs to a closed period (SPEC §9, issue 12): its numbers are frozen, so the
 * triggers neither recompute it nor touch its issues' properties, whatever Jira says now.
 */
export async function isFrozen(reader: PlanReader, kr: string): Promise<boolean> {
  const found = await reader.keyResult(kr);
  if (!found) return false;
  return (await reader.period(found.objective.value.period))?.closed !== undefined;
}
