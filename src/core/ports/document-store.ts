// Port: durable storage of OKR data as versioned documents in named collections.
// It is the smallest shape that every host store can honour: Forge KVS custom entities
// (indexes, 20-item pages), Azure DevOps Extension Data Service (collections, `__etag`),
// and the workbench's SQLite. Optimistic concurrency is part of the contract: a write names
// the version it was based on, and a stale one throws ConflictError and changes nothing.

/** Opaque version token (etag). Compare only for equality. */
export type Version = string;

export interface StoredDoc<T> {
  id: string;
  version: Version;
  value: T;
}

/** Values of the secondary indexes a document is listed under, e.g. `{ kr: 'KR1' }`. */
export type IndexValues = Record<string, string>;

export interface ListQuery {
  /** List only documents whose index `name` has exactly `value`. */
  where?: { index: string; value: string };
  /** From a previous page's `cursor`. */
  cursor?: string;
  /** Page size; implementations may cap it (Forge: 20). Default: the implementation's maximum. */
  limit?: number;
}

export interface ListPage<T> {
  items: StoredDoc<T>[];
  /** Present when there are more documents. */
  cursor?: string;
}

export interface PutOptions {
  /** `null`: create, the id must not exist yet. A version: update, it must still be current. */
  expected: Version | null;
  indexes?: IndexValues;
}

export type WriteOp =
  | { kind: 'put'; collection: string; id: string; value: unknown; expected: Version | null; indexes?: IndexValues }
  | { kind: 'delete'; collection: string; id: string; expected: Version };

export interface DocumentStore {
  get<T>(collection: string, id: string): Promise<StoredDoc<T> | undefined>;
  /** Documents in id order, paged. */
  list<T>(collection: string, query?: ListQuery): Promise<ListPage<T>>;
  /** Throws ConflictError when `expected` does not match what is stored. */
  put<T>(collection: string, id: string, value: T, options: PutOptions): Promise<StoredDoc<T>>;
  /** Throws ConflictError when the version is stale; NotFoundError when there is nothing to delete. */
  delete(collection: string, id: string, expected: Version): Promise<void>;
  /**
   * All-or-nothing: when any expectation fails, nothing is written and ConflictError is thrown.
   * Stores without transactions check every expectation first, then write.
   */
  batch(ops: readonly WriteOp[]): Promise<void>;
}
