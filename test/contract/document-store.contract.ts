// The one contract every DocumentStore implementation runs (memory, SQLite, Forge KVS, Azure
// DevOps Extension Data Service): the app layer is written against this behaviour, so a host
// store that passes it can be swapped in without the app noticing.
//
// Ids and collection names here keep to letters, digits and `:._-`, the set every host accepts.
// Points where the port's comments leave room, settled here so all hosts agree:
// - a put's `indexes` are the document's complete index set: a re-put without them leaves it
//   listed under none;
// - an update (expected version) of a document that no longer exists is a ConflictError;
// - inside a batch a delete of a missing document is a failed expectation, so ConflictError
//   like every other one (the standalone `delete` says NotFoundError);
// - a batch naming one document twice, an empty id, a limit that is not a positive whole
//   number and a value JSON cannot carry exactly are InvalidInputError, and nothing is written;
// - the version returned by a write is a token never handed out before by that store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, InvalidInputError, NotFoundError } from '../../src/core/model/errors';
import type { DocumentStore, ListQuery, StoredDoc, Version, WriteOp } from '../../src/core/ports/document-store';

export interface StoreUnderTest {
  store: DocumentStore;
  /** Closes the store and opens it again on the same data, as a restart would. */
  reopen?: () => Promise<DocumentStore>;
  cleanup(): Promise<void>;
}

export interface ContractOptions {
  /** The largest page the store returns whatever limit is asked, when it imposes one. */
  pageCap?: number;
  /**
   * The store keeps its data across a restart (a file, a cloud service). Declared up front, so the
   * durability test is part of the suite for every durable store and never skipped at run time.
   */
  durable?: boolean;
}

interface Link {
  kr: string;
  ref: string;
  note?: string;
}

/** Awaits a promise that must reject and returns what it rejected with. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected the operation to fail, but it succeeded');
}

/** Follows cursors to the end, from `query.cursor` (or the start). */
async function listAll<T>(store: DocumentStore, collection: string, query: ListQuery = {}) {
  const items: StoredDoc<T>[] = [];
  const pageSizes: number[] = [];
  let cursor = query.cursor;
  for (let pages = 0; ; pages++) {
    if (pages > 10_000) throw new Error('paging does not end');
    const page = await store.list<T>(collection, { ...query, cursor });
    items.push(...page.items);
    pageSizes.push(page.items.length);
    if (page.cursor === undefined) return { items, pageSizes };
    cursor = page.cursor;
  }
}

const ids = (docs: readonly StoredDoc<unknown>[]) => docs.map((d) => d.id);

