// When the trackers cannot answer (throttled, down, too slow), a panel still shows something
// true: each effort KR's last stored snapshot, marked stale, rather than an error or a made-up
// zero. Outcome KRs need no tracker and stay live.
import type { IsoDate } from '../core/model/dates';
import type { WorkItem } from '../core/model/work-item';
import { evaluate } from '../core/report/evaluate';
import type { KnownProgress, Report } from '../core/report/types';
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
  // Each effort KR of a period still open takes its last stored progress; the core's one evaluation
  // path then gives the objectives' progress and statuses (and keeps closed KRs frozen).
  const closed = new Set(plan.periods.filter((p) => p.closed !== undefined).map((p) => p.id));
  const effortIds = plan.objectives.filter((o) => !closed.has(o.period)).flatMap((o) => o.keyResults.filter((k) => k.type === 'effort').map((k) => k.id));
  const heads = await Promise.all(effortIds.map((id) => ctx.store.get<SnapshotDoc>(C.snapshotHeads, id)));
  const stored = new Map<string, KnownProgress>(
    effortIds.map((id, i) => [
      id,
      // The snapshot's counts are the app's, over the whole scope: they may count items this
      // viewer may not see, so only the progress is shown (issue 8, finding 4).
      { progress: heads[i]?.value.progress ?? 0, countsWithheld: true },
    ]),
  );
  const report = evaluate(plan, at, { known: stored });
  // A closed KR's frozen counts were also taken over its whole scope: withheld like a snapshot's.
  // Its progress and status stay the core's.
  const keyResults = report.keyResults.map((k) => (k.type === 'effort' && k.closed !== undefined ? { ...k, units: { done: 0, total: 0 }, countsWithheld: true as const } : k));
  // Lints need the live scope, which is what is missing.
  const stale: Report = { ...report, keyResults, lints: [] };
  return { evaluation: { report: stale, plan, scope, partial }, stale: true };
}
