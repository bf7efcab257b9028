import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/create-app';
import { wholeScopeHistory } from '../../src/app/history';
import { localActor } from '../../src/app/local-actor';
import type { DocumentStore, WriteOp } from '../../src/core/ports/document-store';
import { parsePlanText } from '../../src/core/plan/parse';
import { MemoryDocumentStore } from '../../src/stores/memory-document-store';
import { generateObjective, generatePlan } from '../builders';
import { DEMO, DEMO_TEXT, dumpStore, harness, TODAY } from './harness';
import { FakeWorkItemSource } from './fake-work-item-source';

describe('importPlan / exportPlan', () => {
  it('round-trips: import → export → import gives the same plan, YAML and JSON (SPEC §1)', async () => {
    const h = await harness();
    for (const format of ['yaml', 'json'] as const) {
      const { text, plan } = await h.call('exportPlan', { format });
      expect(plan).toEqual(DEMO);
      expect(parsePlanText(text, format)).toEqual(DEMO);
      await h.call('importPlan', { text, format });
      expect(await h.exported()).toEqual(DEMO);
    }
  });

  it('imports the YAML file as written, and counts what it stored', async () => {
    const store = new MemoryDocumentStore({ maxPageSize: 20 });
    const source = new FakeWorkItemSource(DEMO.workItems);
    const app = createApp({ store, source, actor: localActor('ada', source), history: wholeScopeHistory(store), today: () => TODAY });
    expect(await app.call('importPlan', { text: DEMO_TEXT })).toEqual({ objectives: 6, keyResults: 21, kpis: 5 });
    expect((await app.call('exportPlan', { format: 'yaml' })).plan).toEqual(DEMO);
  });

  it('replaces the stored plan as a whole: what the new plan lacks is gone', async () => {
    const h = await harness();
    await h.call('getBoard', {}); // snapshots of every KR
    const small = generatePlan({ objectives: [generateObjective({ id: 'O-NEW' })] });
    await h.call('importPlan', { text: JSON.stringify(small) });
    expect(await h.exported()).toEqual(small);
    const dump = await dumpStore(h.store);
    expect(dump.snapshots?.every((s) => ['KR-RETENTION', 'KR-CRM'].includes((s as { value: { kr: string } }).value.kr))).toBe(true);
    expect(dump.snapshotHeads?.map((s) => (s as { id: string }).id).sort()).toEqual(['KR-CRM', 'KR-RETENTION']);
  });

  it('refuses an invalid plan with every problem and its path; nothing stored changes', async () => {
    const h = await harness();
    const before = await dumpStore(h.store);
    const broken = DEMO_TEXT.replace('target: 75', 'tagret: 75').replace('team: sales\n', 'team: marketing\n');
    const error = await h.fail('importPlan', { text: broken });
    expect(error.code).toBe('invalid-input');
    expect(error.problems).toContainEqual({ path: 'objectives[1].keyResults[0].tagret', message: 'unknown field (did you mean "target"?)' });
    expect((await h.fail('importPlan', { text: '' })).problems?.[0]?.path).toBe('text');
    expect((await h.fail('importPlan', { text: '{"okr": 1, "periods": [', format: 'json' })).code).toBe('invalid-input');
    expect(await dumpStore(h.store)).toEqual(before);
  });

  it('is atomic: a change made meanwhile by someone else fails the import as a conflict, changing nothing', async () => {
    const inner = new MemoryDocumentStore();
    let interfere = false;
    // Someone checks in between the import's reads and its write.
    const racing: DocumentStore = {
      get: (c, id) => inner.get(c, id),
      list: (c, q) => inner.list(c, q),
      put: (c, id, v, o) => inner.put(c, id, v, o),
      delete: (c, id, e) => inner.delete(c, id, e),
      async batch(ops: readonly WriteOp[]) {
        if (interfere) {
          interfere = false;
          const doc = await inner.get('settings', 'plan');
          await inner.put('settings', 'plan', { organization: 'Someone else' }, { expected: doc?.version ?? null });
        }
        return inner.batch(ops);
      },
    };
    const source = new FakeWorkItemSource([...DEMO.workItems, ...generatePlan().workItems]);
    const app = createApp({ store: racing, source, actor: localActor('ada', source), history: wholeScopeHistory(racing), today: () => TODAY });
    await app.call('importPlan', { text: DEMO_TEXT });
    interfere = true;
    const envelope = await app.handle('importPlan', { text: JSON.stringify(generatePlan()) });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const after = (await app.call('exportPlan', { format: 'json' })).plan;
    expect(after).toEqual({ ...DEMO, organization: 'Someone else' });
  });

  it('reads every page of a collection (Forge pages hold 20)', async () => {
    const objectives = Array.from({ length: 45 }, (_, i) => generateObjective({ id: `O${i}`, keyResults: [] }));
    const plan = generatePlan({ objectives });
    const h = await harness({ plan, maxPageSize: 20 });
    expect((await h.exported()).objectives.map((o) => o.id)).toEqual(objectives.map((o) => o.id));
    expect((await h.call('getBoard', {})).teams[0]?.objectives).toHaveLength(45);
  });
});
