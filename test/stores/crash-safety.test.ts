// Issue 8, finding 6: a write that takes many requests must leave the old data or the new, never
// a mix, whatever request the connection dies at. For every request k of an import of the demo
// plan over a different plan (and of deleting an objective with many KRs and links), the
// connection is cut at k (before the service gets the request, or after it applied it but before
// the answer), the store is dropped as a dead process would drop it, and a fresh store on the
// same service reads the plan back: it must be exactly the old plan or exactly the new one. A
// later import must then work.
import { describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app';
import { localApp } from '../app/actors';
import type { Plan } from '../../src/core/model/plan';
import type { DocumentStore } from '../../src/core/ports/document-store';
import { ExtensionDataDocumentStore } from '../../src/stores/ado-extension-data-document-store';
import { ForgeKvsDocumentStore } from '../../src/stores/forge-kvs-document-store';
import { FakeWorkItemSource } from '../app/fake-work-item-source';
import { DEMO, DEMO_TEXT, TODAY } from '../app/harness';
import { FakeExtensionDataManager } from '../fakes/ado-extension-data';
import { forgeEntities } from '../fakes/forge-entities';
import { FakeForgeKvs } from '../fakes/forge-kvs';

type When = 'before' | 'after';

interface Service {
  open(): DocumentStore;
  /** A store whose connection dies at its `at`-th request. */
  openCut(at: number, when: When): DocumentStore;
  /** Ends the cut; whether it was reached. */
  reconnect(): boolean;
  requests(): number;
  /** What the service holds, to be put back by `restore` (each run starts from the same state). */
  save(): unknown;
  restore(saved: unknown): void;
  close(): void;
}

const services: Record<string, () => Service> = {
  'Azure DevOps Extension Data Service': () => {
    const data = new FakeExtensionDataManager();
    let cut: ReturnType<FakeExtensionDataManager['cutAt']> | undefined;
    return {
      open: () => new ExtensionDataDocumentStore(data),
      openCut: (at, when) => new ExtensionDataDocumentStore((cut = data.cutAt(at, when))),
      reconnect: () => cut?.reached() ?? false,
      requests: () => data.calls.length,
      save: () => data.save(),
      restore: (saved) => data.restore(saved),
      close: () => undefined,
    };
  },
  'Forge KVS': () => {
    // Requests are answered without a turn of the event loop (the fake's default yields before
    // each): the store makes the same requests in the same order, and the many runs stay quick.
    const fake = new FakeForgeKvs({ entities: forgeEntities(), yieldBeforeRequest: false });
    const uninstall = fake.install();
    const open = () => new ForgeKvsDocumentStore({ retry: { sleep: () => Promise.resolve() } });
    return {
      open,
      openCut: (at, when) => {
        fake.cutAt(at, when);
        return open();
      },
      reconnect: () => fake.reconnect(),
      requests: () => fake.requests.length,
      save: () => fake.save(),
      restore: (saved) => fake.restore(saved),
      close: uninstall,
    };
  },
};

const appOn = (store: DocumentStore): App => createApp({ store, source: new FakeWorkItemSource(WIDE.workItems), ...localApp(), today: () => TODAY });
const exported = async (app: App): Promise<Plan> => (await app.call('exportPlan', { format: 'json' })).plan;

/** A different plan: objectives renamed, the last one gone, a KPI renamed. */
const OLD: Plan = {
  ...DEMO,
  objectives: DEMO.objectives.slice(0, -1).map((o) => ({ ...o, title: `${o.title} (last year)` })),
  kpis: DEMO.kpis.map((k, i) => (i === 0 ? { ...k, title: `${k.title} (old)` } : k)),
};
const OLD_TEXT = JSON.stringify(OLD);

/** The demo plan with one objective of 12 KRs, 3 links each: deleting it is 49 documents. */
const team = DEMO.teams[0]?.id as string;
const period = DEMO.periods[0]?.id as string;
const WIDE: Plan = {
  ...DEMO,
  objectives: [
    ...DEMO.objectives,
    {
      id: 'O-WIDE',
      title: 'Many key results',
      team,
      period,
      keyResults: Array.from({ length: 12 }, (_, i) => ({
        id: `KR-WIDE-${i}`,
        title: `Key result ${i}`,
        type: 'effort' as const,
        links: [1, 2, 3].map((n) => `jira:WIDE-${i * 3 + n}`),
      })),
    },
  ],
  // The linked items exist: an import links only what its importer can see.
  workItems: [...DEMO.workItems, ...Array.from({ length: 36 }, (_, i) => ({ ref: `jira:WIDE-${i + 1}`, title: `Wide ${i + 1}`, status: 'todo' as const }))],
};

/** Lets whatever the dead store still had in flight run out (it fails at once), before reconnecting. */
async function drain(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

interface Scenario {
  /** Puts the old state in place; answers the plan as it reads back. */
  setup(app: App, store: DocumentStore): Promise<void>;
  /** The write that gets cut. */
  write(app: App, store: DocumentStore): Promise<unknown>;
}

const importDemo: Scenario = {
  setup: async (app) => void (await app.call('importPlan', { text: OLD_TEXT, format: 'json' })),
  write: (app) => app.call('importPlan', { text: DEMO_TEXT, format: 'yaml' }),
};

const deleteWide: Scenario = {
  setup: async (app) => void (await app.call('importPlan', { text: JSON.stringify(WIDE), format: 'json' })),
  write: async (app, store) => app.call('deleteObjective', { id: 'O-WIDE', expected: (await store.get('objectives', 'O-WIDE'))?.version as string }),
};

/** Runs the scenario cut at every request; answers how often the old and the new state came back. */
async function cutEverywhere(make: () => Service, scenario: Scenario) {
  const service = make();
  try {
    await scenario.setup(appOn(service.open()), service.open());
    const start = service.save();
    // A run without a cut: the two states, and how many requests the write makes.
    const cleanApp = appOn(service.open());
    const before = await exported(cleanApp);
    const counted = service.requests();
    await scenario.write(cleanApp, service.open());
    const requests = service.requests() - counted;
    const after = await exported(cleanApp);
    expect(after).not.toEqual(before);

    const seen = { old: 0, new: 0 };
    for (const when of ['before', 'after'] as const) {
      for (let k = 1; k <= requests; k++) {
        service.restore(start);
        const dying = service.openCut(k, when);
        await scenario.write(appOn(dying), dying).catch(() => undefined);
        await drain();
        expect(service.reconnect(), `the cut at request ${k} was reached`).toBe(true);
        // Two readers come at once (two tabs, two resolvers): both may finish what the dead one
        // left, and both must read the same whole plan.
        const app = appOn(service.open());
        const [plan, other] = await Promise.all([exported(app), exported(appOn(service.open()))]);
        expect(other).toEqual(plan);
        if (JSON.stringify(plan) === JSON.stringify(before)) seen.old++;
        else {
          expect(plan, `cut ${when} request ${k} of ${requests}: neither the old plan nor the new one`).toEqual(after);
          seen.new++;
        }
        // And the store works on: a later import goes through whole.
        await app.call('importPlan', { text: DEMO_TEXT, format: 'yaml' });
        expect(await exported(appOn(service.open()))).toEqual(DEMO);
      }
    }
    return { requests, ...seen };
  } finally {
    service.close();
  }
}

describe.each(Object.keys(services))('crash safety on %s', (name) => {
  const make = services[name] as () => Service;

  it('an import of the demo plan over another plan, cut at any request, leaves one plan or the other', async () => {
    const { requests, old, new: fresh } = await cutEverywhere(make, importDemo);
    console.log(`[figures] ${name}: importing the demo plan over another plan takes ${requests} requests; cut at each (before and after the service applied it): old plan ${old} times, new plan ${fresh} times, never a mix`);
    expect(old).toBeGreaterThan(0);
    expect(fresh).toBeGreaterThan(0);
  }, 600_000);

  it('deleting an objective with many KRs and links, cut at any request, leaves it whole or gone', async () => {
    const { requests, old, new: fresh } = await cutEverywhere(make, deleteWide);
    console.log(`[figures] ${name}: deleting an objective of 12 KRs and 36 links takes ${requests} requests; whole ${old} times, gone ${fresh} times, never a mix`);
    expect(old).toBeGreaterThan(0);
    expect(fresh).toBeGreaterThan(0);
  }, 600_000);
});
