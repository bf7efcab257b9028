// What every trigger invocation works with: the store, Jira as the app (with this invocation's
// deadline and a request count), the app's view of the site's work items, and a clock.
import { randomUUID } from 'node:crypto';
import { completeEvaluationHistory, type HistoryRecorder } from '../../app/history';
import { todayUtc, type IsoDate } from '../../core/model/dates';
import type { DocumentStore } from '../../core/ports/document-store';
import { JiraWorkItemSource } from '../../trackers/jira/work-item-source';
import type { JiraRequest } from '../../trackers/jira/request';
import { Deadline, deadlineSleep, withDeadline, type RemainingTime } from '../deadline';
import { meter, type RequestMeter } from '../request-meter';
import { mappingFor } from '../settings';

export interface TriggerDeps {
  store: DocumentStore;
  /** Jira as the app (`api.asApp().requestJira`): triggers have no viewer. */
  asApp: () => JiraRequest;
  /** Time left in this invocation (`getAppContext().invocationRemainingTimeInMillis`). */
  remaining: RemainingTime;
  today?: () => IsoDate;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /**
   * How long the invocation that takes a KR's lease waits before draining, so that the other
   * events of a storm (bulk edits arrive as hundreds of events within seconds) land in the same
   * round. Default 2 s.
   */
  coalesceMs?: number;
  /** Kept free at the end of the invocation to release leases and return. Default 3 s. */
  marginMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface TriggerContext {
  store: DocumentStore;
  request: JiraRequest;
  source: JiraWorkItemSource;
  meter: RequestMeter;
  deadline: Deadline;
  today: IsoDate;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Identifies this invocation as a lease owner. */
  owner: string;
  coalesceMs: number;
  log: (message: string, error?: unknown) => void;
  /** Progress history: on Forge only these evaluations, as the app over the whole scope, write it. */
  history: HistoryRecorder;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function triggerContext(deps: TriggerDeps): Promise<TriggerContext> {
  const now = deps.now ?? Date.now;
  const deadline = Deadline.before(deps.remaining, deps.marginMs ?? 3_000, now);
  const counted = meter(withDeadline(deps.asApp(), deadline));
  const mapping = await mappingFor(deps.store, counted.request);
  const sleep = deps.sleep ?? realSleep;
  const source = new JiraWorkItemSource({
    request: counted.request,
    ...mapping,
    retry: { maxDelayMs: 10_000, sleep: deadlineSleep(deadline) },
  });
  return {
    store: deps.store,
    request: counted.request,
    source,
    meter: counted,
    deadline,
    today: (deps.today ?? (() => todayUtc()))(),
    now,
    sleep,
    owner: randomUUID(),
    coalesceMs: deps.coalesceMs ?? 2_000,
    log: deps.log ?? ((message, error) => console.error(message, error)),
    history: completeEvaluationHistory(deps.store),
  };
}
