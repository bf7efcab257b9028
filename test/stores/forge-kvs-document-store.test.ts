// The Forge store runs the real `@forge/kvs` against a fake of the Forge runtime's KVS service
// (test/fakes/forge-kvs.ts), with the entities the manifest declares. The contract suite runs
// twice, against the two readings of what the docs leave open (a cursor on an exactly full last
// page or not; how a failed transaction condition is answered), so the store leans on neither.
import { kvs, ForgeKvsAPIError } from '@forge/kvs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/create-app';
import { localApp } from '../app/actors';
import { toApiError } from '../../src/app/errors';
import { ConflictError, InvalidInputError } from '../../src/core/model/errors';
import type { WriteOp } from '../../src/core/ports/document-store';
import { ForgeKvsDocumentStore } from '../../src/stores/forge-kvs-document-store';
import { DOC_ENTITY, INDEX_ENTITY, MAX_VALUE_BYTES } from '../../src/stores/forge-kvs-layout';
import { RateLimitedError } from '../../src/core/model/errors';
import type { RetryPolicy } from '../../src/stores/forge-kvs-retry';
import { documentStoreContract } from '../contract/document-store.contract';
import { forgeEntities } from '../fakes/forge-entities';
import { FakeForgeKvs, type FakeKvsOptions } from '../fakes/forge-kvs';
import { FakeWorkItemSource } from '../app/fake-work-item-source';
import { DEMO, DEMO_TEXT, TODAY } from '../app/harness';

const noWait: Partial<RetryPolicy> = { sleep: () => Promise.resolve(), random: () => 0.5 };

function onFake(options: Partial<FakeKvsOptions> = {}) {
  return () => {
    const fake = new FakeForgeKvs({ entities: forgeEntities(), ...options });
    const uninstall = fake.install();
    return Promise.resolve({
      store: new ForgeKvsDocumentStore({ retry: noWait }),
      // KVS lives on the service: a new store (a new resolver invocation) sees the same data.
      reopen: () => Promise.resolve(new ForgeKvsDocumentStore({ retry: noWait })),
      cleanup: () => Promise.resolve(uninstall()),
    });
  };
}

documentStoreContract('forge kvs (cursor on every full page, 409 on a failed condition)', onFake(), { pageCap: 20, durable: true });
documentStoreContract(
  'forge kvs (cursor only when more, 400 on a failed condition)',
  onFake({ cursorOnFullPage: 'when-more', conditionFailure: { status: 400, code: 'CONDITION_FAILED' } }),
  { pageCap: 20, durable: true },
);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected the operation to fail, but it succeeded');
}

