// One run of one measure: the query runs as whoever the runner speaks for, a value (if any) is
// recorded for the run's day, and the run log gets one entry saying what happened. A failed run
// is logged with the tracker's words and records nothing, so the last good value stays shown.
import type { IsoDate } from '../../core/model/dates';
import { ConflictError, NotFoundError } from '../../core/model/errors';
import { measureTracker, noValueText } from '../../core/model/measure';
import type { DocumentStore } from '../../core/ports/document-store';
import type { MeasureRun, MeasureTrigger } from '../api';
import { C, measureRunId, type MeasureHeadDoc, type MeasureRunDoc } from '../collections';
import { listAll } from '../list-all';
import { appendSuffix } from '../next-seq';
import { storeMeasuredValue } from './record-value';
import { trackerWords } from './tracker-words';
import type { MeasureRunners } from './runner';
import type { MeasuredTarget } from './targets';

/** Runs kept per measure: enough to explain a few weeks of daily runs, bounded in storage. */
export const RUNS_KEPT = 50;

export interface RunDeps {
  store: DocumentStore;
  measures: MeasureRunners;
  now: () => Date;
  today: () => IsoDate;
}

export async function runMeasure(deps: RunDeps, target: MeasuredTarget, by: string, trigger: MeasureTrigger): Promise<MeasureRun> {
  const at = deps.now().toISOString();
  const day = deps.today();
  const tracker = measureTracker(target.measure);
  let run: MeasureRun;
  const base = {
    measure: target.id,
    kind: target.kind,
    at,
    day,
    by,
    trigger,
    tracker,
    query: target.measure.jql ?? target.measure.wiql ?? '',
    aggregate: target.measure.aggregate ?? 'count',
    ...(target.measure.field !== undefined ? { field: target.measure.field } : {}),
    ...(target.measure.of !== undefined ? { of: target.measure.of } : {}),
  } as const;
  try {
    const runner = deps.measures[tracker];
    if (!runner) throw new Error(`this host cannot run ${tracker === 'jira' ? 'JQL (Jira)' : 'WIQL (Azure DevOps)'} queries`);
    const result = await runner.run(target.measure);
    run = {
      ...base,
      matched: result.matched,
      ...(result.denominator !== undefined ? { denominator: result.denominator } : {}),
      ...(result.value !== undefined ? { value: result.value } : {}),
      ...(result.noValue !== undefined ? { noValue: noValueText(result.noValue) } : {}),
      requests: result.requests,
      url: result.queryUrl,
    };
    if (result.value !== undefined) await storeMeasuredValue(deps.store, target, day, result.value, result.matched);
  } catch (e) {
    run = { ...base, requests: requestsOf(e), error: trackerWords(e) };
  }
  await logRun(deps.store, run);
  return run;
}

async function logRun(store: DocumentStore, run: MeasureRun): Promise<void> {
  const doc: MeasureRunDoc = run;
  await store.put(C.measureRuns, measureRunId(run.measure, run.at, appendSuffix()), doc, { expected: null, indexes: { measure: run.measure } });
  const head = await store.get<MeasureHeadDoc>(C.measureHeads, run.measure);
  const next: MeasureHeadDoc = {
    ...(head?.value ?? { measure: run.measure }),
    lastRunAt: run.at,
    ...(run.value !== undefined ? { lastValueAt: run.at } : {}),
  };
  if (run.error !== undefined) next.lastError = run.error;
  else delete next.lastError;
  // The head is a cache of the log: a concurrent writer's head is as good as ours.
  await store.put(C.measureHeads, run.measure, next, { expected: head?.version ?? null }).catch(ignoreConflict);
  const runs = await listAll<MeasureRunDoc>(store, C.measureRuns, { index: 'measure', value: run.measure });
  // Another run may be pruning the same old entries: whoever deletes first has done the work.
  for (const old of runs.slice(0, Math.max(0, runs.length - RUNS_KEPT))) await store.delete(C.measureRuns, old.id, old.version).catch(ignoreConflict);
}

function ignoreConflict(e: unknown): void {
  if (e instanceof ConflictError || e instanceof NotFoundError) return;
  throw e;
}

function requestsOf(e: unknown): number {
  const n = (e as { requests?: unknown } | null)?.requests;
  return typeof n === 'number' ? n : 0;
}

/**
 * Takes the right to run a measure that is due (not run for `everyMs`): writes the claim under
 * the head's version, so of several clients deciding at once exactly one gets it. Shared through
 * whatever the store is (Azure DevOps: the Extension Data Service every editor's browser uses).
 */
export async function claimDue(store: DocumentStore, measure: string, now: Date, everyMs: number): Promise<boolean> {
  const head = await store.get<MeasureHeadDoc>(C.measureHeads, measure);
  const last = Math.max(Date.parse(head?.value.lastRunAt ?? '') || 0, Date.parse(head?.value.claimedAt ?? '') || 0);
  if (now.getTime() - last < everyMs) return false;
  try {
    await store.put(C.measureHeads, measure, { ...(head?.value ?? { measure }), claimedAt: now.toISOString() }, { expected: head?.version ?? null });
    return true;
  } catch (e) {
    if (e instanceof ConflictError) return false;
    throw e;
  }
}
