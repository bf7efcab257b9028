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
// Batches. One transaction holds at most 25 operations and 4 MB, so a batch that fits is
// exactly as atomic as the port asks. A larger one (an imported plan) checks every expectation
// first, then commits in several transactions, each still conditional; should a later one fail,
// the earlier ones are undone by conditional writes that restore exactly what was there before
// (values, versions and index entries). The residual risk, stated honestly: between the first
// and last transaction, readers can see part of the batch, and an undo fails when someone has
// meanwhile changed a document the batch wrote; then PartialBatchError names those documents.
//
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
import { DEFAULT_RETRY_POLICY, withRetry, type RetryPolicy } from './forge-kvs-retry';
import { checkBatch, checkIndexes, checkKey, pageSize } from './store-checks';

export interface ForgeKvsDocumentStoreOptions {
  /** How 429 answers are retried; tests shorten the waits. */
  retry?: Partial<RetryPolicy>;
  /** Reads run at most this many at a time (a batch's pre-check). Default 8. */
  readConcurrency?: number;
}

/** A large batch failed midway and some of what it had written could not be undone. */
export class PartialBatchError extends Error {
  readonly code = 'internal';
  constructor(readonly notRestored: { collection: string; id: string }[], options?: { cause?: unknown }) {
    super(
      `a batch failed after part of it was written, and ${notRestored.length} document(s) could not be restored because they were changed meanwhile: ${notRestored
        .map((d) => `${d.collection}/${d.id}`)
        .join(', ')}`,
      options,
    );
    this.name = 'PartialBatchError';
  }
}

/** What the stored version must be for an operation to apply: a token, or no item at all. */
type Guard = { version: string } | 'absent';

type KvsOp =
  | { kind: 'set'; entity: string; key: string; value: DocEntity | IndexEntity; guard?: Guard }
  | { kind: 'delete'; entity: string; key: string; guard?: Guard };

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
function pack(groups: readonly KvsOp[][]): KvsOp[][][] {
  const transactions: KvsOp[][][] = [];
  let current: KvsOp[][] = [];
  let ops = 0;
  let bytes = 0;
  for (const group of groups) {
    const size = group.reduce((sum, op) => sum + op.key.length + 200 + (op.kind === 'set' ? storedBytes(op.value) : 0), 0);
    if (current.length > 0 && (ops + group.length > MAX_TRANSACTION_OPS || bytes + size > MAX_TRANSACTION_BYTES)) {
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

export class ForgeKvsDocumentStore implements DocumentStore {
  private readonly retry: RetryPolicy;
  private readonly readConcurrency: number;

  constructor(options: ForgeKvsDocumentStoreOptions = {}) {
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.readConcurrency = options.readConcurrency ?? 8;
  }

  async get<T>(collection: string, id: string): Promise<StoredDoc<T> | undefined> {
    checkKey(collection, id);
    const doc = await this.read(collection, id);
    return doc && { id, version: doc.version, value: decodeDocument<T>(doc.body) };
  }

  async list<T>(collection: string, query: ListQuery = {}): Promise<ListPage<T>> {
    const size = pageSize(query.limit, FORGE_PAGE_CAP);
    const { where, cursor } = query;
    const page = where
      ? await this.page<IndexEntity>(INDEX_ENTITY, BY_VALUE, [collection, where.index, where.value], cursor, size)
      : await this.page<DocEntity>(DOC_ENTITY, BY_COLLECTION, [collection], cursor, size);
    const items = page.items.map((e) => ({ id: e.docId, version: e.version, value: decodeDocument<T>(e.body) }));
    const last = items[items.length - 1];
    return page.more && last ? { items, cursor: last.id } : { items };
  }

  async put<T>(collection: string, id: string, value: T, options: PutOptions): Promise<StoredDoc<T>> {
    checkKey(collection, id);
    checkIndexes(options.indexes);
    const op: WriteOp = { kind: 'put', collection, id, value, expected: options.expected, ...(options.indexes ? { indexes: options.indexes } : {}) };
    const [change] = await this.write([op], [encodeDocument(value)], 'single');
    return { id, version: (change?.after as DocEntity).version, value };
  }

  async delete(collection: string, id: string, expected: Version): Promise<void> {
    checkKey(collection, id);
    await this.write([{ kind: 'delete', collection, id, expected }], [''], 'single');
  }

  async batch(ops: readonly WriteOp[]): Promise<void> {
    checkBatch(ops);
    if (ops.length === 0) return;
    // Encode and size-check everything before the first request: a refusal writes nothing.
    await this.write(ops, ops.map((op) => (op.kind === 'put' ? encodeDocument(op.value) : '')), 'batch');
  }

  private read(collection: string, id: string): Promise<DocEntity | undefined> {
    return withRetry(() => kvs.entity<DocEntity>(DOC_ENTITY).get(docKey(collection, id)), this.retry);
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
   * Reads what each op touches, checks the caller's expectations, then commits. `single` ops keep
   * the standalone semantics of `delete` (a missing document is NotFoundError, not a conflict).
   */
  private async write(ops: readonly WriteOp[], bodies: readonly string[], mode: 'single' | 'batch'): Promise<Change[]> {
    const afters = ops.map((op, i) => {
      if (op.kind === 'delete') return undefined;
      const doc = docEntity(op.collection, op.id, randomUUID(), bodies[i] as string, op.indexes);
      checkFits(doc, mode === 'batch' ? `ops[${i}].` : '');
      return doc;
    });
    const befores = await mapLimited(ops, this.readConcurrency, (op) => this.read(op.collection, op.id));
    const changes: Change[] = ops.map((op, i) => ({ op, before: befores[i], after: afters[i] }));
    for (const change of changes) this.expect(change.op, change.before, mode);

    const groups = changes.map((c) => transition(c.op.collection, c.op.id, c.before, c.after, guardOf(c.before)));
    const transactions = pack(groups);
    const committed: Change[] = [];
    let index = 0;
    for (const transaction of transactions) {
      const mine = changes.slice(index, index + transaction.length);
      try {
        await this.commit(transaction.flat());
      } catch (error) {
        await this.undo(committed, error);
        throw await this.explain(changes, mode, error);
      }
      committed.push(...mine);
      index += transaction.length;
    }
    return changes;
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
        else tx.delete(op.key, { entityName: op.entity, ...conditions(op.guard) });
      }
      return tx.execute();
    }, this.retry);
  }

  /** Restores what `committed` changes replaced, each only if nobody has changed it since. */
  private async undo(committed: readonly Change[], cause: unknown): Promise<void> {
    if (committed.length === 0) return;
    const groups = committed.map((c) => transition(c.op.collection, c.op.id, c.after, c.before, guardOf(c.after)));
    const failed: Change[] = [];
    let index = 0;
    for (const transaction of pack(groups)) {
      const mine = committed.slice(index, index + transaction.length);
      index += transaction.length;
      try {
        await this.commit(transaction.flat());
      } catch {
        // Document by document, so one changed document does not keep the others from being restored.
        for (const change of mine) {
          try {
            await this.commit(transition(change.op.collection, change.op.id, change.after, change.before, guardOf(change.after)));
          } catch {
            failed.push(change);
          }
        }
      }
    }
    if (failed.length > 0) throw new PartialBatchError(failed.map((c) => ({ collection: c.op.collection, id: c.op.id })), { cause });
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