describe('ForgeKvsDocumentStore', () => {
  let fake: FakeForgeKvs;
  let uninstall: () => void;
  let sleeps: number[];
  let store: ForgeKvsDocumentStore;

  beforeEach(() => {
    fake = new FakeForgeKvs({ entities: forgeEntities() });
    uninstall = fake.install();
    sleeps = [];
    store = new ForgeKvsDocumentStore({ retry: { sleep: (ms) => Promise.resolve(void sleeps.push(ms)), random: () => 0.5 } });
  });
  afterEach(() => uninstall());

  const bodies = (path: string) => fake.requests.filter((r) => r.path === path).map((r) => r.body);

  describe('values and the 240 KiB limit', () => {
    it('refuses a value too large for one KVS value with InvalidInputError, before any write', async () => {
      const value = { note: 'x'.repeat(MAX_VALUE_BYTES) };
      const error = await rejection(store.put('checkIns', 'KR1#000001', value, { expected: null, indexes: { kr: 'KR1' } }));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).message).toMatch(/240 KiB/);
      expect((error as InvalidInputError).problems[0]?.path).toBe('value');
      expect(fake.count('/api/v1/transaction')).toBe(0);
      expect(await store.get('checkIns', 'KR1#000001')).toBeUndefined();
    });

    it('stores a value just under the limit, and the service itself would refuse one over it (MAX_SIZE)', async () => {
      // The stored item is the value's JSON text plus the document's own attributes.
      const value = 'y'.repeat(MAX_VALUE_BYTES - 400);
      await store.put('objectives', 'O1', value, { expected: null, indexes: { team: 'sales' } });
      expect((await store.get('objectives', 'O1'))?.value).toBe(value);
      expect((await store.list('objectives', { where: { index: 'team', value: 'sales' } })).items[0]?.value).toBe(value);
      // Without the store's check, KVS would answer MAX_SIZE: the guard is not an invention.
      const raw = await rejection(kvs.entity(DOC_ENTITY).set('doc:raw', { collection: 'c', docId: 'd', version: 'v', body: 'z'.repeat(MAX_VALUE_BYTES), indexes: '{}' }));
      expect(raw).toBeInstanceOf(ForgeKvsAPIError);
      expect((raw as ForgeKvsAPIError).code).toBe('MAX_SIZE');
    });

    it('refuses a batch holding one oversized value and writes none of it', async () => {
      const ops: WriteOp[] = [
        { kind: 'put', collection: 'links', id: 'L1', value: 'fine', expected: null, indexes: { kr: 'KR1' } },
        { kind: 'put', collection: 'objectives', id: 'O1', value: 'x'.repeat(MAX_VALUE_BYTES), expected: null },
      ];
      const error = await rejection(store.batch(ops));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).problems[0]?.path).toBe('ops[1].value');
      expect(fake.requests).toEqual([]);
    });

    it('refuses more index values than fit in one transaction', async () => {
      const indexes = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`i${i}`, 'v']));
      expect(await rejection(store.put('objectives', 'O1', 1, { expected: null, indexes }))).toBeInstanceOf(InvalidInputError);
      const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`i${i}`, 'v']));
      const v1 = await store.put('objectives', 'O1', 1, { expected: null, indexes: eleven });
      // Replacing all eleven by eleven others, with the check of the journal lock:
      // 1 + 11 + 11 + 1 = 24 operations, still one transaction.
      const other = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`j${i}`, 'w']));
      await store.put('objectives', 'O1', 2, { expected: v1.version, indexes: other });
      expect(fake.size(INDEX_ENTITY)).toBe(11);
      expect((await store.list('objectives', { where: { index: 'j3', value: 'w' } })).items.map((d) => d.value)).toEqual([2]);
    });

    it('keeps the collection of its own journal out of reach of callers', async () => {
      expect(await rejection(store.put('$journal', 'head', 'mine', { expected: null }))).toBeInstanceOf(InvalidInputError);
      expect(await rejection(store.list('$journal'))).toBeInstanceOf(InvalidInputError);
      expect(await rejection(store.batch([{ kind: 'delete', collection: '$journal', id: 'head', expected: 'idle' }]))).toBeInstanceOf(InvalidInputError);
    });

    it('keeps ids and index values that KVS keys could not hold (any character, any length)', async () => {
      const id = `KR1#jira:CS-1 / ${'ü'.repeat(600)} 🍵`;
      await store.put('links', id, { ok: true }, { expected: null, indexes: { ref: 'a/b:c|d ünïcode' } });
      expect((await store.get('links', id))?.value).toEqual({ ok: true });
      expect((await store.list('links', { where: { index: 'ref', value: 'a/b:c|d ünïcode' } })).items.map((d) => d.id)).toEqual([id]);
      for (const r of fake.requests) if (typeof r.body.key === 'string') expect(r.body.key.length).toBeLessThanOrEqual(500);
    });
  });

  describe('requests', () => {
    it('lists in pages of at most 20, one query per page plus a look ahead only when a page is exactly full', async () => {
      await store.batch(Array.from({ length: 45 }, (_, i): WriteOp => ({ kind: 'put', collection: 'links', id: `L${String(i).padStart(3, '0')}`, value: i, expected: null, indexes: { kr: 'KR1' } })));
      fake.requests.length = 0;
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.list('links', { where: { index: 'kr', value: 'KR1' }, cursor, limit: 500 });
        seen.push(...page.items.map((d) => d.id));
        cursor = page.cursor;
      } while (cursor);
      expect(seen).toHaveLength(45);
      const queries = bodies('/api/v1/entity/query');
      expect(queries.every((q) => (q.limit as number) <= 20)).toBe(true);
      // Pages of 20, 20, 5: two full pages each look one item ahead; the last does not.
      expect(queries.map((q) => q.limit)).toEqual([20, 1, 20, 1, 20]);
      // Values come with the index entries: no document is fetched one by one. The only reads are
      // the look at the journal head each call makes (alongside its query, so no extra wait).
      expect(fake.count('/api/v1/entity/get')).toBe(3);
    });

    it('leaves no index entry behind when documents move or go', async () => {
      const a = await store.put('links', 'L1', 'a', { expected: null, indexes: { kr: 'KR1', ref: 'jira:CS-1' } });
      const b = await store.put('links', 'L1', 'b', { expected: a.version, indexes: { kr: 'KR2' } });
      expect(fake.size(INDEX_ENTITY)).toBe(1);
      await store.delete('links', 'L1', b.version);
      expect(fake.size(INDEX_ENTITY)).toBe(0);
      // Only the journal head is left: created once, by the store's first write.
      expect(fake.size(DOC_ENTITY)).toBe(1);
    });

    it('commits a small batch as one transaction', async () => {
      // The store's first write creates the journal head every write checks; not counted here.
      await store.put('warm', 'up', 1, { expected: null });
      fake.requests.length = 0;
      await store.batch([
        { kind: 'put', collection: 'links', id: 'L1', value: 1, expected: null, indexes: { kr: 'KR1', ref: 'jira:CS-1' } },
        { kind: 'put', collection: 'checkIns', id: 'KR1#000001', value: 2, expected: null, indexes: { kr: 'KR1' } },
      ]);
      expect(fake.count('/api/v1/transaction')).toBe(1);
    });
  });

  describe('429 from Forge storage', () => {
    it('retries with exponential backoff and then succeeds', async () => {
      const v = await store.put('objectives', 'O1', 'v', { expected: null });
      fake.rateLimit(2);
      // An update reads the document once, then commits: the read is throttled twice.
      expect((await store.put('objectives', 'O1', 'w', { expected: v.version })).value).toBe('w');
      // random() = 0.5: half of 250 ms, then half of 500 ms.
      expect(sleeps).toEqual([125, 250]);
    });

    it("honours the error's retry hint when the answer carries one", async () => {
      fake.rateLimit(1, { retryAfterSeconds: 3 });
      await store.put('objectives', 'O1', 'v', { expected: null });
      expect(sleeps).toEqual([3000]);
      expect((await store.get('objectives', 'O1'))?.value).toBe('v');
    });

    it('gives up after a bounded number of tries with a clear error the API reports as rate-limited', async () => {
      fake.rateLimit(100);
      const error = await rejection(store.put('objectives', 'O1', 'v', { expected: null }));
      expect(error).toBeInstanceOf(RateLimitedError);
      expect((error as Error).message).toMatch(/rate limiting this app \(429\).*4 tries.*try again in a minute/);
      expect(fake.count('/api/v1/entity/get')).toBe(4);
      expect(toApiError(error).code).toBe('rate-limited');
    });

    it('never waits longer than the budget allows, whatever the hint', async () => {
      fake.rateLimit(100, { retryAfterSeconds: 60 });
      expect(await rejection(store.put('objectives', 'O1', 'v', { expected: null }))).toBeInstanceOf(RateLimitedError);
      expect(sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(8_000);
    });

    it('retries a throttled transaction without applying it twice', async () => {
      await store.put('warm', 'up', 1, { expected: null });
      fake.requests.length = 0;
      fake.rateLimit(1, { path: '/api/v1/transaction' });
      const saved = await store.put('links', 'L1', 'once', { expected: null, indexes: { kr: 'KR1' } });
      expect(bodies('/api/v1/transaction')).toHaveLength(2);
      expect(await store.get('links', 'L1')).toEqual(saved);
      expect(fake.size(INDEX_ENTITY)).toBe(1);
    });
  });

  describe('batches larger than one transaction', () => {
    const puts = (n: number): WriteOp[] =>
      Array.from({ length: n }, (_, i) => ({ kind: 'put', collection: 'links', id: `L${String(i).padStart(2, '0')}`, value: `new ${i}`, expected: null, indexes: { kr: 'KR1' } }));

    it('commits 30 documents with index entries in several transactions', async () => {
      await store.batch(puts(30));
      expect(fake.count('/api/v1/transaction')).toBeGreaterThan(1);
      expect((await store.list('links', { where: { index: 'kr', value: 'KR1' }, limit: 20 })).items).toHaveLength(20);
      expect(fake.size(INDEX_ENTITY)).toBe(30);
    });

    it('locks other writers out while it applies: a write in between finishes the batch first, then conflicts', async () => {
      const other = new ForgeKvsDocumentStore({ retry: noWait });
      let transactions = 0;
      let theirs: unknown;
      fake.beforeRequest(async (path) => {
        // Transactions: the lock, the journal with the commit point, then the changes.
        if (path !== '/api/v1/transaction' || ++transactions !== 4) return;
        fake.beforeRequest(undefined);
        // Someone creates a document the batch is about to create, in the middle of it.
        theirs = await rejection(other.put('links', 'L29', 'theirs', { expected: null }));
      });
      await store.batch(puts(30));
      // Their write could not land in the middle: it finished the batch, then found L29 taken.
      expect(theirs).toBeInstanceOf(ConflictError);
      const all = await store.list<string>('links', { limit: 20 });
      const rest = await store.list<string>('links', { cursor: all.cursor });
      expect([...all.items, ...rest.items].map((d) => d.value)).toEqual(puts(30).map((op) => (op as { value: string }).value));
      // The journal is gone and the lock is free: only the head item is left of it.
      expect(fake.size(DOC_ENTITY)).toBe(31);
      await store.put('links', 'L99', 'after', { expected: null });
    });

    it('is discarded, having applied nothing, when a writer meets it before its commit point; it then fails as a conflict', async () => {
      const other = new ForgeKvsDocumentStore({ retry: noWait });
      let transactions = 0;
      fake.beforeRequest(async (path) => {
        if (path !== '/api/v1/transaction' || ++transactions !== 2) return;
        fake.beforeRequest(undefined);
        await other.put('links', 'L05', 'theirs', { expected: null });
      });
      const error = await rejection(store.batch(puts(30)));
      expect(error).toBeInstanceOf(ConflictError);
      expect((await store.list<string>('links')).items.map((d) => [d.id, d.value])).toEqual([['L05', 'theirs']]);
      // Nothing of the journal is left: the head and L05.
      expect(fake.size(DOC_ENTITY)).toBe(2);
      await store.batch(puts(30).filter((op) => op.id !== 'L05'));
      expect((await store.get('links', 'L29'))?.value).toBe('new 29');
    });
  });

  describe('under the app', () => {
    it('imports the demo plan in several transactions and gives it back losslessly, with panels as on any store', async () => {
      const app = createApp({ store, source: new FakeWorkItemSource(DEMO.workItems, []), ...localApp(), today: () => TODAY });
      const counts = await app.call('importPlan', { text: DEMO_TEXT, format: 'yaml' });
      expect(counts.objectives).toBe(DEMO.objectives.length);
      const transactions = fake.requests.filter((r) => r.path === '/api/v1/transaction');
      expect(transactions.length).toBeGreaterThan(1);
      console.log(`[figures] demo plan import on Forge storage: ${fake.requests.length} KVS requests, of which ${transactions.length} transactions, ${fake.size(DOC_ENTITY)} documents, ${fake.size(INDEX_ENTITY)} index entries`);
      for (const t of transactions) {
        const ops = ['set', 'delete', 'check'].reduce((n, k) => n + ((t.body[k] as unknown[] | undefined)?.length ?? 0), 0);
        expect(ops).toBeLessThanOrEqual(25);
      }
      expect((await app.call('exportPlan', { format: 'json' })).plan).toEqual(DEMO);
      const panel = await app.call('getPanel', { ref: 'jira:CS-1' });
      expect(panel.keyResults.map((k) => k.kr.id)).toContain('KR-CRM');
      // Every query the app made asked for a page of at most 20.
      expect(fake.requests.filter((r) => r.path === '/api/v1/entity/query').every((r) => (r.body.limit as number) <= 20)).toBe(true);
      // Importing the same plan again replaces it in place: same documents, same index entries.
      const entries = fake.size(INDEX_ENTITY);
      await app.call('importPlan', { text: DEMO_TEXT, format: 'yaml' });
      expect(fake.size(INDEX_ENTITY)).toBe(entries);
      expect((await app.call('exportPlan', { format: 'json' })).plan).toEqual(DEMO);
    });
  });
});
