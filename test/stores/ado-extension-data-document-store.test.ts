import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/create-app';
import { localApp } from '../app/actors';
import { ConflictError } from '../../src/core/model/errors';
import type { WriteOp } from '../../src/core/ports/document-store';
import { ExtensionDataDocumentStore, type ExtensionDataManager } from '../../src/stores/ado-extension-data-document-store';
import { ExtensionDataNames, MAX_COLLECTION_NAME, escapeName } from '../../src/stores/ado-extension-data-names';
import { DEMO, DEMO_TEXT, TODAY } from '../app/harness';
import { FakeWorkItemSource } from '../app/fake-work-item-source';
import { documentStoreContract } from '../contract/document-store.contract';
import { ExtensionDataServiceError, FakeExtensionDataManager } from '../fakes/ado-extension-data';

documentStoreContract('Azure DevOps Extension Data Service', () => {
  const service = new FakeExtensionDataManager();
  return Promise.resolve({
    store: new ExtensionDataDocumentStore(service),
    // The data lives in the service: a restart is a new store (no cached pointers) on it.
    reopen: () => Promise.resolve(new ExtensionDataDocumentStore(service)),
    cleanup: () => Promise.resolve(),
  });
}, { durable: true });

// Forge-sized pages over the same service, so the store's own page cap path runs the contract too.
documentStoreContract(
  'Azure DevOps Extension Data Service, pages capped at 20',
  () => Promise.resolve({ store: new ExtensionDataDocumentStore(new FakeExtensionDataManager(), { maxPageSize: 20 }), cleanup: () => Promise.resolve() }),
  { pageCap: 20 },
);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('the fake Extension Data Service enforces __etag as documented', () => {
  it('create assigns etag 1 and refuses an id that exists', async () => {
    const data = new FakeExtensionDataManager();
    expect(await data.createDocument('c', { id: 'a', n: 1 })).toEqual({ id: 'a', n: 1, __etag: 1 });
    const error = await rejection(data.createDocument('c', { id: 'a', n: 2 }));
    expect(error).toMatchObject({ status: 409, serverError: { typeKey: 'DocumentExistsException' } });
    expect(await data.getDocument('c', 'a')).toEqual({ id: 'a', n: 1, __etag: 1 });
  });

  it('update with a stale etag throws and changes nothing; the current etag increments it; -1 always wins', async () => {
    const data = new FakeExtensionDataManager();
    await data.createDocument('c', { id: 'a', n: 1 });
    expect(await data.updateDocument('c', { id: 'a', n: 2, __etag: 1 })).toMatchObject({ n: 2, __etag: 2 });
    expect(await rejection(data.updateDocument('c', { id: 'a', n: 3, __etag: 1 }))).toMatchObject({ serverError: { typeKey: 'InvalidDocumentVersionException' } });
    expect(await data.getDocument('c', 'a')).toMatchObject({ n: 2, __etag: 2 });
    expect(await data.updateDocument('c', { id: 'a', n: 4, __etag: -1 })).toMatchObject({ n: 4, __etag: 3 });
    expect(await rejection(data.updateDocument('c', { id: 'zz', __etag: -1 }))).toMatchObject({ status: 404, serverError: { typeKey: 'DocumentDoesNotExistException' } });
  });

  it('set creates or updates, checking the etag of an existing document', async () => {
    const data = new FakeExtensionDataManager();
    expect(await data.setDocument('c', { id: 'a', n: 1 })).toMatchObject({ __etag: 1 });
    expect(await rejection(data.setDocument('c', { id: 'a', n: 2, __etag: 7 }))).toMatchObject({ serverError: { typeKey: 'InvalidDocumentVersionException' } });
    expect(await data.setDocument('c', { id: 'a', n: 3, __etag: -1 })).toMatchObject({ n: 3, __etag: 2 });
  });

  it('answers 404 for a missing collection and forgets a collection whose last document is deleted', async () => {
    const data = new FakeExtensionDataManager();
    expect(await rejection(data.getDocuments('nothing'))).toMatchObject({ status: 404, serverError: { typeKey: 'DocumentCollectionDoesNotExistException' } });
    expect(await rejection(data.getDocument('nothing', 'a'))).toMatchObject({ status: 404 });
    await data.createDocument('c', { id: 'a' });
    expect(await data.getDocuments('c')).toHaveLength(1);
    await data.deleteDocument('c', 'a');
    expect(await rejection(data.getDocuments('c'))).toMatchObject({ status: 404 });
    expect(await rejection(data.deleteDocument('c', 'a'))).toMatchObject({ status: 404 });
  });

  it('keeps the Default and User scopes apart, refuses long or non-ASCII collection names, folds their case', async () => {
    const data = new FakeExtensionDataManager();
    await data.setValue('k', 'org');
    await data.setValue('k', 'mine', { scopeType: 'User' });
    expect(await data.getValue('k')).toBe('org');
    expect(await data.getValue('k', { scopeType: 'User' })).toBe('mine');
    expect(await rejection(data.createDocument('x'.repeat(101), { id: 'a' }))).toBeInstanceOf(ExtensionDataServiceError);
    expect(await rejection(data.createDocument('ünïcode', { id: 'a' }))).toBeInstanceOf(ExtensionDataServiceError);
    await data.createDocument('Links', { id: 'a' });
    expect(await rejection(data.createDocument('links', { id: 'a' }))).toMatchObject({ status: 409 });
  });
});

