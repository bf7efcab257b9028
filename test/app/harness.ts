// An app over the memory store and the fake source, loaded with a plan through importPlan.
import { readFileSync } from 'node:fs';
import type { ApiEnvelope, ApiInput, ApiName, ApiOutput } from '../../src/app/api';
import { createApp, type App } from '../../src/app/create-app';
import { wholeScopeHistory, type HistoryRecorder } from '../../src/app/history';
import type { Actor } from '../../src/app/permissions';
import type { MeasureRunners } from '../../src/app/measure/runner';
import type { IsoDate } from '../../src/core/model/dates';
import type { Plan } from '../../src/core/model/plan';
import type { WorkItem, WorkItemRef } from '../../src/core/model/work-item';
import { parsePlanText } from '../../src/core/plan/parse';
import { MemoryDocumentStore } from '../../src/stores/memory-document-store';
import { day } from '../builders';
import { ADMIN } from './actors';
import { FakeWorkItemSource } from './fake-work-item-source';

export const DEMO_TEXT = readFileSync(new URL('../../examples/rain-town-tea.yaml', import.meta.url), 'utf8');
export const DEMO: Plan = parsePlanText(DEMO_TEXT);
/** A day inside the demo's Q4 period, after its latest check-ins. */
export const TODAY = day('2026-11-15');

export interface Harness {
  app: App;
  store: MemoryDocumentStore;
  source: FakeWorkItemSource;
  clock: { today: IsoDate };
  call<K extends ApiName>(name: K, payload: ApiInput<K>): Promise<ApiOutput<K>>;
  /** The error envelope of a call expected to fail. */
  fail(name: ApiName, payload: unknown): Promise<Extract<ApiEnvelope<unknown>, { ok: false }>['error']>;
  exported(): Promise<Plan>;
}

export interface HarnessOptions {
  plan?: Plan;
  /** Tracker contents; default: the plan's work items. */
  items?: readonly WorkItem[];
  hidden?: readonly WorkItemRef[];
  today?: IsoDate;
  /** Page cap of the memory store; small values exercise paging. */
  maxPageSize?: number;
  /** Who calls after the plan is imported (by an admin); default: an admin. */
  actor?: Actor;
  /** Where history goes; default: the store, from whole evaluations. */
  history?: HistoryRecorder;
  /** Measured values: the trackers' measure sources, as the caller. */
  measures?: MeasureRunners;
  /** The time now (run log, hourly limit); default: noon of `today`. */
  now?: () => Date;
}

export async function harness(options: HarnessOptions = {}): Promise<Harness> {
  const plan = options.plan ?? DEMO;
  const store = new MemoryDocumentStore({ maxPageSize: options.maxPageSize ?? 20 });
  const source = new FakeWorkItemSource(options.items ?? plan.workItems);
  const clock = { today: options.today ?? TODAY };
  const history = options.history ?? wholeScopeHistory(store);
  // The plan is imported by an admin who sees every item; the viewer's hidden items hide after.
  await createApp({ store, source, actor: ADMIN(), history, today: () => clock.today }).call('importPlan', { text: JSON.stringify(plan), format: 'json' });
  for (const ref of options.hidden ?? []) source.hidden.add(ref);
  const app = createApp({
    store,
    source,
    actor: options.actor ?? ADMIN(),
    history,
    today: () => clock.today,
    ...(options.measures ? { measures: options.measures } : {}),
    now: options.now ?? (() => new Date(`${clock.today}T12:00:00Z`)),
  });
  const h: Harness = {
    app,
    store,
    source,
    clock,
    call: (name, payload) => app.call(name, payload),
    async fail(name, payload) {
      const envelope = await app.handle(name, payload);
      if (envelope.ok) throw new Error(`${name} succeeded: ${JSON.stringify(envelope.data).slice(0, 300)}`);
      return envelope.error;
    },
    async exported() {
      return (await app.call('exportPlan', { format: 'json' })).plan;
    },
  };
  return h;
}

/** Every stored document of every collection the app uses, to prove that nothing changed. */
export async function dumpStore(store: MemoryDocumentStore): Promise<Record<string, unknown[]>> {
  const { C } = await import('../../src/app/collections');
  const { listAll } = await import('../../src/app/list-all');
  const out: Record<string, unknown[]> = {};
  for (const c of Object.values(C)) out[c] = await listAll(store, c);
  return out;
}
