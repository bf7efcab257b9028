// Issue 8, findings 3-5, at the app: what one viewer may not browse never reaches them, an import
// may not link what its importer cannot see, and one viewer's partial count never becomes history.
import { describe, expect, it } from 'vitest';
import { C } from '../../src/app/collections';
import { createApp } from '../../src/app/create-app';
import { NO_HISTORY, wholeScopeHistory } from '../../src/app/history';
import { listAll } from '../../src/app/list-all';
import { MemoryDocumentStore } from '../../src/stores/memory-document-store';
import { ADMIN, VIEWER } from './actors';
import { FakeWorkItemSource } from './fake-work-item-source';
import { DEMO, DEMO_TEXT, dumpStore, harness } from './harness';

/** ado:101 is a link of KR-CRM; the viewer may not see it (nor know its title). */
const HIDDEN = 'ado:101';
const HIDDEN_TITLE = 'CRM data migration';

describe('finding 3: an import links only what its importer may see', () => {
  it('refuses the whole file, naming every link the importer cannot see, and stores nothing', async () => {
    const h = await harness({ hidden: [HIDDEN, 'jira:CS-20'] });
    const before = await dumpStore(h.store);
    const error = await h.fail('importPlan', { text: DEMO_TEXT, format: 'yaml' });
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/2 work items you cannot see; nothing was imported/);
    expect(error.problems?.map((p) => p.message.split(' ')[0])).toEqual([HIDDEN, 'jira:CS-20']);
    expect(error.problems?.[0]?.path).toMatch(/^objectives\[\d+\]\.keyResults\[\d+\]\.links\[1\]$/);
    expect(await dumpStore(h.store)).toEqual(before);
  });

  it('a host that reads a system from the plan snapshot accepts the file’s own items there', async () => {
    const store = new MemoryDocumentStore();
    const source = Object.assign(new FakeWorkItemSource(DEMO.workItems.filter((w) => w.ref.startsWith('ado:'))), { snapshotSystems: ['jira'] as const });
    const app = createApp({ store, source, actor: ADMIN(), history: NO_HISTORY });
    expect(await app.call('importPlan', { text: DEMO_TEXT, format: 'yaml' })).toMatchObject({ objectives: DEMO.objectives.length });
    // ...but not an ADO link it cannot read live.
    source.hidden.add(HIDDEN);
    expect(await app.handle('importPlan', { text: DEMO_TEXT, format: 'yaml' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('finding 4: nothing the viewer may not browse is in an answer', () => {
  it('no key, title or count of a hidden item in the board, panel, KR detail, search or export', async () => {
    const h = await harness({ hidden: [HIDDEN, 'jira:CS-3'], actor: VIEWER() });
    const answers = [
      await h.call('getBoard', {}),
      await h.call('getPanel', { ref: 'jira:CS-1' }),
      await h.call('getKeyResult', { kr: 'KR-CRM' }),
      await h.call('searchWorkItems', { text: 'CRM' }),
      await h.call('exportPlan', { format: 'yaml' }),
    ];
    const text = JSON.stringify(answers);
    for (const secret of [HIDDEN, HIDDEN_TITLE, 'jira:CS-3', 'Import customer records']) expect(text).not.toContain(secret);
    // The visible link still shows, and the stored snapshot's visible items are exported.
    const kr = (await h.call('getKeyResult', { kr: 'KR-CRM' })).kr;
    expect(kr.links).toEqual(['jira:CS-1']);
    expect(kr.type === 'effort' && kr.explanation.unknownLinks).toEqual([]);
    expect((await h.call('exportPlan', { format: 'json' })).plan.workItems.map((w) => w.ref)).toContain('jira:CS-2');
  });

  it('the same calls by someone who may see everything do name it (the test would see a leak)', async () => {
    const h = await harness();
    const text = JSON.stringify([await h.call('getBoard', {}), await h.call('exportPlan', { format: 'yaml' })]);
    expect(text).toContain(HIDDEN);
    expect(text).toContain(HIDDEN_TITLE);
  });
});

describe('finding 5: history comes only from evaluations that saw the whole scope', () => {
  it('a viewer who cannot read a link of a KR records no point for it; whole KRs are recorded', async () => {
    const h = await harness({ hidden: [HIDDEN], actor: VIEWER() });
    await h.call('getBoard', {});
    const heads = new Map((await listAll<{ total?: number }>(h.store, C.snapshotHeads)).map((d) => [d.id, d.value]));
    expect(heads.has('KR-CRM')).toBe(false);
    expect(heads.has('KR-SUCCESS-PLANS')).toBe(true);
    // Reads through getKeyResult record nothing for it either.
    expect((await h.call('getKeyResult', { kr: 'KR-CRM' })).history).toEqual([]);
  });

  it('the host decides: a recorder that keeps nothing (Forge resolvers) leaves no history at all', async () => {
    const h = await harness({ history: NO_HISTORY });
    await h.call('getBoard', {});
    await h.call('checkIn', { kr: 'KR-HEALTHY', value: 44 });
    expect(await listAll(h.store, C.snapshots)).toEqual([]);
  });

  it('and a recorder with a condition (ADO: project administrators) records only when it holds', async () => {
    let admin = false;
    const store = new MemoryDocumentStore();
    const source = new FakeWorkItemSource(DEMO.workItems);
    const app = createApp({ store, source, actor: ADMIN(), history: wholeScopeHistory(store, () => Promise.resolve(admin)) });
    await app.call('importPlan', { text: DEMO_TEXT, format: 'yaml' });
    await app.call('getBoard', {});
    expect(await listAll(store, C.snapshotHeads)).toEqual([]);
    admin = true;
    await app.call('getBoard', {});
    expect((await listAll(store, C.snapshotHeads)).length).toBeGreaterThan(0);
  });
});
