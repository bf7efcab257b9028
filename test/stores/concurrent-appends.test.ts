// Issue 8, finding 10: check-ins and readings made at the same moment must all land, on every
// store, and keep the order they were made in. Before, ids were `<kr>#<seq>` from the count of
// check-ins each writer had read, so simultaneous writers created the same id and all but one
// were refused as "changed by someone else".
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/create-app';
import { NO_HISTORY } from '../../src/app/history';
import { localActor } from '../../src/app/local-actor';
import type { DocumentStore } from '../../src/core/ports/document-store';
import { ExtensionDataDocumentStore } from '../../src/stores/ado-extension-data-document-store';
import { ForgeKvsDocumentStore } from '../../src/stores/forge-kvs-document-store';
import { MemoryDocumentStore } from '../../src/stores/memory-document-store';
import { SqliteDocumentStore } from '../../src/stores/sqlite-document-store';
import { FakeWorkItemSource } from '../app/fake-work-item-source';
import { DEMO, DEMO_TEXT, TODAY } from '../app/harness';
import { FakeExtensionDataManager } from '../fakes/ado-extension-data';
import { forgeEntities } from '../fakes/forge-entities';
import { FakeForgeKvs } from '../fakes/forge-kvs';

interface Opened {
  store: DocumentStore;
  close(): void;
}

const stores: Record<string, () => Opened> = {
  memory: () => ({ store: new MemoryDocumentStore({ maxPageSize: 20 }), close: () => undefined }),
  sqlite: () => {
    const dir = mkdtempSync(join(tmpdir(), 'harmony-appends-'));
    const store = SqliteDocumentStore.open(join(dir, 'store.db'));
    return { store, close: () => (store.close(), rmSync(dir, { recursive: true, force: true })) };
  },
  'forge kvs': () => {
    const uninstall = new FakeForgeKvs({ entities: forgeEntities(), yieldBeforeRequest: true }).install();
    return { store: new ForgeKvsDocumentStore({ retry: { sleep: () => Promise.resolve() } }), close: uninstall };
  },
  'azure devops extension data': () => ({ store: new ExtensionDataDocumentStore(new FakeExtensionDataManager()), close: () => undefined }),
};

const KR = 'KR-RETENTION';
const KPI = 'churn';

describe.each(Object.keys(stores))('concurrent appends on the %s store', (name) => {
  let opened: Opened | undefined;
  afterEach(() => opened?.close());

  async function app() {
    opened = (stores[name] as () => Opened)();
    const source = new FakeWorkItemSource(DEMO.workItems);
    const a = createApp({ store: opened.store, source, actor: localActor('tester', source), history: NO_HISTORY, today: () => TODAY });
    await a.call('importPlan', { text: DEMO_TEXT, format: 'yaml' });
    return a;
  }

  it.each([5, 50])('%i simultaneous check-ins and readings all land, after what was there and before what comes next', async (n) => {
    const a = await app();
    const before = await a.call('getKeyResult', { kr: KR });
    const kpiBefore = DEMO.kpis.find((k) => k.id === KPI)?.readings ?? [];
    const values = Array.from({ length: n }, (_, i) => 1000 + i);
    const results = await Promise.allSettled([
      // Values far outside the KR's range need `confirm` (cadence); here they only mark the order.
      ...values.map((value) => a.call('checkIn', { kr: KR, value, at: TODAY, confirm: true })),
      ...values.map((value) => a.call('recordReading', { kpi: KPI, value, at: TODAY, confirm: true })),
    ]);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    // One more, made after all of them: it must come last.
    await a.call('checkIn', { kr: KR, value: 1, at: TODAY, confirm: true });
    await a.call('recordReading', { kpi: KPI, value: 1, at: TODAY, confirm: true });

    const after = await a.call('getKeyResult', { kr: KR });
    expect(after.checkIns.slice(0, before.checkIns.length)).toEqual(before.checkIns);
    const added = after.checkIns.slice(before.checkIns.length).map((c) => c.value);
    expect(added.slice(0, n).sort((x, y) => x - y)).toEqual(values);
    expect(added.slice(n)).toEqual([1]);

    const plan = (await a.call('exportPlan', { format: 'json' })).plan;
    const readings = plan.kpis.find((k) => k.id === KPI)?.readings ?? [];
    expect(readings.slice(0, kpiBefore.length)).toEqual(kpiBefore);
    const newReadings = readings.slice(kpiBefore.length).map((r) => r.value);
    expect(newReadings.slice(0, n).sort((x, y) => x - y)).toEqual(values);
    expect(newReadings.slice(n)).toEqual([1]);
    // Export then import gives the same plan back (the new ids are not lost in the round trip).
    await a.call('importPlan', { text: JSON.stringify(plan), format: 'json' });
    expect((await a.call('exportPlan', { format: 'json' })).plan).toEqual(plan);
  });
});
