// DocumentStore held in process memory, for unit tests of the app layer. It keeps the exact
// semantics of the durable stores (JSON copies, optimistic concurrency, all-or-nothing batches,
// id-ordered pages with a cap) so tests written against it hold against them. Ids and index
// entries are kept sorted, so a page costs a binary search, not a sort of the collection.
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
import { SortedIds } from './sorted-ids';
import { checkBatch, checkIndexes, checkKey, pageSize } from './store-checks';

interface Entry {
  version: Version;
  json: string;
  indexes: IndexValues;
}

interface Collection {
  docs: Map<string, Entry>;
  order: SortedIds;
  /** `["name","value"]` → the ids listed under that index value. */
  indexes: Map<string, SortedIds>;
}

// JSON keeps any name/value pair apart from any other, whatever characters they hold.
const indexKey = (name: string, value: string) => JSON.stringify([name, value]);

export interface MemoryDocumentStoreOptions {
  /** Largest page `list` returns, whatever limit is asked (Forge's is 20). Default 1000. */
  maxPageSize?: number;
}

export class MemoryDocumentStore implements DocumentStore {
  private readonly collections = new Map<string, Collection>();
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
      const entry = this.collections.get(collection)?.docs.get(id);
      return entry && { id, version: entry.version, value: decodeDocument<T>(entry.json) };
    });
  }

  list<T>(collection: string, query: ListQuery = {}): Promise<ListPage<T>> {
    return Promise.resolve().then(() => {
      const size = pageSize(query.limit, this.maxPageSize);
      const c = this.collections.get(collection);
      if (!c) return { items: [] };
      const listed = query.where ? c.indexes.get(indexKey(query.where.index, query.where.value)) : c.order;
      // One id more than the page tells whether a cursor is needed.
      const ids = listed?.after(query.cursor, size + 1) ?? [];
      const items = ids.slice(0, size).map((id) => {
        const entry = c.docs.get(id) as Entry;
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
      const entry = this.collections.get(collection)?.docs.get(id);
      if (!entry) throw new NotFoundError(collection, id);
      if (entry.version !== expected) throw new ConflictError(collection, id);
      this.remove(collection, id);
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
            this.remove(op.collection, op.id);
            break;
        }
      });
    });
  }

  /** Throws ConflictError unless the stored version is `expected` (`null`: nothing stored). */
  private expect(collection: string, id: string, expected: Version | null): void {
    const current = this.collections.get(collection)?.docs.get(id)?.version ?? null;
    if (current !== expected) throw new ConflictError(collection, id);
  }

  private write(collection: string, id: string, json: string, indexes: IndexValues | undefined): Version {
    let c = this.collections.get(collection);
    if (!c) {
      c = { docs: new Map(), order: new SortedIds(), indexes: new Map() };
      this.collections.set(collection, c);
    }
    this.unindex(c, id);
    this.versionCounter += 1;
    const version = `${this.versionPrefix}-${this.versionCounter}`;
    c.docs.set(id, { version, json, indexes: { ...indexes } });
    c.order.add(id);
    for (const [name, value] of Object.entries(indexes ?? {})) {
      const key = indexKey(name, value);
      let listed = c.indexes.get(key);
      if (!listed) {
        listed = new SortedIds();
        c.indexes.set(key, listed);
      }
      listed.add(id);
    }
    return version;
  }

  private remove(collection: string, id: string): void {
    const c = this.collections.get(collection);
    if (!c) return;
    this.unindex(c, id);
    c.docs.delete(id);
    c.order.remove(id);
  }

  /** Takes a document out of the index entries it is listed under now. */
  private unindex(c: Collection, id: string): void {
    const entry = c.docs.get(id);
    if (!entry) return;
    for (const [name, value] of Object.entries(entry.indexes)) {
      const key = indexKey(name, value);
      const listed = c.indexes.get(key);
      listed?.remove(id);
      if (listed?.size === 0) c.indexes.delete(key);
    }
  }
}
