// The Forge backend as it runs on Forge, in a test: the real @forge/api and @forge/resolver over
// the fake runtime boundary, Jira requests over HTTP to the emulated site (as the invoking user
// or as the app's own account), and a store with Forge's 20-item pages.
import { readFileSync } from 'node:fs';
import api, { getAppContext } from '@forge/api';
import { parse } from 'yaml';
import type { ApiEnvelope } from '../../src/app/api';
import type { IsoDate } from '../../src/core/model/dates';
import type { DocumentStore } from '../../src/core/ports/document-store';
import { createHandlers, type Handlers } from '../../src/forge/handlers';
import { forgeMeasureSource } from '../../src/forge/measure-source';
import type { IssueEvent } from '../../src/forge/triggers/issue-events';
import { ForgeKvsDocumentStore } from '../../src/stores/forge-kvs-document-store';
import { MemoryDocumentStore } from '../../src/stores/memory-document-store';
import type { EmulatedUser, JiraDataset } from '../../src/workbench/emulators/jira';
import { forgeEntities } from '../fakes/forge-entities';
import { FakeForgeKvs } from '../fakes/forge-kvs';
import { FakeForgeRuntime } from './fakes/forge-runtime';
import { JiraSite, type SiteAccess } from './fakes/jira-site';

/** The app's own account on the site: Forge's `asApp()` sees every project the app is installed for. */
export function appAccount(projects: readonly string[]): EmulatedUser {
  return { accountId: '557058:harmony-app', displayName: 'Harmony (app)', email: 'harmony-app@connect.atlassian.invalid', apiToken: 'app-token', projects: [...projects] };
}

export interface ForgeHarness {
  site: JiraSite;
  /** The KVS service fake, when the store is the Forge one. */
  kvs: FakeForgeKvs | undefined;
  runtime: FakeForgeRuntime;
  store: DocumentStore;
  handlers: Handlers;
  /** Calls a resolver as `accountId`, as `invoke(name, payload)` from the Custom UI does. */
  invoke(name: string, payload: unknown, accountId: string, budgetMs?: number): Promise<ApiEnvelope<unknown>>;
  /** Delivers an issue event to the trigger. */
  event(event: IssueEvent, budgetMs?: number): ReturnType<Handlers['issueEvents']>;
  reconcile(budgetMs?: number): ReturnType<Handlers['reconcile']>;
  drain(budgetMs?: number): ReturnType<Handlers['drain']>;
  /** Delivers the hourly measure tick (SPEC §8). */
  measure(budgetMs?: number): ReturnType<Handlers['measure']>;
  /** Jira requests per resolver call, as the resolver counted them. */
  resolverRequests: { name: string; count: number }[];
  close(): Promise<void>;
}

/**
 * `kvs`: the Forge store on the real @forge/kvs, against the KVS fake behind the runtime boundary
 * (the entities the manifest declares); `memory`: the in-process store with Forge's 20-item pages.
 */
export type StoreKind = 'kvs' | 'memory';
export const STORE_KINDS: readonly StoreKind[] = ['kvs', 'memory'];

export interface HarnessOptions {
  dataset: JiraDataset;
  today: IsoDate;
  /** Emails of the Jira administrators; default: alice (who imports the plans), where she exists. */
  admins?: string[];
  /** Group names per user email, and projects users may browse but not edit. */
  access?: SiteAccess;
  store?: StoreKind;
  coalesceMs?: number;
  /** The triggers' sleep (the coalescing wait); real time when not given. */
  sleep?: (ms: number) => Promise<void>;
  resolverMarginMs?: number;
  /** Scopes allowing `asUser(accountId)`; default: what manifest.yml declares. */
  impersonationScopes?: readonly string[];
}

/** The scopes manifest.yml declares with `allowImpersonation: true`, as the platform reads them. */
export function manifestImpersonationScopes(): string[] {
  const manifest = parse(readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8')) as { permissions?: { scopes?: unknown } };
  const scopes = manifest.permissions?.scopes;
  if (!scopes || typeof scopes !== 'object' || Array.isArray(scopes)) return [];
  return Object.entries(scopes as Record<string, { allowImpersonation?: unknown } | null>)
    .filter(([, options]) => options?.allowImpersonation === true)
    .map(([scope]) => scope);
}

export async function forgeHarness(options: HarnessOptions): Promise<ForgeHarness> {
  const admins = options.admins ?? options.dataset.users.filter((u) => u.email === 'alice@rain.town').map((u) => u.email);
  const site = await JiraSite.start(options.dataset, { admins, ...options.access });
  const app = options.dataset.users.find((u) => u.accountId === appAccount([]).accountId);
  if (!app) throw new Error('the dataset must include appAccount(...) for asApp()');
  const kvs = options.store === 'memory' ? undefined : new FakeForgeKvs({ entities: forgeEntities() });
  const runtime = new FakeForgeRuntime({
    siteUrl: site.url,
    users: options.dataset.users,
    app,
    ...(kvs ? { kvs } : {}),
    impersonationScopes: options.impersonationScopes ?? manifestImpersonationScopes(),
  });
  const restore = runtime.install();
  const store: DocumentStore = kvs ? new ForgeKvsDocumentStore() : new MemoryDocumentStore({ maxPageSize: 20 });
  const resolverRequests: { name: string; count: number }[] = [];
  const handlers = createHandlers({
    store,
    api,
    remaining: () => getAppContext().invocationRemainingTimeInMillis(),
    today: () => options.today,
    coalesceMs: options.coalesceMs ?? 0,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.resolverMarginMs !== undefined ? { resolverMarginMs: options.resolverMarginMs } : {}),
    onRequests: (name, count) => resolverRequests.push({ name, count }),
    measureSource: forgeMeasureSource,
    log: () => undefined,
  });
  return {
    site,
    kvs,
    runtime,
    store,
    handlers,
    resolverRequests,
    invoke: async (name, payload, accountId, budgetMs) =>
      (await runtime.resolve(handlers.resolver, name, payload, { accountId, ...(budgetMs !== undefined ? { budgetMs } : {}) })) as ApiEnvelope<unknown>,
    event: (event, budgetMs) => runtime.trigger('issue-events', () => handlers.issueEvents(event), budgetMs),
    reconcile: (budgetMs) => runtime.trigger('reconcile', () => handlers.reconcile(), budgetMs ?? 900_000),
    drain: (budgetMs) => runtime.trigger('drain', () => handlers.drain(), budgetMs ?? 900_000),
    measure: (budgetMs) => runtime.trigger('measure', () => handlers.measure(), budgetMs ?? 900_000),
    close: async () => {
      restore();
      await site.close();
    },
  };
}

/** The envelope's data, or a failure naming the error. */
export function dataOf<T>(envelope: ApiEnvelope<unknown>): T {
  if (!envelope.ok) throw new Error(`call failed: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data as T;
}
