// The scheduled measure (SPEC §8, issue 11 "Who measures"): every JQL measure runs as its owner
// through Forge's offline user impersonation (`asUser(accountId)`, which needs the scope's
// `allowImpersonation` in manifest.yml), never as the app: the app may browse projects the
// people who read the number cannot, and a count over those would leak. A measure without an
// owner is logged as a failed run and not measured.
//
// Resume: the pass takes the measures least recently run first and stops a margin before the
// invocation's limit; what it did not reach is the stalest next hour, so with many measures
// every one still runs about daily. Measures run in the last `freshMs` are skipped, so a second
// pass within the hour does not run them twice.
import type { MeasureRun } from '../../app/api';
import { C, type MeasureHeadDoc } from '../../app/collections';
import { listAll } from '../../app/list-all';
import { runMeasure } from '../../app/measure/run-measure';
import { measuredTargets, type MeasuredTarget } from '../../app/measure/targets';
import { todayUtc, type IsoDate } from '../../core/model/dates';
import type { DocumentStore } from '../../core/ports/document-store';
import type { MeasureSource } from '../../core/ports/measure-source';
import type { JiraRequest } from '../../trackers/jira/request';
import { Deadline, withDeadline, type RemainingTime } from '../deadline';
import { meter } from '../request-meter';

export interface MeasurePassDeps {
  store: DocumentStore;
  /** Jira as this account, offline (`api.asUser(accountId).requestJira`). */
  asUserId: (accountId: string) => JiraRequest;
  /** A Jira measure source over a request (the core port's Jira adapter). */
  sourceFor?: (request: JiraRequest) => MeasureSource;
  remaining: RemainingTime;
  today?: () => IsoDate;
  now?: () => number;
  /** Kept free at the end of the invocation. Default 10 s: one measure's last page and its log. */
  marginMs?: number;
  /** A measure run this recently is not run again. Default 50 min (the trigger runs hourly). */
  freshMs?: number;
}

export interface MeasurePassResult {
  runs: MeasureRun[];
  /** Measures due but left for the next pass because time ran out. */
  left: number;
  requests: number;
}

/** Who a scheduled run of this measure reads as (kept apart so tests can see the rule). */
export function scheduledReader(target: MeasuredTarget): string | undefined {
  return target.owner;
}

export async function measurePass(deps: MeasurePassDeps): Promise<MeasurePassResult> {
  const now = deps.now ?? Date.now;
  const deadline = Deadline.before(deps.remaining, deps.marginMs ?? 10_000, now);
  const today = deps.today ?? (() => todayUtc());
  const freshMs = deps.freshMs ?? 50 * 60 * 1000;
  const heads = new Map((await listAll<MeasureHeadDoc>(deps.store, C.measureHeads)).map((h) => [h.id, h.value]));
  const lastRun = (id: string) => Date.parse(heads.get(id)?.lastRunAt ?? '') || 0;
  const due = (await measuredTargets(deps.store))
    .filter((t) => t.measure.jql !== undefined && now() - lastRun(t.id) >= freshMs)
    // Stalest first, then by id so the order is the same on every store.
    .sort((a, b) => lastRun(a.id) - lastRun(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const runs: MeasureRun[] = [];
  let requests = 0;
  for (const [i, target] of due.entries()) {
    if (deadline.passed) return { runs, left: due.length - i, requests };
    const owner = scheduledReader(target);
    const counted = meter(withDeadline(owner === undefined ? refuseWithoutOwner(target.id) : deps.asUserId(owner), deadline));
    const run = await runMeasure(
      { store: deps.store, measures: deps.sourceFor ? { jira: deps.sourceFor(counted.request) } : {}, now: () => new Date(now()), today },
      target,
      owner ?? '(no owner)',
      'schedule',
    );
    requests += counted.count;
    runs.push(run);
  }
  return { runs, left: 0, requests };
}

/** Asks nothing: a measure with no owner has nobody to read as, and the app must not stand in. */
function refuseWithoutOwner(id: string): JiraRequest {
  return () =>
    Promise.reject(new Error(`${id} has no owner: scheduled runs read as the measure's owner, so give it one (or measure it now as yourself)`));
}
