// The four Forge functions of manifest.yml, built over injected parts so that tests run them
// with the real @forge/api and @forge/resolver against a fake of the runtime boundary, and
// index.ts runs them with the Forge store.
import ResolverModule from '@forge/resolver';
import type { RequestProductMethod } from '@forge/api';
import { todayUtc, type IsoDate } from '../core/model/dates';
import type { WebhookFetch } from '../app/digest/deliver';
import { postWeeklyDigest, type DigestOutcome } from './digest';
import type { DocumentStore } from '../core/ports/document-store';
import type { RemainingTime } from './deadline';
import { forgeJiraRequest } from './jira-request';
import { defineResolvers } from './resolvers';
import { triggerContext } from './triggers/context';
import { handleIssueEvent, type EventOutcome, type IssueEvent } from './triggers/issue-events';
import { drainAll, runPass, type PassProgress } from './triggers/reconcile';
import { measurePass, type MeasurePassResult } from './triggers/measure-pass';
import type { MeasureSource } from '../core/ports/measure-source';
import type { JiraRequest } from '../trackers/jira/request';

// @forge/resolver is CommonJS with `exports.default = Resolver`. Bundlers (Forge's, Vite's) hand us
// the class as the default import; Node's own ESM loader hands us the exports object instead.
const Resolver = (ResolverModule as unknown as { default?: typeof ResolverModule }).default ?? ResolverModule;
type Resolver = InstanceType<typeof Resolver>;

/** The part of `@forge/api`'s default export Harmony uses. */
export interface ForgeApi {
  /** No id: the invoking user (resolvers). An accountId: that user offline (the measure trigger). */
  asUser(accountId?: string): { requestJira: RequestProductMethod };
  asApp(): { requestJira: RequestProductMethod };
}

export interface HandlerDeps {
  store: DocumentStore;
  api: ForgeApi;
  remaining: RemainingTime;
  today?: () => IsoDate;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  coalesceMs?: number;
  /** Resolver safety margin before the 25 s limit; default 5 s. */
  resolverMarginMs?: number;
  onRequests?: (name: string, count: number) => void;
  log?: (message: string, error?: unknown) => void;
  /** Measured values (SPEC §8): the Jira measure source over a request; none: JQL measures fail in words. */
  measureSource?: (request: JiraRequest) => MeasureSource;
  /** Cadence: how the weekly digest posts (@forge/api's fetch, within the manifest's egress). */
  fetch?: WebhookFetch;
}

export interface Handlers {
  resolver: ReturnType<Resolver['getDefinitions']>;
  issueEvents: (event: IssueEvent, context?: unknown) => Promise<EventOutcome | undefined>;
  reconcile: (event?: unknown, context?: unknown) => Promise<PassProgress | undefined>;
  drain: (event?: unknown, context?: unknown) => Promise<{ drained: string[]; pass: PassProgress } | undefined>;
  /** The hourly measure pass: each JQL measure as its owner (offline impersonation). */
  measure: (event?: unknown, context?: unknown) => Promise<MeasurePassResult | undefined>;
  /** Cadence: the weekly digest (docs/digest.md). */
  digest: (event?: unknown, context?: unknown) => Promise<DigestOutcome | undefined>;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const log = deps.log ?? ((message: string, error?: unknown) => console.error(message, error));
  const triggerDeps = () => ({
    store: deps.store,
    asApp: () => forgeJiraRequest(deps.api.asApp().requestJira),
    remaining: deps.remaining,
    ...(deps.today ? { today: deps.today } : {}),
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    ...(deps.coalesceMs !== undefined ? { coalesceMs: deps.coalesceMs } : {}),
    log,
  });
  // A trigger that throws is not retried by Forge; what it left marked dirty is finished by the
  // next event or the hourly drain, so the error is logged rather than rethrown.
  const guarded = <T>(what: string, run: () => Promise<T>): Promise<T | undefined> =>
    run().catch((e: unknown) => {
      log(`Harmony ${what} failed; the hourly drain will finish its work`, e);
      return undefined;
    });
  return {
    resolver: defineResolvers(new Resolver(), {
      store: deps.store,
      asUser: () => forgeJiraRequest(deps.api.asUser().requestJira),
      remaining: deps.remaining,
      ...(deps.today ? { today: deps.today } : {}),
      ...(deps.resolverMarginMs !== undefined ? { marginMs: deps.resolverMarginMs } : {}),
      ...(deps.onRequests ? { onRequests: deps.onRequests } : {}),
      log,
      ...(deps.measureSource ? { measureSource: deps.measureSource } : {}),
    }).getDefinitions(),
    issueEvents: (event) => guarded('issue event', async () => handleIssueEvent(await triggerContext(triggerDeps()), event)),
    reconcile: () => guarded('reconciliation', async () => runPass(await triggerContext(triggerDeps()), { start: true })),
    drain: () => guarded('drain', async () => drainAll(await triggerContext(triggerDeps()))),
    measure: () =>
      guarded('measure pass', () =>
        measurePass({
          store: deps.store,
          asUserId: (accountId) => forgeJiraRequest(deps.api.asUser(accountId).requestJira),
          ...(deps.measureSource ? { sourceFor: deps.measureSource } : {}),
          remaining: deps.remaining,
          ...(deps.today ? { today: deps.today } : {}),
          ...(deps.now ? { now: deps.now } : {}),
        }),
      ),
    digest: () =>
      postWeeklyDigest({
        store: deps.store,
        fetch: deps.fetch ?? globalThis.fetch,
        sleep: deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
        today: deps.today ?? (() => todayUtc()),
        log,
      }).catch((e: unknown) => {
        log('Harmony weekly digest failed; it runs again next week', e);
        return undefined;
      }),
  };
}