describe('collection and document names', () => {
  it('escape to lowercase letters, digits and _, keeping distinct names distinct (KR1 vs kr1)', () => {
    const names = ['KR1', 'kr1', 'KR1#ado:42', 'kr1#ado:42', 'a-b', 'a_b', 'a.b', '\u{1F375}', 'é', 'e\u0301', ''];
    const escaped = names.map(escapeName);
    expect(new Set(escaped).size).toBe(names.length);
    for (const e of escaped) expect(e).toMatch(/^[a-z0-9_]*$/);
    expect(escapeName('KR1#ado:42')).toBe('_4b_521_23ado_3a42');
  });

  it('keep collection names within the service limit, with a digest when needed', async () => {
    const names = new ExtensionDataNames('okr');
    const long = 'jira:' + 'VERY-LONG-KEY-'.repeat(20);
    const a = await names.index('links', 'ref', long);
    const b = await names.index('links', 'ref', `${long}X`);
    expect(a.length).toBeLessThanOrEqual(MAX_COLLECTION_NAME);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^okr-i-links-ref-[a-z0-9_]+\.[0-9a-f]{40}$/);
    expect(await names.documents('keyResults')).toBe('okr-d-key_52esults');
  });
});

describe('ExtensionDataDocumentStore layout', () => {
  it('looks links up by work item through their pointer collection, not by reading every link', async () => {
    const data = new FakeExtensionDataManager();
    const store = new ExtensionDataDocumentStore(data);
    const ops: WriteOp[] = [];
    for (let kr = 1; kr <= 300; kr++) {
      const ref = `ado:${kr}`;
      ops.push({ kind: 'put', collection: 'links', id: `KR${kr}#${ref}`, value: { kr: `KR${kr}`, ref }, expected: null, indexes: { kr: `KR${kr}`, ref } });
    }
    await store.batch(ops);
    data.calls.length = 0;
    const page = await store.list<{ kr: string }>('links', { where: { index: 'ref', value: 'ado:42' } });
    expect(page.items.map((d) => d.value.kr)).toEqual(['KR42']);
    // A look at the journal head (alongside), one read of the pointer collection, one read of
    // the document it points to.
    expect(data.calls.map((c) => [c.method, c.collection])).toEqual([
      ['getDocument', 'okr-j'],
      ['getDocuments', 'okr-i-links-ref-ado_3a42'],
      ['getDocument', 'okr-d-links'],
    ]);
  });

  it('keeps every service document small when a plan holds thousands of objectives (SPEC §1 plan at scale)', async () => {
    const data = new FakeExtensionDataManager();
    const store = new ExtensionDataDocumentStore(data, { concurrency: 32 });
    const teams = DEMO.teams;
    const objectives = Array.from({ length: 2_000 }, (_, i) => ({
      id: `O${i + 1}`,
      title: `Objective ${i + 1}: make tea drinkers happier in region ${i % 40}`,
      team: teams[i % teams.length]?.id as string,
      period: DEMO.periods[0]?.id as string,
      keyResults: [1, 2, 3].map((k) => ({ id: `KR${i + 1}-${k}`, title: `Key result ${k}`, type: 'outcome' as const, start: 0, target: 10 })),
    }));
    const app = createApp({ store, source: new FakeWorkItemSource([]), ...localApp(), today: () => TODAY });
    await app.call('importPlan', { text: JSON.stringify({ ...DEMO, objectives, kpis: [], workItems: [] }), format: 'json' });
    const sizes = Object.values(data.dump()).flatMap((docs) => docs.map((d) => JSON.stringify(d).length));
    expect(sizes.length).toBeGreaterThan(2_000);
    expect(Math.max(...sizes)).toBeLessThan(4_000);
    const board = await app.call('getBoard', {});
    expect(board.teams.flatMap((t) => t.objectives)).toHaveLength(2_000);
  });

  it('serves the app: import the demo plan, link a work item, read it back after a restart', async () => {
    const data = new FakeExtensionDataManager();
    const source = new FakeWorkItemSource(DEMO.workItems);
    const app = createApp({ store: new ExtensionDataDocumentStore(data), source, ...localApp(), today: () => TODAY });
    await app.call('importPlan', { text: DEMO_TEXT, format: 'yaml' });
    const before = await app.call('exportPlan', { format: 'json' });
    const effort = DEMO.objectives.flatMap((o) => o.keyResults).find((k) => k.type === 'effort');
    const item = DEMO.workItems.find((w) => w.ref.startsWith('ado:') && !(effort?.links ?? []).includes(w.ref));
    if (!effort || !item) throw new Error('the demo plan needs an effort KR and an ADO item outside it');
    await app.call('linkWorkItem', { kr: effort.id, ref: item.ref });
    const restarted = createApp({ store: new ExtensionDataDocumentStore(data), source, ...localApp(), today: () => TODAY });
    const panel = await restarted.call('getPanel', { ref: item.ref });
    expect(panel.keyResults.map((k) => k.kr.id)).toContain(effort.id);
    const after = await restarted.call('exportPlan', { format: 'json' });
    const linksOf = (plan: typeof before.plan) => plan.objectives.flatMap((o) => o.keyResults).find((k) => k.id === effort.id)?.links;
    expect(linksOf(after.plan)).toEqual([...(linksOf(before.plan) ?? []), item.ref]);
    // Everything else came back exactly as imported: null members and all.
    expect({ ...after.plan, objectives: [] }).toEqual({ ...before.plan, objectives: [] });
  });
});

