// When the trackers cannot answer (throttled, down, too slow), a panel still shows something
// true: each effort KR's last stored snapshot, marked stale, rather than an error or a made-up
// zero. Outcome KRs need no tracker and stay live.
import type { IsoDate } from '../core/model/dates';
import type { WorkItem } from '../core/model/work-item';
import { expectedProgress, statusOf } from '../core/evaluate/status';
import { evaluate } from '../core/report/evaluate';
import type { KeyResultReport, Report } from '../core/report/types';
import { C, type SnapshotDoc } from './collections';
import type { AppContext } from './context';
import { toApiError } from './errors';
import { evaluateObjectives } from './evaluate-objectives';
import { visiblePlan, type LiveEvaluation } from './live-scope';
import type { PlanReader } from './plan-reader';

export interface MaybeStale {
  evaluation: LiveEvaluation;
  stale: boolean;
}

/** A tracker failure that says "not now" rather than "you asked for something wrong". */
export function isTrackerUnavailable(error: unknown): boolean {
  if (toApiError(error).code === 'rate-limited') return true;
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && (status === 0 || status >= 500);
}

export async function evaluateObjectivesOrStale(
  ctx: AppContext,
  reader: PlanReader,
  objectiveIds: Iterable<string>,
  at: IsoDate,
  known: readonly WorkItem[] = [],
): Promise<MaybeStale> {
  const ids = [...objectiveIds];
  try {
    return { evaluation: await evaluateObjectives(ctx, reader, ids, at, known), stale: false };
  } catch (error) {
    if (!isTrackerUnavailable(error)) throw error;
  }
  // Without the tracker nothing says which links the viewer may see, except the items this call
  // already read as them: only those stay linked in the answer.
  const full = await reader.partialPlan(ids);
  const knownRefs = new Set(known.map((i) => i.ref));
  const unread = full.objectives.flatMap((o) => o.keyResults.flatMap((k) => k.links ?? [])).filter((r) => !knownRefs.has(r));
  const scope = { items: [...known], missing: unread };
  const { plan, partial } = visiblePlan(full, scope);
  const report = evaluate(plan, at);
  const heads = new Map(
    (await Promise.all(report.keyResults.filter((k) => k.type === 'effort').map((k) => ctx.store.get<SnapshotDoc>(C.snapshotHeads, k.id))))
      .filter((d) => d !== undefined)
      .map((d) => [d.id, d.value]),
  );
  const periods = new Map(plan.periods.map((p) => [p.id, p]));
  const periodOf = new Map(plan.objectives.map((o) => [o.id, periods.get(o.period)]));
  const keyResults = report.keyResults.map((kr): KeyResultReport => {
    if (kr.type !== 'effort') return kr;
    const head = heads.get(kr.id);
    const period = periodOf.get(kr.objective);
    const progress = head?.progress ?? 0;
    return {
      ...kr,
      progress,
      // The snapshot's counts are the app's, over the whole scope: they may count items this
      // viewer may not see, so only the progress is shown (issue 8, finding 4).
      units: { done: 0, total: 0 },
      countsWithheld: true,
      status: period ? statusOf(progress, kr.expected, period, at) : kr.status,
      // Which units counted is not known without the tracker.
      explanation: { ...kr.explanation, units: [], unknownLinks: [], cancelled: [], doneWeight: progress, totalWeight: head ? 1 : 0 },
    };
  });
  const byId = new Map(keyResults.map((k) => [k.id, k]));
  const objectives = report.objectives.map((o) => {
    const krs = o.keyResults.map((id) => byId.get(id)).filter((k) => k !== undefined);
    const weights = krs.reduce((sum, k) => sum + k.weight, 0);
    const progress = weights > 0 ? Math.min(1, krs.reduce((sum, k) => sum + k.progress * k.weight, 0) / weights) : 0;
    const period = periods.get(o.period);
    return { ...o, progress, status: period ? statusOf(progress, expectedProgress(period, at), period, at) : o.status };
  });
  const stale: Report = { ...report, objectives, keyResults, lints: [] };
  return { evaluation: { report: stale, plan, scope, partial }, stale: true };
}
