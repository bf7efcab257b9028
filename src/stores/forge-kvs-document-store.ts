// The Forge app's DocumentStore on `@forge/kvs` custom entities (layout in forge-kvs-layout.ts,
// entities in docs/forge-entities.yml).
//
// Optimistic concurrency. Every document item carries its version, a random token never handed
// out twice. A write first reads the stored item (its version tells a stale `expected` at once,
// its index values tell which index entries to replace), then commits one KVS transaction that
// writes the document under the condition `version = expected` (or `version` NOT_EXISTS for a
// create) together with its index entries. The service checks every condition before it writes
// anything, so a writer who lost the race gets ConflictError and nothing of theirs is stored.
// When a transaction is refused we read the documents again to tell a conflict (someone changed
// one) from any other failure, so we depend on no particular error code for failed conditions.
//
// Batches. One transaction holds at most 25 operations and 4 MB, so a batch that fits is one
// transaction: exactly as atomic as the port asks. A larger one (an import, deleting an objective
// with a long history) is made crash-safe with a write-ahead journal and a lock, both items of
// the store (forge-kvs-journal.ts):
//   1. take the lock: the head goes from `idle` to `pending:<batch>` (one conditional write);
//      from now on every other write fails its `check` on the head, so nothing can change under us;
//   2. read what the ops touch and check every expectation; a failed one releases the lock and
//      throws ConflictError, nothing written;
//   3. write the journal (every change with its before version and its after item, the after
//      versions drawn now) and, in the same transaction as its last piece, turn the head to
//      `committed:<batch>`: the commit point, one conditional write;
//   4. apply the changes in transactions, each conditional on the before version;
//   5. delete the journal and set the head `idle` (one transaction when it fits).
// A writer that dies anywhere leaves either a `pending` head, under which nothing of the batch was
// applied (readers ignore it; the next writer discards it), or a `committed` one, which the next
// reader or writer applies to the end before doing anything else (roll forward). Applying twice
// is harmless: a change applies only where the document still has its before version, and
// versions are never reused, so a change already applied, by us or by another finisher running
// at the same time (two resolvers), is skipped, and so would be any change made after the batch
// (impossible while the lock is held, and a finisher runs only while it is). A writer that meets
// a `pending` head discards it (the batch then fails its commit and reports ConflictError,
// exactly as if someone had changed a document it read): a batch never waits on a writer that
// may be dead, and nobody waits on a batch.
// The residual risk: a reader that reads while a live batch is applying (step 4) can see part of
// it; reads check the head first, so once the batch's writer is gone no read sees a mix.

// Pages hold at most 20 documents, in id order, from a `docId > cursor` range condition, so our
// cursor is the last id: stable, and never a KVS cursor (which the docs say not to persist).
import { randomUUID } from 'node:crypto';
import { Filter, FilterConditions, kvs, Sort, WhereConditions } from '@forge/kvs';
import { ConflictError, NotFoundError } from '../core/model/errors';
import type { DocumentStore, ListPage, ListQuery, PutOptions, StoredDoc, Version, WriteOp } from '../core/ports/document-store';
import { decodeDocument, encodeDocument } from './document-json';
import {
  BY_COLLECTION,
  BY_VALUE,
  checkFits,
  DOC_ENTITY,
  docEntity,
  docKey,
  FORGE_PAGE_CAP,
  INDEX_ENTITY,
  indexEntities,
  MAX_TRANSACTION_BYTES,
  MAX_TRANSACTION_OPS,
  storedBytes,
  type DocEntity,
  type IndexEntity,
} from './forge-kvs-layout';
import {
  beforeEntity,
  checkNotJournal,
  chunkKey,
  HEAD_KEY,
  headEntity,
  headState,
  headVersion,
  JOURNAL_COLLECTION,
  journalEntry,
  journalPieces,
  type HeadState,
  type JournalEntry,
} from './forge-kvs-journal';
import { DEFAULT_RETRY_POLICY, withRetry, type RetryPolicy } from './forge-kvs-retry';
import { checkBatch, checkIndexes, checkKey, pageSize } from './store-checks';
import { sharedInFlight } from './shared-in-flight';