/** Ids in a shuffled order, so a store that lists in insertion order fails. */
function shuffled<T>(xs: readonly T[]): T[] {
  const out = [...xs];
  // Deterministic shuffle: a failing run can be reproduced.
  let seed = 7;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function padded(n: number): string {
  return `doc-${String(n).padStart(4, '0')}`;
}

export function documentStoreContract(
  name: string,
  makeStore: () => Promise<StoreUnderTest>,
  options: ContractOptions = {},
): void {
  describe(`DocumentStore contract: ${name}`, () => {
    let sut: StoreUnderTest;
    let store: DocumentStore;

    beforeEach(async () => {
      sut = await makeStore();
      store = sut.store;
    });
    afterEach(async () => {
      await sut.cleanup();
    });

    async function create<T>(collection: string, id: string, value: T, indexes?: Record<string, string>) {
      return store.put(collection, id, value, { expected: null, indexes });
    }

    describe('create and get', () => {
      it('creates with expected null and reads back the value with the same version', async () => {
        const created = await create('objectives', 'O1', { title: 'Create wildly loyal customers' });
        expect(created.id).toBe('O1');
        expect(typeof created.version).toBe('string');
        expect(created.value).toEqual({ title: 'Create wildly loyal customers' });
        expect(await store.get('objectives', 'O1')).toEqual(created);
      });

      it('answers undefined for an id that was never stored', async () => {
        expect(await store.get('objectives', 'nope')).toBeUndefined();
        await create('objectives', 'O1', 1);
        expect(await store.get('objectives', 'O2')).toBeUndefined();
      });

      it('refuses to create an existing id with ConflictError and keeps the stored value', async () => {
        const first = await create('objectives', 'O1', { title: 'first' }, { team: 'sales' });
        const error = await rejection(create('objectives', 'O1', { title: 'second' }, { team: 'support' }));
        expect(error).toBeInstanceOf(ConflictError);
        expect(error).toMatchObject({ code: 'conflict', collection: 'objectives', id: 'O1' });
        expect(await store.get('objectives', 'O1')).toEqual(first);
        expect(ids((await store.list('objectives', { where: { index: 'team', value: 'sales' } })).items)).toEqual(['O1']);
        expect((await store.list('objectives', { where: { index: 'team', value: 'support' } })).items).toEqual([]);
      });

      it('refuses an empty id or collection with InvalidInputError', async () => {
        expect(await rejection(create('objectives', '', 1))).toBeInstanceOf(InvalidInputError);
        expect(await rejection(create('', 'O1', 1))).toBeInstanceOf(InvalidInputError);
        expect((await store.list('objectives')).items).toEqual([]);
      });
    });

    describe('update', () => {
      it('with the current version stores the value under a new, different version', async () => {
        const v1 = await create('objectives', 'O1', { title: 'draft' });
        const v2 = await store.put('objectives', 'O1', { title: 'final' }, { expected: v1.version });
        expect(v2.version).not.toBe(v1.version);
        expect(v2.value).toEqual({ title: 'final' });
        expect(await store.get('objectives', 'O1')).toEqual(v2);
        const v3 = await store.put('objectives', 'O1', { title: 'final' }, { expected: v2.version });
        // Writing the same value again is still a new write: versions are not content hashes.
        expect(new Set([v1.version, v2.version, v3.version]).size).toBe(3);
      });

      it('with a stale version throws ConflictError and overwrites nothing', async () => {
        const v1 = await create('links', 'L1', { kr: 'KR1', ref: 'jira:CS-1' }, { kr: 'KR1' });
        const v2 = await store.put('links', 'L1', { kr: 'KR2', ref: 'jira:CS-1' }, { expected: v1.version, indexes: { kr: 'KR2' } });
        const error = await rejection(store.put('links', 'L1', { kr: 'KR3', ref: 'jira:CS-1' }, { expected: v1.version, indexes: { kr: 'KR3' } }));
        expect(error).toBeInstanceOf(ConflictError);
        expect(error).toMatchObject({ collection: 'links', id: 'L1' });
        expect(await store.get('links', 'L1')).toEqual(v2);
        expect(ids((await store.list('links', { where: { index: 'kr', value: 'KR2' } })).items)).toEqual(['L1']);
        expect((await store.list('links', { where: { index: 'kr', value: 'KR3' } })).items).toEqual([]);
      });

      it('of a document that no longer exists throws ConflictError and creates nothing', async () => {
        const v1 = await create('objectives', 'O1', 1);
        await store.delete('objectives', 'O1', v1.version);
        expect(await rejection(store.put('objectives', 'O1', 2, { expected: v1.version }))).toBeInstanceOf(ConflictError);
        expect(await rejection(store.put('objectives', 'O9', 2, { expected: v1.version }))).toBeInstanceOf(ConflictError);
        expect(await store.get('objectives', 'O1')).toBeUndefined();
        expect(await store.get('objectives', 'O9')).toBeUndefined();
      });

      it('two concurrent read-modify-write cycles from the same version: exactly one wins', async () => {
        await create('key-results', 'KR1', { checkIns: [] as number[] });
        const cycle = async (value: number) => {
          const read = await store.get<{ checkIns: number[] }>('key-results', 'KR1');
          if (!read) throw new Error('KR1 vanished');
          return { read, write: () => store.put('key-results', 'KR1', { checkIns: [...read.value.checkIns, value] }, { expected: read.version }) };
        };
        // Both read before either writes, as two users who opened the same form.
        const [a, b] = await Promise.all([cycle(74), cycle(75)]);
        expect(a.read.version).toBe(b.read.version);
        const results = await Promise.allSettled([a.write(), b.write()]);
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r) => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
        const winner = (won[0] as PromiseFulfilledResult<StoredDoc<{ checkIns: number[] }>>).value;
        expect(await store.get('key-results', 'KR1')).toEqual(winner);
        expect(winner.value.checkIns).toHaveLength(1);
      });

      it('concurrent writers that retry on ConflictError lose no update', async () => {
        await create('counters', 'c', { n: 0 });
        const increment = async () => {
          for (let attempt = 0; attempt < 100; attempt++) {
            const read = await store.get<{ n: number }>('counters', 'c');
            if (!read) throw new Error('counter vanished');
            try {
              await store.put('counters', 'c', { n: read.value.n + 1 }, { expected: read.version });
              return attempt;
            } catch (e) {
              if (!(e instanceof ConflictError)) throw e;
            }
          }
          throw new Error('too many conflicts');
        };
        const attempts = await Promise.all(Array.from({ length: 8 }, increment));
        expect((await store.get<{ n: number }>('counters', 'c'))?.value.n).toBe(8);
        // The writers really did collide, or this test would prove nothing.
        expect(attempts.some((a) => a > 0)).toBe(true);
      });

      it('never reuses a version: a document deleted and created again does not accept its old version', async () => {
        const seen = new Set<Version>();
        const v1 = await create('objectives', 'O1', 'one');
        seen.add(v1.version);
        await store.delete('objectives', 'O1', v1.version);
        const again = await create('objectives', 'O1', 'one');
        expect(seen.has(again.version)).toBe(false);
        expect(await rejection(store.put('objectives', 'O1', 'stale', { expected: v1.version }))).toBeInstanceOf(ConflictError);
        expect(await rejection(store.delete('objectives', 'O1', v1.version))).toBeInstanceOf(ConflictError);
        expect((await store.get('objectives', 'O1'))?.value).toBe('one');
        seen.add(again.version);
        for (let i = 0; i < 20; i++) {
          const doc = await create('other', `d${i}`, i);
          expect(seen.has(doc.version)).toBe(false);
          seen.add(doc.version);
        }
      });
    });

    describe('delete', () => {
      it('with the current version removes the document, its listing and its index entries', async () => {
        const v1 = await create('links', 'L1', { kr: 'KR1' }, { kr: 'KR1', ref: 'jira:CS-1' });
        await create('links', 'L2', { kr: 'KR1' }, { kr: 'KR1', ref: 'jira:CS-2' });
        await store.delete('links', 'L1', v1.version);
        expect(await store.get('links', 'L1')).toBeUndefined();
        expect(ids((await store.list('links')).items)).toEqual(['L2']);
        expect(ids((await store.list('links', { where: { index: 'kr', value: 'KR1' } })).items)).toEqual(['L2']);
        expect((await store.list('links', { where: { index: 'ref', value: 'jira:CS-1' } })).items).toEqual([]);
      });

      it('with a stale version throws ConflictError and keeps the document', async () => {
        const v1 = await create('objectives', 'O1', 'draft');
        const v2 = await store.put('objectives', 'O1', 'final', { expected: v1.version });
        const error = await rejection(store.delete('objectives', 'O1', v1.version));
        expect(error).toBeInstanceOf(ConflictError);
        expect(error).toMatchObject({ collection: 'objectives', id: 'O1' });
        expect(await store.get('objectives', 'O1')).toEqual(v2);
      });

      it('of a missing id throws NotFoundError', async () => {
        const v1 = await create('objectives', 'O1', 1);
        const error = await rejection(store.delete('objectives', 'O2', v1.version));
        expect(error).toBeInstanceOf(NotFoundError);
        expect(error).toMatchObject({ code: 'not-found', id: 'O2' });
        await store.delete('objectives', 'O1', v1.version);
        expect(await rejection(store.delete('objectives', 'O1', v1.version))).toBeInstanceOf(NotFoundError);
      });

      it('frees the id to be created again', async () => {
        const v1 = await create('objectives', 'O1', 'old', { team: 'sales' });
        await store.delete('objectives', 'O1', v1.version);
        const v2 = await create('objectives', 'O1', 'new');
        expect(await store.get('objectives', 'O1')).toEqual(v2);
        // The new document has no index values of the old one.
        expect((await store.list('objectives', { where: { index: 'team', value: 'sales' } })).items).toEqual([]);
      });
    });

    describe('list', () => {
      it('lists documents in id order whatever the order they were written in', async () => {
        const wanted = ['KR1', 'KR10', 'KR2', 'O1', 'a', 'a-b', 'a.b', 'ab', 'b:1', 'item-10', 'item-9'];
        for (const id of shuffled(wanted)) await create('mixed', id, { id });
        const page = await store.list<{ id: string }>('mixed');
        // Plain lexicographic order, not natural order: KR10 before KR2.
        expect(ids(page.items)).toEqual([...wanted].sort());
        expect(page.items.every((d) => d.value.id === d.id)).toBe(true);
        expect(page.cursor).toBeUndefined();
      });

      it('answers an empty page without a cursor for an empty or unknown collection', async () => {
        expect(await store.list('nothing-here')).toEqual({ items: [] });
      });

      it('pages with a limit across page boundaries: every document once, in order', async () => {
        const all = Array.from({ length: 7 }, (_, i) => padded(i));
        for (const id of shuffled(all)) await create('docs', id, id);
        const first = await store.list('docs', { limit: 3 });
        expect(ids(first.items)).toEqual(all.slice(0, 3));
        expect(first.cursor).toBeDefined();
        const second = await store.list('docs', { limit: 3, cursor: first.cursor });
        expect(ids(second.items)).toEqual(all.slice(3, 6));
        expect(second.cursor).toBeDefined();
        const third = await store.list('docs', { limit: 3, cursor: second.cursor });
        expect(ids(third.items)).toEqual(all.slice(6));
        expect(third.cursor).toBeUndefined();
      });

      it('gives no cursor on a last page that is exactly full', async () => {
        for (const id of shuffled(Array.from({ length: 6 }, (_, i) => padded(i)))) await create('docs', id, 1);
        const first = await store.list('docs', { limit: 3 });
        const second = await store.list('docs', { limit: 3, cursor: first.cursor });
        expect(ids(second.items)).toEqual([padded(3), padded(4), padded(5)]);
        expect(second.cursor).toBeUndefined();
        const whole = await store.list('docs', { limit: 6 });
        expect(whole.items).toHaveLength(6);
        expect(whole.cursor).toBeUndefined();
      });

      it('keeps pages within its cap and still reaches every document by cursor', async () => {
        const cap = options.pageCap;
        const count = cap === undefined ? 250 : cap * 2 + 3;
        const all = Array.from({ length: count }, (_, i) => padded(i));
        await store.batch(shuffled(all).map((id): WriteOp => ({ kind: 'put', collection: 'many', id, value: { id }, expected: null })));
        const askMore = (cap ?? count) * 10;
        const { items, pageSizes } = await listAll(store, 'many', { limit: askMore });
        expect(ids(items)).toEqual(all);
        expect(Math.max(...pageSizes)).toBeLessThanOrEqual(cap ?? askMore);
        const unlimited = await listAll(store, 'many');
        expect(ids(unlimited.items)).toEqual(all);
        if (cap !== undefined) {
          // Without a limit a page is as large as the store allows.
          expect(unlimited.pageSizes).toEqual([cap, cap, 3]);
          expect(pageSizes).toEqual([cap, cap, 3]);
        }
      });

      it('sees every document that exists throughout exactly once, even when others come and go between pages', async () => {
        const versions = new Map<string, Version>();
        for (let i = 0; i < 10; i++) versions.set(padded(i * 10), (await create('docs', padded(i * 10), i)).version);
        const first = await store.list('docs', { limit: 4 });
        expect(ids(first.items)).toEqual([padded(0), padded(10), padded(20), padded(30)]);
        // Between pages: delete one already seen and one not yet seen, add one before and one after the cursor.
        await store.delete('docs', padded(10), versions.get(padded(10)) as Version);
        await store.delete('docs', padded(50), versions.get(padded(50)) as Version);
        await create('docs', padded(5), 'late, before the cursor');
        await create('docs', padded(55), 'late, after the cursor');
        const rest = await listAll(store, 'docs', { limit: 4, cursor: first.cursor });
        expect(ids(rest.items)).toEqual([padded(40), padded(55), padded(60), padded(70), padded(80), padded(90)]);
      });

      it('refuses a limit that is not a positive whole number', async () => {
        await create('docs', 'a', 1);
        for (const limit of [0, -1, 1.5, Number.NaN]) {
          expect(await rejection(store.list('docs', { limit }))).toBeInstanceOf(InvalidInputError);
        }
      });
    });

    describe('index queries (where)', () => {
      const link = (id: string, kr: string, ref: string) =>
        create<Link>('links', id, { kr, ref }, { kr, ref });

      it('lists links by KR and by work item, in id order', async () => {
        await link('L3', 'KR1', 'jira:CS-1');
        await link('L1', 'KR1', 'ado:42');
        await link('L2', 'KR2', 'jira:CS-1');
        await link('L4', 'KR3', 'ado:43');
        const byKr = await store.list<Link>('links', { where: { index: 'kr', value: 'KR1' } });
        expect(ids(byKr.items)).toEqual(['L1', 'L3']);
        expect(byKr.items.map((d) => d.value.ref)).toEqual(['ado:42', 'jira:CS-1']);
        expect(byKr.cursor).toBeUndefined();
        const byRef = await store.list<Link>('links', { where: { index: 'ref', value: 'jira:CS-1' } });
        expect(ids(byRef.items)).toEqual(['L2', 'L3']);
        expect(byRef.items.every((d) => d.value.ref === 'jira:CS-1')).toBe(true);
      });

      it('matches index values exactly', async () => {
        await link('L1', 'KR1', 'jira:CS-1');
        await link('L2', 'KR10', 'jira:CS-10');
        await link('L3', 'kr1', 'jira:cs-1');
        expect(ids((await store.list('links', { where: { index: 'kr', value: 'KR1' } })).items)).toEqual(['L1']);
        expect(ids((await store.list('links', { where: { index: 'ref', value: 'jira:CS-1' } })).items)).toEqual(['L1']);
        expect((await store.list('links', { where: { index: 'kr', value: 'KR' } })).items).toEqual([]);
        expect((await store.list('links', { where: { index: 'owner', value: 'KR1' } })).items).toEqual([]);
      });

      it('pages an index query with a limit and a cursor', async () => {
        const wanted: string[] = [];
        for (let i = 0; i < 9; i++) {
          const id = padded(i);
          // Every other link belongs to KR1, so pages of the query skip the others.
          const kr = i % 2 === 0 ? 'KR1' : 'KR2';
          if (kr === 'KR1') wanted.push(id);
          await link(id, kr, `jira:CS-${i + 1}`);
        }
        const { items, pageSizes } = await listAll(store, 'links', { where: { index: 'kr', value: 'KR1' }, limit: 2 });
        expect(ids(items)).toEqual(wanted);
        expect(pageSizes).toEqual([2, 2, 1]);
      });

      it('moves a document to its new index values when it is put again with others', async () => {
        const v1 = await link('L1', 'KR1', 'jira:CS-1');
        await store.put('links', 'L1', { kr: 'KR2', ref: 'jira:CS-1' }, { expected: v1.version, indexes: { kr: 'KR2', ref: 'jira:CS-1' } });
        expect((await store.list('links', { where: { index: 'kr', value: 'KR1' } })).items).toEqual([]);
        const moved = await store.list<Link>('links', { where: { index: 'kr', value: 'KR2' } });
        expect(moved.items.map((d) => [d.id, d.value.kr])).toEqual([['L1', 'KR2']]);
        expect(ids((await store.list('links', { where: { index: 'ref', value: 'jira:CS-1' } })).items)).toEqual(['L1']);
      });

      it('drops index values a re-put does not name (the indexes given are the complete set)', async () => {
        const v1 = await link('L1', 'KR1', 'jira:CS-1');
        const v2 = await store.put('links', 'L1', { kr: 'KR1', ref: 'jira:CS-1' }, { expected: v1.version, indexes: { kr: 'KR1' } });
        expect((await store.list('links', { where: { index: 'ref', value: 'jira:CS-1' } })).items).toEqual([]);
        expect(ids((await store.list('links', { where: { index: 'kr', value: 'KR1' } })).items)).toEqual(['L1']);
        await store.put('links', 'L1', { kr: 'KR1', ref: 'jira:CS-1' }, { expected: v2.version });
        expect((await store.list('links', { where: { index: 'kr', value: 'KR1' } })).items).toEqual([]);
        expect(ids((await store.list('links')).items)).toEqual(['L1']);
      });

      it('removes index entries on delete', async () => {
        const v1 = await link('L1', 'KR1', 'jira:CS-1');
        await link('L2', 'KR1', 'jira:CS-2');
        await store.delete('links', 'L1', v1.version);
        expect(ids((await store.list('links', { where: { index: 'kr', value: 'KR1' } })).items)).toEqual(['L2']);
        expect((await store.list('links', { where: { index: 'ref', value: 'jira:CS-1' } })).items).toEqual([]);
      });

      it('keeps index values per collection', async () => {
        await link('L1', 'KR1', 'jira:CS-1');
        await create('snapshots', 'S1', { kr: 'KR1' }, { kr: 'KR1' });
        expect(ids((await store.list('links', { where: { index: 'kr', value: 'KR1' } })).items)).toEqual(['L1']);
        expect(ids((await store.list('snapshots', { where: { index: 'kr', value: 'KR1' } })).items)).toEqual(['S1']);
      });

      it('accepts unicode and separator characters in index values', async () => {
        await create('objectives', 'O1', 1, { owner: 'María José', path: 'a/b:c|d' });
        await create('objectives', 'O2', 2, { owner: 'Maria Jose', path: 'a/b' });
        expect(ids((await store.list('objectives', { where: { index: 'owner', value: 'María José' } })).items)).toEqual(['O1']);
        expect(ids((await store.list('objectives', { where: { index: 'path', value: 'a/b:c|d' } })).items)).toEqual(['O1']);
      });

      it('refuses an index value that is not a string, writing nothing', async () => {
        const bad = { kr: 42 } as unknown as Record<string, string>;
        expect(await rejection(create('links', 'L1', 1, bad))).toBeInstanceOf(InvalidInputError);
        expect(await store.get('links', 'L1')).toBeUndefined();
      });
    });

    describe('collections', () => {
      it('are independent: the same id in two collections is two documents', async () => {
        const o = await create('objectives', 'X1', 'objective');
        const k = await create('kpis', 'X1', 'kpi');
        await store.put('objectives', 'X1', 'objective v2', { expected: o.version });
        expect((await store.get('kpis', 'X1'))?.value).toBe('kpi');
        await store.delete('kpis', 'X1', k.version);
        expect((await store.get('objectives', 'X1'))?.value).toBe('objective v2');
        expect(ids((await store.list('objectives')).items)).toEqual(['X1']);
        expect((await store.list('kpis')).items).toEqual([]);
      });

      it('does not take one collection for a prefix of another', async () => {
        await create('links', 'a', 1);
        await create('links2', 'b', 2);
        await create('link', 'c', 3);
        expect(ids((await store.list('links')).items)).toEqual(['a']);
        expect(ids((await store.list('link')).items)).toEqual(['c']);
      });
    });

    describe('batch', () => {
      it('applies puts and deletes across collections together', async () => {
        const o1 = await create('objectives', 'O1', { title: 'old' });
        const gone = await create('links', 'L0', { kr: 'KR0' }, { kr: 'KR0' });
        await store.batch([
          { kind: 'put', collection: 'objectives', id: 'O1', value: { title: 'new' }, expected: o1.version },
          { kind: 'put', collection: 'key-results', id: 'KR1', value: { objective: 'O1' }, expected: null, indexes: { objective: 'O1' } },
          { kind: 'put', collection: 'links', id: 'L1', value: { kr: 'KR1' }, expected: null, indexes: { kr: 'KR1' } },
          { kind: 'delete', collection: 'links', id: 'L0', expected: gone.version },
        ]);
        const o1new = await store.get('objectives', 'O1');
        expect(o1new?.value).toEqual({ title: 'new' });
        expect(o1new?.version).not.toBe(o1.version);
        expect(ids((await store.list('key-results', { where: { index: 'objective', value: 'O1' } })).items)).toEqual(['KR1']);
        expect(ids((await store.list('links', { where: { index: 'kr', value: 'KR1' } })).items)).toEqual(['L1']);
        expect(await store.get('links', 'L0')).toBeUndefined();
        expect((await store.list('links', { where: { index: 'kr', value: 'KR0' } })).items).toEqual([]);
      });

      it('with one stale op throws ConflictError and applies none of the others', async () => {
        const o1 = await create('objectives', 'O1', 'v1', { team: 'sales' });
        const o2 = await create('objectives', 'O2', 'v1');
        const o2b = await store.put('objectives', 'O2', 'v2', { expected: o2.version });
        const before = await store.list('objectives');
        // The stale op sits in the middle, after writes a naive store would already have made.
        const error = await rejection(store.batch([
          { kind: 'put', collection: 'objectives', id: 'O1', value: 'changed', expected: o1.version, indexes: { team: 'support' } },
          { kind: 'put', collection: 'objectives', id: 'O3', value: 'new', expected: null },
          { kind: 'put', collection: 'objectives', id: 'O2', value: 'lost update', expected: o2.version },
          { kind: 'put', collection: 'objectives', id: 'O4', value: 'new too', expected: null },
        ]));
        expect(error).toBeInstanceOf(ConflictError);
        expect(error).toMatchObject({ collection: 'objectives', id: 'O2' });
        expect(await store.list('objectives')).toEqual(before);
        expect((await store.get('objectives', 'O2'))?.version).toBe(o2b.version);
        expect(ids((await store.list('objectives', { where: { index: 'team', value: 'sales' } })).items)).toEqual(['O1']);
        expect((await store.list('objectives', { where: { index: 'team', value: 'support' } })).items).toEqual([]);
      });

      it('with a stale delete or a create of an existing id applies nothing', async () => {
        const a = await create('links', 'A', 'a');
        const b = await create('links', 'B', 'b');
        await store.put('links', 'B', 'b2', { expected: b.version });
        const before = await store.list('links');
        const staleDelete: WriteOp[] = [
          { kind: 'delete', collection: 'links', id: 'A', expected: a.version },
          { kind: 'delete', collection: 'links', id: 'B', expected: b.version },
        ];
        expect(await rejection(store.batch(staleDelete))).toBeInstanceOf(ConflictError);
        const recreate: WriteOp[] = [
          { kind: 'put', collection: 'links', id: 'C', value: 'c', expected: null },
          { kind: 'put', collection: 'links', id: 'A', value: 'a again', expected: null },
        ];
        expect(await rejection(store.batch(recreate))).toBeInstanceOf(ConflictError);
        expect(await store.list('links')).toEqual(before);
      });

      it('treats a delete of a missing document as a failed expectation (ConflictError), applying nothing', async () => {
        const a = await create('links', 'A', 'a');
        const error = await rejection(store.batch([
          { kind: 'put', collection: 'links', id: 'B', value: 'b', expected: null },
          { kind: 'delete', collection: 'links', id: 'missing', expected: a.version },
        ]));
        expect(error).toBeInstanceOf(ConflictError);
        expect(error).toMatchObject({ collection: 'links', id: 'missing' });
        expect(await store.get('links', 'B')).toBeUndefined();
      });

      it('refuses a batch that names one document twice (InvalidInputError), applying nothing', async () => {
        const a = await create('links', 'A', 'a');
        const error = await rejection(store.batch([
          { kind: 'put', collection: 'links', id: 'B', value: 'b', expected: null },
          { kind: 'put', collection: 'links', id: 'A', value: 'a2', expected: a.version },
          { kind: 'delete', collection: 'links', id: 'A', expected: a.version },
        ]));
        expect(error).toBeInstanceOf(InvalidInputError);
        expect(await store.get('links', 'A')).toEqual(a);
        expect(await store.get('links', 'B')).toBeUndefined();
      });

      it('refuses a batch with a value JSON cannot carry, applying nothing', async () => {
        const error = await rejection(store.batch([
          { kind: 'put', collection: 'links', id: 'A', value: 'fine', expected: null },
          { kind: 'put', collection: 'links', id: 'B', value: { n: Number.NaN }, expected: null },
        ]));
        expect(error).toBeInstanceOf(InvalidInputError);
        expect(await store.get('links', 'A')).toBeUndefined();
      });

      it('does nothing for an empty batch', async () => {
        const a = await create('links', 'A', 'a');
        await store.batch([]);
        expect(await store.get('links', 'A')).toEqual(a);
      });

      it('two concurrent batches over the same document: exactly one applies', async () => {
        const a = await create('links', 'A', 0);
        const results = await Promise.allSettled([
          store.batch([
            { kind: 'put', collection: 'links', id: 'A', value: 1, expected: a.version },
            { kind: 'put', collection: 'links', id: 'from-1', value: 1, expected: null },
          ]),
          store.batch([
            { kind: 'put', collection: 'links', id: 'A', value: 2, expected: a.version },
            { kind: 'put', collection: 'links', id: 'from-2', value: 2, expected: null },
          ]),
        ]);
        const winner = results.findIndex((r) => r.status === 'fulfilled');
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const loser = results[1 - winner] as PromiseRejectedResult;
        expect(loser.reason).toBeInstanceOf(ConflictError);
        expect((await store.get('links', 'A'))?.value).toBe(winner + 1);
        expect(ids((await store.list('links')).items)).toEqual(['A', `from-${winner + 1}`]);
      });

      // Large enough to take many requests on every host without transactions of that size
      // (Forge: 25 operations per transaction; ADO: none at all).
      it('large batches: all of one lands with all its index entries, and of two racing over one document exactly one applies', async () => {
        const a = await create('links', 'A', 0, { kr: 'KR0' });
        const big = (n: 1 | 2): WriteOp[] => [
          { kind: 'put', collection: 'links', id: 'A', value: n, expected: a.version, indexes: { kr: `KR${n}` } },
          ...Array.from({ length: 40 }, (_, i): WriteOp => ({ kind: 'put', collection: 'checkIns', id: `c${n}-${padded(i)}`, value: i, expected: null, indexes: { kr: `KR${n}` } })),
        ];
        const results = await Promise.allSettled([store.batch(big(1)), store.batch(big(2))]);
        const won = results.filter((r) => r.status === 'fulfilled');
        expect(won).toHaveLength(1);
        const winner = (results.findIndex((r) => r.status === 'fulfilled') + 1) as 1 | 2;
        expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
        expect((await store.get('links', 'A'))?.value).toBe(winner);
        const listed = await listAll<number>(store, 'checkIns');
        expect(listed.items.map((d) => d.id)).toEqual(Array.from({ length: 40 }, (_, i) => `c${winner}-${padded(i)}`));
        expect((await listAll(store, 'checkIns', { where: { index: 'kr', value: `KR${winner}` } })).items).toHaveLength(40);
        expect((await listAll(store, 'links', { where: { index: 'kr', value: 'KR0' } })).items).toEqual([]);
        // And a later large batch deletes them all again.
        await store.batch(listed.items.map((d): WriteOp => ({ kind: 'delete', collection: 'checkIns', id: d.id, expected: d.version })));
        expect((await store.list('checkIns')).items).toEqual([]);
        expect((await store.list('checkIns', { where: { index: 'kr', value: `KR${winner}` } })).items).toEqual([]);
      });
    });

    describe('values', () => {
      it('round-trip exactly: nested objects, arrays, unicode, awkward numbers', async () => {
        const value = {
          title: 'Créer des clients fidèles — 忠実な顧客 🍵 \u{1F9CB}',
          rtl: 'שלום עולם',
          combining: 'e\u0301',
          escapes: 'quote " backslash \\ newline \n tab \t nul \u0000 line-sep \u2028',
          numbers: [0.1, 0.2 + 0.1, 1e-7, 1.7976931348623157e308, 5e-324, -42, 0, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER],
          flags: [true, false, null],
          empty: { object: {}, array: [], string: '' },
          deep: { a: { b: { c: { d: { e: [{ f: [[[1]]] }] } } } } },
          '': 'empty key',
          'key with spaces and ü': 1,
        };
        const put = await create('values', 'V1', value);
        expect(put.value).toEqual(value);
        const got = await store.get<typeof value>('values', 'V1');
        expect(got?.value).toStrictEqual(value);
        expect(got?.value.numbers[0]).toBe(0.1);
        expect(got?.value.numbers[1]).toBe(0.30000000000000004);
        expect((await store.list<typeof value>('values')).items[0]?.value).toStrictEqual(value);
        for (const scalar of ['plain string', 0.1, 0, true, false, null, []]) {
          const id = `scalar-${JSON.stringify(scalar)}`.replace(/[^A-Za-z0-9:._-]/g, '_');
          await create('scalars', id, scalar);
          expect((await store.get('scalars', id))?.value).toStrictEqual(scalar);
        }
      });

      it('drops undefined object members, as JSON does', async () => {
        await create('values', 'V1', { owner: undefined, title: 't' });
        expect((await store.get('values', 'V1'))?.value).toStrictEqual({ title: 't' });
      });

      it('stores a copy: mutating what was put or what was read does not change the store', async () => {
        const value = { list: [1, 2], nested: { x: 1 } };
        await create('values', 'V1', value);
        value.list.push(3);
        value.nested.x = 99;
        const read = await store.get<typeof value>('values', 'V1');
        expect(read?.value).toEqual({ list: [1, 2], nested: { x: 1 } });
        read?.value.list.push(4);
        expect((await store.get('values', 'V1'))?.value).toEqual({ list: [1, 2], nested: { x: 1 } });
      });

      it('keeps large values (about 200 KB, under the smallest host limit) intact', async () => {
        const units = Array.from({ length: 2_000 }, (_, i) => ({
          ref: `jira:CS-${i + 1}`,
          title: `Unit ${i} — ${'ü'.repeat(i % 7)}`,
          status: i % 3 === 0 ? 'done' : 'todo',
          estimate: (i % 13) / 10,
        }));
        const value = { kr: 'KR3', units };
        const size = JSON.stringify(value).length;
        expect(size).toBeGreaterThan(150_000);
        expect(size).toBeLessThan(230_000);
        const v1 = await create('snapshots', 'KR3', value);
        expect((await store.get('snapshots', 'KR3'))?.value).toStrictEqual(value);
        const changed = { ...value, units: units.slice(0, 1_900) };
        await store.put('snapshots', 'KR3', changed, { expected: v1.version });
        expect((await store.get('snapshots', 'KR3'))?.value).toStrictEqual(changed);
      });

      it('refuses values JSON would alter (NaN, Infinity, undefined, Map, array holes) with InvalidInputError', async () => {
        const bad: unknown[] = [Number.NaN, { n: Number.POSITIVE_INFINITY }, undefined, { m: new Map([['a', 1]]) }, [1, undefined], { big: 1n }];
        for (const [i, value] of bad.entries()) {
          expect(await rejection(create('values', `bad-${i}`, value))).toBeInstanceOf(InvalidInputError);
          expect(await store.get('values', `bad-${i}`)).toBeUndefined();
        }
        const ok = await create('values', 'ok', 1);
        expect(await rejection(store.put('values', 'ok', { n: Number.NaN }, { expected: ok.version }))).toBeInstanceOf(InvalidInputError);
        expect(await store.get('values', 'ok')).toEqual(ok);
      });
    });

    if (options.durable === true) {
      describe('durability (restart)', () => {
        it('keeps everything written after reopening', async () => {
          const reopen = sut.reopen;
          if (!reopen) throw new Error(`${name} is declared durable but its test harness offers no reopen`);
          const kept = await create('objectives', 'O1', { title: 'Create wildly loyal customers', progress: 0.1 }, { team: 'company' });
          const updatedFrom = await create('key-results', 'KR1', { current: 73 });
          const updated = await store.put('key-results', 'KR1', { current: 74 }, { expected: updatedFrom.version, indexes: { objective: 'O1' } });
          const deleted = await create('links', 'L0', 'gone', { kr: 'KR1' });
          await store.delete('links', 'L0', deleted.version);
          await store.batch([
            { kind: 'put', collection: 'links', id: 'L1', value: { kr: 'KR1', ref: 'jira:CS-1' }, expected: null, indexes: { kr: 'KR1', ref: 'jira:CS-1' } },
            { kind: 'put', collection: 'links', id: 'L2', value: { kr: 'KR1', ref: 'ado:42' }, expected: null, indexes: { kr: 'KR1', ref: 'ado:42' } },
          ]);
          const before = {
            objectives: await store.list('objectives'),
            keyResults: await store.list('key-results'),
            links: await store.list('links'),
          };

          store = await reopen();

          expect(await store.get('objectives', 'O1')).toEqual(kept);
          expect(await store.get('key-results', 'KR1')).toEqual(updated);
          expect(await store.get('links', 'L0')).toBeUndefined();
          expect({
            objectives: await store.list('objectives'),
            keyResults: await store.list('key-results'),
            links: await store.list('links'),
          }).toEqual(before);
          expect(ids((await store.list('links', { where: { index: 'kr', value: 'KR1' } })).items)).toEqual(['L1', 'L2']);
          expect(ids((await store.list('links', { where: { index: 'ref', value: 'ado:42' } })).items)).toEqual(['L2']);
          expect(ids((await store.list('objectives', { where: { index: 'team', value: 'company' } })).items)).toEqual(['O1']);

          // Optimistic concurrency carries over the restart: old versions stay stale, new ones are fresh.
          expect(await rejection(store.put('key-results', 'KR1', { current: 0 }, { expected: updatedFrom.version }))).toBeInstanceOf(ConflictError);
          const after = await store.put('key-results', 'KR1', { current: 75 }, { expected: updated.version });
          const earlier = [kept, updatedFrom, updated, deleted].map((d) => d.version);
          expect(earlier).not.toContain(after.version);
          const fresh = await create('objectives', 'O2', 'after restart');
          expect(earlier).not.toContain(fresh.version);
          expect(fresh.version).not.toBe(after.version);
        });
      });
    }
  });
}