/** A service where one other writer acts just before our n-th update lands. */
function withInterloper(data: FakeExtensionDataManager, beforeUpdate: number, act: () => Promise<unknown>): ExtensionDataManager {
  let updates = 0;
  return {
    getDocument: (c, id, o) => data.getDocument(c, id, o),
    getDocuments: (c, o) => data.getDocuments(c, o),
    createDocument: (c, d, o) => data.createDocument(c, d, o),
    setDocument: (c, d, o) => data.setDocument(c, d, o),
    deleteDocument: (c, id, o) => data.deleteDocument(c, id, o),
    async updateDocument(c, d, o) {
      updates++;
      if (updates === beforeUpdate) await act();
      return data.updateDocument(c, d, o);
    },
  };
}

describe('ExtensionDataDocumentStore batch without transactions', () => {
  async function abc(data: FakeExtensionDataManager) {
    const setup = new ExtensionDataDocumentStore(data);
    const a = await setup.put('objectives', 'A', { title: 'a' }, { expected: null });
    const b = await setup.put('objectives', 'B', { title: 'b' }, { expected: null });
    const ops: WriteOp[] = [
      { kind: 'put', collection: 'objectives', id: 'A', value: { title: 'ours' }, expected: a.version },
      { kind: 'put', collection: 'objectives', id: 'B', value: { title: 'ours' }, expected: b.version },
      { kind: 'put', collection: 'objectives', id: 'C', value: { title: 'ours' }, expected: null },
    ];
    return { a, b, ops };
  }
  const titles = async (store: ExtensionDataDocumentStore) =>
    (await store.list<{ title: string }>('objectives')).items.map((d) => [d.id, d.value.title]);

  it('is discarded by a writer that meets it before its commit point; it then fails as a conflict, having written nothing', async () => {
    const data = new FakeExtensionDataManager();
    const { a, b, ops } = await abc(data);
    const other = new ExtensionDataDocumentStore(data);
    // Our first update is the commit point (the lock was a create, the pieces creates too).
    const store = new ExtensionDataDocumentStore(withInterloper(data, 1, () => other.put('objectives', 'B', { title: 'theirs' }, { expected: b.version })), { concurrency: 1 });
    const error = await rejection(store.batch(ops));
    expect(error).toBeInstanceOf(ConflictError);
    const read = new ExtensionDataDocumentStore(data);
    expect(await titles(read)).toEqual([['A', 'a'], ['B', 'theirs']]);
    expect((await read.get('objectives', 'A'))?.version).toBe(a.version);
    // Of the journal only its idle head is left.
    expect(data.dump()['okr-j']?.map((d) => [d.id, d.s])).toEqual([['head', 'idle']]);
  });

  it('is finished first by a writer that meets it committed, whose write then meets the batch', async () => {
    const data = new FakeExtensionDataManager();
    const { b, ops } = await abc(data);
    const other = new ExtensionDataDocumentStore(data);
    let theirs: unknown;
    // The second update is the batch's first change: the other writer comes just before it.
    const store = new ExtensionDataDocumentStore(withInterloper(data, 2, async () => {
      theirs = await rejection(other.put('objectives', 'B', { title: 'theirs' }, { expected: b.version }));
    }), { concurrency: 1 });
    await store.batch(ops);
    expect(theirs).toBeInstanceOf(ConflictError);
    expect(await titles(new ExtensionDataDocumentStore(data))).toEqual([['A', 'ours'], ['B', 'ours'], ['C', 'ours']]);
  });

  it('never overwrites a write that lands between its check and its change (the residual risk: that document keeps theirs)', async () => {
    const data = new FakeExtensionDataManager();
    const { b, ops } = await abc(data);
    // A writer that looked at the head before the batch took the lock writes B directly.
    const etag = Number(b.version.slice(b.version.lastIndexOf('.') + 1));
    const store = new ExtensionDataDocumentStore(withInterloper(data, 2, async () => {
      const doc = await data.getDocument('okr-d-objectives', await new ExtensionDataNames('okr').documentId('B'));
      await data.updateDocument('okr-d-objectives', { ...doc, j: JSON.stringify({ title: 'theirs' }), __etag: etag });
    }), { concurrency: 1 });
    await store.batch(ops);
    expect(await titles(new ExtensionDataDocumentStore(data))).toEqual([['A', 'ours'], ['B', 'theirs'], ['C', 'ours']]);
  });

  it('answers 404-free: reading a collection nobody wrote is an empty list, not an error', async () => {
    const store = new ExtensionDataDocumentStore(new FakeExtensionDataManager());
    expect(await store.list('objectives')).toEqual({ items: [] });
    expect(await store.list('links', { where: { index: 'kr', value: 'KR1' } })).toEqual({ items: [] });
  });

  it('passes other failures through untouched (a throttled service is not a conflict)', async () => {
    const data = new FakeExtensionDataManager();
    const throttled = Object.assign(new Error('TF400733: throttled'), { status: 429 });
    const store = new ExtensionDataDocumentStore({ ...withInterloper(data, 0, () => Promise.resolve()), getDocument: () => Promise.reject(throttled) });
    expect(await rejection(store.get('objectives', 'O1'))).toBe(throttled);
  });
});