export interface ForgeKvsDocumentStoreOptions {
  /** How 429 answers are retried; tests shorten the waits. */
  retry?: Partial<RetryPolicy>;
  /** Reads run at most this many at a time (a batch's pre-check). Default 8. */
  readConcurrency?: number;
}

/** What the stored version must be for an operation to apply: a token, or no item at all. */
type Guard = { version: string } | 'absent';

type KvsOp =
  | { kind: 'set'; entity: string; key: string; value: DocEntity | IndexEntity; guard?: Guard }
  | { kind: 'delete'; entity: string; key: string; guard?: Guard }
  | { kind: 'check'; entity: string; key: string; guard: Guard };

/** One document's change: what was stored, what will be, and whether the caller's expectation held. */
interface Change {
  op: WriteOp;
  before: DocEntity | undefined;
  after: DocEntity | undefined;
}

/** The KVS operations taking a document's items from `from` to `to`, guarded by `guard`. */
function transition(collection: string, id: string, from: DocEntity | undefined, to: DocEntity | undefined, guard: Guard): KvsOp[] {
  const key = docKey(collection, id);
  const ops: KvsOp[] = [to ? { kind: 'set', entity: DOC_ENTITY, key, value: to, guard } : { kind: 'delete', entity: DOC_ENTITY, key, guard }];
  const entries = to ? indexEntities(to) : [];
  const kept = new Set(entries.map((e) => e.key));
  for (const e of entries) ops.push({ kind: 'set', entity: INDEX_ENTITY, key: e.key, value: e.value });
  for (const e of from ? indexEntities(from) : []) if (!kept.has(e.key)) ops.push({ kind: 'delete', entity: INDEX_ENTITY, key: e.key });
  return ops;
}

const guardOf = (doc: DocEntity | undefined): Guard => (doc ? { version: doc.version } : 'absent');

function conditions(guard: Guard | undefined) {
  if (guard === undefined) return {};
  const filter = new Filter<DocEntity | IndexEntity>();
  return { conditions: guard === 'absent' ? filter.and('version', FilterConditions.notExists()) : filter.and('version', FilterConditions.equalTo(guard.version)) };
}

/** Groups (each one document's operations, never split) packed into transactions within the caps. */
function pack(groups: readonly KvsOp[][], maxOps = MAX_TRANSACTION_OPS): KvsOp[][][] {
  const transactions: KvsOp[][][] = [];
  let current: KvsOp[][] = [];
  let ops = 0;
  let bytes = 0;
  for (const group of groups) {
    const size = group.reduce((sum, op) => sum + op.key.length + 200 + (op.kind === 'set' ? storedBytes(op.value) : 0), 0);
    if (current.length > 0 && (ops + group.length > maxOps || bytes + size > MAX_TRANSACTION_BYTES)) {
      transactions.push(current);
      current = [];
      ops = 0;
      bytes = 0;
    }
    current.push(group);
    ops += group.length;
    bytes += size;
  }
  if (current.length > 0) transactions.push(current);
  return transactions;
}

