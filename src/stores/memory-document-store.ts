// DocumentStore held in process memory, for unit tests of the app layer. It keeps the exact
// semantics of the durable stores (JSON copies, optimistic concurrency, all-or-nothing batches,
// id-ordered pages with a cap) so tests written against it hold against them; it sorts on every
// list, which is fine at test sizes and not meant for more.
import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from '../core/model/errors';
import type {
  DocumentStore,
  IndexValues,
  ListPage,
  ListQuery,
  PutOptions,
  StoredDoc,
  Version,
  WriteOp,
} from '../core/ports/document-store';
import { decodeDocument, encodeDocument } from './document-json';
import { compareIds } from './id-order';
import { checkBatch, checkIndexes, checkKey, pageSize } from './store-checks';

interface Entry {
  version: Version;
  json: string;
  indexes: IndexValues;
}

export interface MemoryDocumentStoreOptions {
  /** Largest page `list` returns, whatever limit is asked (Forge's is 20). Default 1000. */
  maxPageSize?: number;
}

export class MemoryDocumentStore implements DocumentStore {
  private readonly collections = new Map<string, Map<string, Entry>>();
  private readonly maxPageSize: number;
  // A per-instance prefix keeps tokens of two stores apart; the counter never repeats in one.
  private readonly versionPrefix = randomUUID().slice(0, 8);
  private versionCounter = 0;

  constructor(options: MemoryDocumentStoreOptions = {}) {
    this.maxPageSize = options.maxPageSize ?? 1000;
  }

  get<T>(collection: string, id: string): Promise<StoredDoc<T> | undefined> {
    return Promise.resolve().then(() => {
      checkKey(collection, id);
      const entry = this.collections.get(collection)?.get(id);
      return entry && { id, version: entry.version, value: decodeDocument<T>(entry.json) };
    });
  }

  list<T>(collection: string, query: ListQuery = {}): Promise<ListPage<T>> {
    return Promise.resolve().then(() => {
      const size = pageSize(query.limit, this.maxPageSize);
      const docs = this.collections.get(collection) ?? new Map<string, Entry>();
      const { where, cursor } = query;
      const ids = [...docs.keys()]
        .filter((id) => cursor === undefined || compareIds(id, cursor) > 0)
        .filter((id) => !where || docs.get(id)?.indexes[where.index] === where.value)
        .sort(compareIds);
      const items = ids.slice(0, size).map((id) => {
        const entry = docs.get(id) as Entry;
        return { id, version: entry.version, value: decodeDocument<T>(entry.json) };
      });
      const last = items[items.length - 1];
      return ids.length > size && last ? { items, cursor: last.id } : { items };
    });
  }

  put<T>(collection: string, id: string, value: T, options: PutOptions): Promise<StoredDoc<T>> {
    return Promise.resolve().then(() => {
      checkKey(collection, id);
      checkIndexes(options.indexes);
      const json = encodeDocument(value);
      this.expect(collection, id, options.expected);
      const version = this.write(collection, id, json, options.indexes);
      return { id, version, value };
    });
  }

  delete(collection: string, id: string, expected: Version): Promise<void> {
    return Promise.resolve().then(() => {
      checkKey(collection, id);
      const docs = this.collections.get(collection);
      const entry = docs?.get(id);
      if (!docs || !entry) throw new NotFoundError(collection, id);
      if (entry.version !== expected) throw new ConflictError(collection, id);
      docs.delete(id);
    });
  }

  batch(ops: readonly WriteOp[]): Promise<void> {
    return Promise.resolve().then(() => {
      checkBatch(ops);
      // Encode and check everything first: a refusal must leave no op applied.
      const encoded = ops.map((op) => (op.kind === 'put' ? encodeDocument(op.value) : ''));
      for (const op of ops) this.expect(op.collection, op.id, op.expected);
      ops.forEach((op, i) => {
        switch (op.kind) {
          case 'put':
            this.write(op.collection, op.id, encoded[i] as string, op.indexes);
            break;
          case 'delete':
            this.collections.get(op.collection)?.delete(op.id);
            break;
        }
      });
    });
  }

  /** Throws ConflictError unless the stored version is `expected` (`null`: nothing stored). */
  private expect(collection: string, id: string, expected: Version | null): void {
    const current = this.collections.get(collection)?.get(id)?.version ?? null;
    if (current !== expected) throw new ConflictError(collection, id);
  }

  private write(collection: string, id: string, json: string, indexes: IndexValues | undefined): Version {
    let docs = this.collections.get(collection);
    if (!docs) {
      docs = new Map();
      this.collections.set(collection, docs);
    }
    this.versionCounter += 1;
    const version = `${this.versionPrefix}-${this.versionCounter}`;
    docs.set(id, { version, json, indexes: { ...indexes } });
    return version;
  }
}