async function mapLimited<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await run(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** How many times a write starts over after settling someone else's journal. */
const MAX_ATTEMPTS = 5;

/** The operation every write but a journaled batch's carries: no batch holds the lock. */
const HEAD_IS_IDLE: KvsOp = { kind: 'check', entity: DOC_ENTITY, key: HEAD_KEY, guard: { version: 'idle' } };

export class ForgeKvsDocumentStore implements DocumentStore {
  private readonly retry: RetryPolicy;
  private readonly readConcurrency: number;

  constructor(options: ForgeKvsDocumentStoreOptions = {}) {
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.readConcurrency = options.readConcurrency ?? 8;
  }

  async get<T>(collection: string, id: string): Promise<StoredDoc<T> | undefined> {
    checkKey(collection, id);
    checkNotJournal(collection);
    const doc = await this.settled(() => this.read(collection, id));
    return doc && { id, version: doc.version, value: decodeDocument<T>(doc.body) };
  }

  async list<T>(collection: string, query: ListQuery = {}): Promise<ListPage<T>> {
    checkNotJournal(collection);
    const size = pageSize(query.limit, FORGE_PAGE_CAP);
    const { where, cursor } = query;
    const page = await this.settled((): Promise<{ items: (DocEntity | IndexEntity)[]; more: boolean }> =>
      where
        ? this.page<IndexEntity>(INDEX_ENTITY, BY_VALUE, [collection, where.index, where.value], cursor, size)
        : this.page<DocEntity>(DOC_ENTITY, BY_COLLECTION, [collection], cursor, size),
    );
    const items = page.items.map((e) => ({ id: e.docId, version: e.version, value: decodeDocument<T>(e.body) }));
    const last = items[items.length - 1];
    return page.more && last ? { items, cursor: last.id } : { items };
  }

  async put<T>(collection: string, id: string, value: T, options: PutOptions): Promise<StoredDoc<T>> {
    checkKey(collection, id);
    checkNotJournal(collection);
    checkIndexes(options.indexes);
    const op: WriteOp = { kind: 'put', collection, id, value, expected: options.expected, ...(options.indexes ? { indexes: options.indexes } : {}) };
    const [change] = await this.write([op], [encodeDocument(value)], 'single');
    return { id, version: (change?.after as DocEntity).version, value };
  }

  async delete(collection: string, id: string, expected: Version): Promise<void> {
    checkKey(collection, id);
    checkNotJournal(collection);
    await this.write([{ kind: 'delete', collection, id, expected }], [''], 'single');
  }

  async batch(ops: readonly WriteOp[]): Promise<void> {
    checkBatch(ops);
    for (const op of ops) checkNotJournal(op.collection);
    if (ops.length === 0) return;
    // Encode and size-check everything before the first request: a refusal writes nothing.
    await this.write(ops, ops.map((op) => (op.kind === 'put' ? encodeDocument(op.value) : '')), 'batch');
  }

  private read(collection: string, id: string): Promise<DocEntity | undefined> {
    return withRetry(() => kvs.entity<DocEntity>(DOC_ENTITY).get(docKey(collection, id)), this.retry);
  }

  /**
   * The head as a look already on its way sees it, or a new look. Reads made together (a board
   * reads a dozen collections at once) share one request instead of making one each. That is as
   * safe as each making its own alongside its read: either way the look and the read are not
   * ordered, so only a batch whose writer is alive and in the middle of it can be seen in part;
   * one whose writer is gone is seen by every look started after.
   */
  private readonly lookAtHead = sharedInFlight(() => this.readHead());

  private readHead(): Promise<HeadState> {
    return withRetry(() => kvs.entity<DocEntity>(DOC_ENTITY).get(HEAD_KEY), this.retry).then(headState);
  }

  /**
   * Runs a read alongside a look at the journal head (no extra wait); when a committed batch is
   * there, finishes it first and reads again, so no read sees half of a batch whose writer died.
   */
  private async settled<R>(read: () => Promise<R>): Promise<R> {
    const [head, result] = await Promise.all([this.lookAtHead(), read()]);
    if (head.kind !== 'committed') return result;
    await this.settle(head);
    return read();
  }

  /**
   * A page of `size` items after `cursor`. KVS may hand a cursor with a page that is exactly
   * full although nothing follows; then one look at the next item settles whether there is more.
   */
  private async page<E extends DocEntity | IndexEntity>(entity: string, index: string, partition: string[], cursor: string | undefined, size: number) {
    const query = (after: string | undefined, limit: number) =>
      withRetry(() => {
        const q = kvs.entity<E>(entity).query().index(index, { partition }).sort(Sort.ASC).limit(limit);
        return (after === undefined ? q : q.where(WhereConditions.greaterThan(after))).getMany();
      }, this.retry);
    const first = await query(cursor, size);
    const items = first.results.map((r) => r.value);
    const last = items[items.length - 1];
    if (items.length < size || first.nextCursor === undefined || !last) return { items, more: false };
    const next = await query(last.docId, 1);
    return { items, more: next.results.length > 0 };
  }

  /**
   * Reads what each op touches, checks the caller's expectations, then commits: in one
   * transaction (checked against the lock) when it fits, else through the journal. `single` ops
   * keep the standalone semantics of `delete` (a missing document is NotFoundError, not a conflict).
   */
  private async write(ops: readonly WriteOp[], bodies: readonly string[], mode: 'single' | 'batch'): Promise<Change[]> {
    const afters = ops.map((op, i) => {
      if (op.kind === 'delete') return undefined;
      const doc = docEntity(op.collection, op.id, randomUUID(), bodies[i] as string, op.indexes);
      checkFits(doc, mode === 'batch' ? `ops[${i}].` : '');
      return doc;
    });
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      // Each op takes at least one operation, and the lock check one more: a batch of 25 or more
      // can never be one transaction, so it goes to the journal without reading twice.
      if (ops.length < MAX_TRANSACTION_OPS) {
        const changes = await this.changes(ops, afters, mode);
        const groups = changes.map((c) => transition(c.op.collection, c.op.id, c.before, c.after, guardOf(c.before)));
        if (pack(groups, MAX_TRANSACTION_OPS - 1).length === 1) {
          try {
            await this.commit([...groups.flat(), HEAD_IS_IDLE]);
            return changes;
          } catch (error) {
            const head = await this.readHead();
            if (head.kind === 'idle' || attempt >= MAX_ATTEMPTS) throw await this.explain(changes, mode, error);
            await this.settle(head);
            continue;
          }
        }
      }
      const done = await this.journaled(ops, afters, mode);
      if (done) return done;
    }
    const first = ops[0] as WriteOp;
    throw new ConflictError(first.collection, first.id);
  }

  /** What each op changes, after checking that the caller's expectations hold. */
  private async changes(ops: readonly WriteOp[], afters: readonly (DocEntity | undefined)[], mode: 'single' | 'batch'): Promise<Change[]> {
    const befores = await mapLimited(ops, this.readConcurrency, (op) => this.read(op.collection, op.id));
    const changes: Change[] = ops.map((op, i) => ({ op, before: befores[i], after: afters[i] }));
    for (const change of changes) this.expect(change.op, change.before, mode);
    return changes;
  }

  /**
   * A batch too large for one transaction, through the lock and the journal (steps at the top of
   * this file). Undefined when another writer held or took the lock first: theirs is settled, and
   * the caller starts over.
   */
  private async journaled(ops: readonly WriteOp[], afters: readonly (DocEntity | undefined)[], mode: 'single' | 'batch'): Promise<Change[] | undefined> {
    const head = await this.readHead();
    if (head.kind !== 'idle' && head.kind !== 'missing') {
      await this.settle(head);
      return undefined;
    }
    const batch = randomUUID();
    const pending: HeadState = { kind: 'pending', batch, pieces: 0 };
    try {
      await this.commit([{ kind: 'set', entity: DOC_ENTITY, key: HEAD_KEY, value: headEntity(pending), guard: head.kind === 'missing' ? 'absent' : { version: 'idle' } }]);
    } catch {
      return undefined;
    }
    // The lock is ours: nobody else's write can land until we commit or give it back.
    let changes: Change[];
    try {
      changes = await this.changes(ops, afters, mode);
    } catch (error) {
      await this.commit([{ kind: 'set', entity: DOC_ENTITY, key: HEAD_KEY, value: headEntity({ kind: 'idle' }), guard: { version: headVersion(pending) } }]).catch(() => undefined);
      throw error;
    }
    const entries = changes.map((c) => journalEntry(c.op.collection, c.op.id, c.before, c.after));
    const pieces = journalPieces(batch, entries);
    const committed = { kind: 'committed', batch, pieces: pieces.length } as const;
    const writes = pieces.map((p, i): KvsOp[] => [{ kind: 'set', entity: DOC_ENTITY, key: chunkKey(batch, i), value: p }]);
    const transactions = pack(writes, MAX_TRANSACTION_OPS - 1);
    try {
      for (const [t, transaction] of transactions.entries()) {
        if (t < transactions.length - 1) {
          await this.commit(transaction.flat());
          continue;
        }
        // The commit point. It also checks that the pieces written before are still there: a
        // writer that discarded our pending lock may have swept them.
        const earlier = pieces.length - transaction.length;
        await this.commit([
          ...transaction.flat(),
          ...Array.from({ length: earlier }, (_, i): KvsOp => ({ kind: 'check', entity: DOC_ENTITY, key: chunkKey(batch, i), guard: { version: batch } })),
          { kind: 'set', entity: DOC_ENTITY, key: HEAD_KEY, value: headEntity(committed), guard: { version: headVersion(pending) } },
        ]);
      }
    } catch (error) {
      // Whether the commit point was passed decides: the answer of a commit that went through
      // may be what got lost. Unsure (the head cannot be read either): leave all as it is, for
      // the next reader or writer to settle.
      const now = await this.readHead();
      if (now.kind === 'committed' && now.batch === batch) return this.completed(changes, entries, committed);
      if (now.kind === 'pending' && now.batch === batch) {
        await this.commit([{ kind: 'set', entity: DOC_ENTITY, key: HEAD_KEY, value: headEntity({ kind: 'idle' }), guard: { version: headVersion(pending) } }]);
        await this.deletePieces(batch);
        throw error;
      }
      // Someone discarded our lock: then they wrote, perhaps what we had read. Nothing of ours applied.
      await this.deletePieces(batch);
      const first = ops[0] as WriteOp;
      throw new ConflictError(first.collection, first.id);
    }
    return this.completed(changes, entries, committed);
  }

  private async completed(changes: Change[], entries: readonly JournalEntry[], head: Extract<HeadState, { kind: 'committed' }>): Promise<Change[]> {
    await this.apply(entries);
    await this.finish(head);
    return changes;
  }

  /**
   * Makes the journal head idle again: discards a pending batch (nothing of it was applied) or
   * finishes a committed one. Safe to run by several at once and next to the batch's own writer.
   */
  private async settle(head: HeadState): Promise<void> {
    switch (head.kind) {
      case 'idle':
        return;
      case 'missing':
        // First use of the store: the head every write checks is created once.
        await this.commit([{ kind: 'set', entity: DOC_ENTITY, key: HEAD_KEY, value: headEntity({ kind: 'idle' }), guard: 'absent' }]).catch(() => undefined);
        return;
      case 'pending':
        await this.commit([{ kind: 'set', entity: DOC_ENTITY, key: HEAD_KEY, value: headEntity({ kind: 'idle' }), guard: { version: headVersion(head) } }]).catch(() => undefined);
        await this.deletePieces(head.batch);
        return;
      case 'committed': {
        const items = await mapLimited(Array.from({ length: head.pieces }, (_, i) => i), this.readConcurrency, (i) =>
          withRetry(() => kvs.entity<DocEntity>(DOC_ENTITY).get(chunkKey(head.batch, i)), this.retry),
        );
        // Pieces are deleted only once every change is applied: with one gone, there is nothing left to apply.
        if (items.every((item) => item !== undefined)) await this.apply(JSON.parse(items.map((item) => (item).body).join('')) as JournalEntry[]);
        await this.finish(head);
        return;
      }
      default:
        head satisfies never;
    }
  }

  /** Applies journal entries, each only where the document still has its before version. */
  private async apply(entries: readonly JournalEntry[]): Promise<void> {
    const groups = entries.map((e) => transition(e.collection, e.id, beforeEntity(e), e.after ?? undefined, e.before ? { version: e.before.version } : 'absent'));
    let index = 0;
    for (const transaction of pack(groups)) {
      const mine = entries.slice(index, index + transaction.length);
      index += transaction.length;
      try {
        await this.commit(transaction.flat());
      } catch {
        // Someone finishing the same journal applied part of it: go document by document.
        await mapLimited([...mine.keys()], this.readConcurrency, async (i) => {
          const entry = mine[i] as JournalEntry;
          const current = await this.read(entry.collection, entry.id);
          if ((current?.version ?? null) !== (entry.before?.version ?? null)) return;
          await this.commit(transaction[i] as KvsOp[]).catch(() => undefined);
        });
      }
    }
  }

  /** Deletes the journal and frees the lock: in one transaction when the pieces fit in it. */
  private async finish(head: Extract<HeadState, { kind: 'committed' }>): Promise<void> {
    const deletes = Array.from({ length: head.pieces }, (_, i): KvsOp => ({ kind: 'delete', entity: DOC_ENTITY, key: chunkKey(head.batch, i) }));
    const free: KvsOp = { kind: 'set', entity: DOC_ENTITY, key: HEAD_KEY, value: headEntity({ kind: 'idle' }), guard: { version: headVersion(head) } };
    if (deletes.length + 1 > MAX_TRANSACTION_OPS) {
      for (let i = 0; i < deletes.length; i += MAX_TRANSACTION_OPS) await this.commit(deletes.slice(i, i + MAX_TRANSACTION_OPS));
      deletes.length = 0;
    }
    // Refused when another finisher freed it first: then it is done.
    await this.commit([...deletes, free]).catch(() => undefined);
  }

  /** Removes the pieces of a batch that never committed (listed, as their number was never recorded). */
  private async deletePieces(batch: string): Promise<void> {
    const keys: string[] = [];
    for (let cursor: string | undefined = `${batch}:`; ; ) {
      const page: { items: DocEntity[]; more: boolean } = await this.page<DocEntity>(DOC_ENTITY, BY_COLLECTION, [JOURNAL_COLLECTION], cursor, FORGE_PAGE_CAP);
      const ours = page.items.filter((item) => item.docId.startsWith(`${batch}:`));
      keys.push(...ours.map((item) => docKey(JOURNAL_COLLECTION, item.docId)));
      const last: DocEntity | undefined = page.items[page.items.length - 1];
      if (!page.more || !last || ours.length < page.items.length) break;
      cursor = last.docId;
    }
    for (let i = 0; i < keys.length; i += MAX_TRANSACTION_OPS) {
      await this.commit(keys.slice(i, i + MAX_TRANSACTION_OPS).map((key): KvsOp => ({ kind: 'delete', entity: DOC_ENTITY, key })));
    }
  }

  /** Throws the caller's error when `current` is not what `op` expects. */
  private expect(op: WriteOp, current: DocEntity | undefined, mode: 'single' | 'batch'): void {
    const version = current?.version ?? null;
    if (op.kind === 'delete' && version === null && mode === 'single') throw new NotFoundError(op.collection, op.id);
    if (version !== op.expected) throw new ConflictError(op.collection, op.id);
  }

  private commit(ops: readonly KvsOp[]): Promise<void> {
    return withRetry(() => {
      const tx = kvs.transact();
      for (const op of ops) {
        if (op.kind === 'set') tx.set(op.key, op.value, { entityName: op.entity, ...conditions(op.guard) });
        else if (op.kind === 'delete') tx.delete(op.key, { entityName: op.entity, ...conditions(op.guard) });
        else tx.check(op.key, { entityName: op.entity, conditions: conditions(op.guard).conditions as Filter<DocEntity> });
      }
      return tx.execute();
    }, this.retry);
  }

  /** After a refused transaction: a ConflictError when someone changed a document, else the failure itself. */
  private async explain(changes: readonly Change[], mode: 'single' | 'batch', error: unknown): Promise<unknown> {
    const now = await mapLimited(changes, this.readConcurrency, (c) => this.read(c.op.collection, c.op.id).catch(() => c.before));
    for (const [i, change] of changes.entries()) {
      const current = now[i];
      if (current?.version !== change.before?.version) {
        try {
          this.expect(change.op, current, mode);
        } catch (stale) {
          return stale;
        }
        return new ConflictError(change.op.collection, change.op.id);
      }
    }
    return error;
  }
}
