// DocumentStore on the Azure DevOps Extension Data Service (the `IExtensionDataManager` the SDK's
// ExtensionDataService hands out), in the organization-wide Default scope, so every user of the
// extension sees the same OKRs.
//
// What the service offers: collections of JSON documents, created on first write; per document
// get/create/set/update/delete; `getDocuments` returns a whole collection (404 when it does not
// exist); `__etag` is a per-document counter checked by update (a stale one is refused, -1 skips
// the check); delete takes no etag; no transactions, no queries, no paging.
//
// Layout (the app already splits a plan into many small documents, see src/app/collections.ts):
//   <ns>-d-<collection>                 one service document per stored document
//       live:      { id, k: our id, g: generation, j: value as JSON text, x: index values }
//       tombstone: { id, k, t: 1 }
//   <ns>-i-<collection>-<index>-<value> one pointer { id, k } per document listed under that value
// so a lookup by index ("links of KR1", "links of ado:42") reads one small collection and the
// documents it points to, never a scan, and no document grows with the number of objectives.
// Names are escaped and length-capped by ExtensionDataNames.
//
// Why this shape:
// - Delete is a conditional update to a tombstone, not the service's delete: the service's delete
//   ignores `__etag`, and a real delete would restart the document's etag at 1 when the id is
//   created again, letting an old version pass. With tombstones an id's etag only ever grows.
//   A version is `<generation>.<etag>`: the generation, drawn at each creation, makes versions of
//   different documents distinct too.
// - The value is stored as JSON text. Calls cross the SDK's frame channel (XDM), whose serializer
//   drops `null` object members and cuts nesting at 100 levels; a string crosses unchanged.
// - Index pointers are written before the document they list and never removed, so a reader can
//   see a pointer whose document no longer carries that value (or is gone), but never miss one;
//   readers check each pointed-to document. Removing pointers safely would need a transaction the
//   service lacks: a writer removing a pointer can race another writer that just re-added it.
//   Stale pointers are bounded by the distinct (document, index value) pairs ever written.
// - `batch` checks every expectation first, then writes (a few at a time) and, if a write is
//   refused because someone wrote in between, puts back what it had already written. That is
//   all-or-nothing unless another writer changes the same documents during those few requests.
//   Creates are not read first (the service refuses an existing id by itself) and go first, so
//   undoing them, should anything be refused, leaves nothing behind in any listing.
import type { IExtensionDataManager } from 'azure-devops-extension-api/Common';
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
import { isAlreadyThere, isMissing, isStale } from './ado-extension-data-errors';
import { ExtensionDataNames } from './ado-extension-data-names';
import { decodeDocument, encodeDocument } from './document-json';
import { compareIds } from './id-order';
import { checkBatch, checkIndexes, checkKey, pageSize } from './store-checks';

/** The calls of the SDK's IExtensionDataManager the store makes. */
export type ExtensionDataManager = Pick<IExtensionDataManager, 'getDocument' | 'getDocuments' | 'createDocument' | 'setDocument' | 'updateDocument'>;

export interface ExtensionDataStoreOptions {
  /** Prefix of every collection this store uses. Default `okr`. */
  namespace?: string;
  /** Requests in flight at once for a batch or an index lookup. Default 8. */
  concurrency?: number;
  /** Largest page `list` returns whatever limit is asked. Default: no cap (a collection is read whole anyway). */
  maxPageSize?: number;
}

interface LiveDoc {
  id: string;
  __etag?: number;
  k: string;
  g: string;
  j: string;
  x: IndexValues;
}

interface Tombstone {
  id: string;
  __etag?: number;
  k: string;
  t: 1;
}

type ServiceDoc = LiveDoc | Tombstone;

interface Pointer {
  id: string;
  k: string;
}

const isLive = (doc: ServiceDoc | undefined): doc is LiveDoc => doc !== undefined && !('t' in doc);

function versionOf(doc: LiveDoc): Version {
  return `${doc.g}.${String(doc.__etag)}`;
}

/** The etag a version names, or undefined when it is not one of ours. */
function etagOf(version: Version): number | undefined {
  const dot = version.lastIndexOf('.');
  const etag = Number(version.slice(dot + 1));
  return dot > 0 && Number.isInteger(etag) && etag > 0 ? etag : undefined;
}

function generation(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(12));
  return [...bytes].map((b) => (b % 36).toString(36)).join('');
}

async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/** Errors cross the SDK's frame channel as plain objects; keep their fields on a real Error. */
function asError(failure: unknown): Error {
  if (failure instanceof Error) return failure;
  const message = (failure as { message?: unknown } | null)?.message;
  return Object.assign(new Error(typeof message === 'string' ? message : String(failure)), failure);
}

/** A write of a batch, with what it needs to be put back. */
interface PlannedWrite {
  op: WriteOp;
  collection: string;
  docId: string;
  before: ServiceDoc | undefined;
  after: ServiceDoc;
  written?: ServiceDoc;
}

export class ExtensionDataDocumentStore implements DocumentStore {
  private readonly names: ExtensionDataNames;
  private readonly concurrency: number;
  private readonly maxPageSize: number;
  /** Pointers known to exist: they are never removed, so once seen they need no second write. */
  private readonly pointers = new Set<string>();

  constructor(private readonly data: ExtensionDataManager, options: ExtensionDataStoreOptions = {}) {
    this.names = new ExtensionDataNames(options.namespace ?? 'okr');
    this.concurrency = options.concurrency ?? 8;
    this.maxPageSize = options.maxPageSize ?? Number.MAX_SAFE_INTEGER;
  }

  async get<T>(collection: string, id: string): Promise<StoredDoc<T> | undefined> {
    checkKey(collection, id);
    const doc = await this.read(await this.names.documents(collection), await this.names.documentId(id));
    return isLive(doc) ? this.stored<T>(doc) : undefined;
  }

  async list<T>(collection: string, query: ListQuery = {}): Promise<ListPage<T>> {
    const size = pageSize(query.limit, this.maxPageSize);
    if (query.where) return this.listWhere<T>(collection, query.where.index, query.where.value, query.cursor, size);
    const docs = (await this.readAll<ServiceDoc>(await this.names.documents(collection)))
      .filter(isLive)
      .filter((d) => query.cursor === undefined || compareIds(d.k, query.cursor) > 0)
      .sort((a, b) => compareIds(a.k, b.k));
    const items = docs.slice(0, size).map((d) => this.stored<T>(d));
    const last = items[items.length - 1];
    return docs.length > size && last ? { items, cursor: last.id } : { items };
  }

  async put<T>(collection: string, id: string, value: T, options: PutOptions): Promise<StoredDoc<T>> {
    checkKey(collection, id);
    checkIndexes(options.indexes);
    const json = encodeDocument(value);
    const indexes = { ...options.indexes };
    const [coll, docId] = await Promise.all([this.names.documents(collection), this.names.documentId(id)]);
    await this.addPointers(collection, id, docId, indexes);
    const written = options.expected === null
      ? await this.create(collection, id, coll, docId, json, indexes)
      : await this.update(collection, id, coll, docId, { id: docId, k: id, g: this.generationOf(options.expected), j: json, x: indexes }, options.expected);
    return { id, version: versionOf(written), value };
  }

  async delete(collection: string, id: string, expected: Version): Promise<void> {
    checkKey(collection, id);
    const [coll, docId] = await Promise.all([this.names.documents(collection), this.names.documentId(id)]);
    const etag = etagOf(expected);
    try {
      if (etag === undefined) throw new ConflictError(collection, id);
      await this.data.updateDocument(coll, { id: docId, k: id, t: 1, __etag: etag } satisfies Tombstone);
    } catch (error) {
      if (isMissing(error)) throw new NotFoundError(collection, id);
      if (!(error instanceof ConflictError) && !isStale(error)) throw error;
      // Refused: either the version is old, or there is nothing left to delete.
      if (!isLive(await this.read(coll, docId))) throw new NotFoundError(collection, id);
      throw new ConflictError(collection, id);
    }
  }

  async batch(ops: readonly WriteOp[]): Promise<void> {
    checkBatch(ops);
    if (ops.length === 0) return;
    const encoded = ops.map((op) => (op.kind === 'put' ? encodeDocument(op.value) : ''));
    const keys = await Promise.all(ops.map(async (op) => [await this.names.documents(op.collection), await this.names.documentId(op.id)] as const));
    // Updates and deletes are read first: to check every expectation before anything is written,
    // and to put back what they replace if a later write is refused. Creates need no read: the
    // service refuses, by itself, to create an id that exists.
    const current = new Array<ServiceDoc | undefined>(ops.length);
    await forEachLimited([...ops.keys()].filter((i) => ops[i]?.expected !== null), this.concurrency, async (i) => {
      const [coll, docId] = keys[i] as readonly [string, string];
      current[i] = await this.read(coll, docId);
    });
    const plan: PlannedWrite[] = ops.map((op, i) => {
      const [coll, docId] = keys[i] as readonly [string, string];
      const before = current[i];
      if (op.expected !== null && (!isLive(before) || versionOf(before) !== op.expected)) throw new ConflictError(op.collection, op.id);
      const after: ServiceDoc = op.kind === 'put'
        ? { id: docId, k: op.id, g: isLive(before) ? before.g : generation(), j: encoded[i] as string, x: { ...op.indexes } }
        : { id: docId, k: op.id, t: 1 };
      return { op, collection: coll, docId, before, after };
    });
    await forEachLimited(plan.filter((w) => w.op.kind === 'put'), this.concurrency, (w) =>
      this.addPointers(w.op.collection, w.op.id, w.docId, (w.op as Extract<WriteOp, { kind: 'put' }>).indexes ?? {}),
    );
    // Creates first: when one is refused, undoing the others leaves no trace in any listing.
    const creates = plan.filter((w) => w.op.expected === null);
    let failure = await this.writeAll(creates, (w) => this.createOver(w));
    if (failure === undefined) failure = await this.writeAll(plan.filter((w) => w.op.expected !== null), (w) => this.writeOver(w.collection, w.before as ServiceDoc, w.after));
    if (failure === undefined) return;
    await forEachLimited(plan.filter((w) => w.written), this.concurrency, (w) => this.putBack(w));
    throw asError(failure);
  }

  /** Runs the writes a few at a time; stops starting new ones at the first refusal, and returns it. */
  private async writeAll(writes: readonly PlannedWrite[], write: (w: PlannedWrite) => Promise<ServiceDoc>): Promise<unknown> {
    let failure: unknown;
    await forEachLimited(writes, this.concurrency, async (w) => {
      if (failure !== undefined) return;
      try {
        w.written = await write(w);
      } catch (error) {
        const refused = error instanceof ConflictError || isStale(error) || isAlreadyThere(error) || isMissing(error);
        failure ??= refused && !(error instanceof ConflictError) ? new ConflictError(w.op.collection, w.op.id) : error;
      }
    });
    return failure;
  }

  /** A create of a batch: over the id's tombstone when it was deleted before (then `before`). */
  private async createOver(w: PlannedWrite): Promise<ServiceDoc> {
    try {
      return (await this.data.createDocument(w.collection, w.after)) as ServiceDoc;
    } catch (error) {
      if (!isAlreadyThere(error)) throw error;
    }
    const existing = await this.read(w.collection, w.docId);
    if (existing === undefined || isLive(existing)) throw new ConflictError(w.op.collection, w.op.id);
    w.before = existing;
    return (await this.data.updateDocument(w.collection, { ...w.after, __etag: existing.__etag })) as ServiceDoc;
  }

  /** Creates `id`, over its tombstone when it was deleted before. */
  private async create(collection: string, id: string, coll: string, docId: string, json: string, x: IndexValues): Promise<LiveDoc> {
    const doc: LiveDoc = { id: docId, k: id, g: generation(), j: json, x };
    try {
      return (await this.data.createDocument(coll, doc)) as LiveDoc;
    } catch (error) {
      if (!isAlreadyThere(error)) throw error;
    }
    const existing = await this.read(coll, docId);
    if (existing === undefined || isLive(existing)) throw new ConflictError(collection, id);
    try {
      return (await this.data.updateDocument(coll, { ...doc, __etag: existing.__etag })) as LiveDoc;
    } catch (error) {
      if (isStale(error) || isMissing(error)) throw new ConflictError(collection, id);
      throw error;
    }
  }

  private async update(collection: string, id: string, coll: string, docId: string, doc: LiveDoc, expected: Version): Promise<LiveDoc> {
    const etag = etagOf(expected);
    if (etag === undefined) throw new ConflictError(collection, id);
    try {
      return (await this.data.updateDocument(coll, { ...doc, __etag: etag })) as LiveDoc;
    } catch (error) {
      if (isStale(error) || isMissing(error)) throw new ConflictError(collection, id);
      throw error;
    }
  }

  /** An update or delete of a batch, conditional on the etag read before. */
  private async writeOver(coll: string, before: ServiceDoc, after: ServiceDoc): Promise<ServiceDoc> {
    return (await this.data.updateDocument(coll, { ...after, __etag: before.__etag })) as ServiceDoc;
  }

  /** Undoes one write of a failed batch; if someone wrote over it meanwhile, theirs stays. */
  private async putBack(w: PlannedWrite): Promise<void> {
    const written = w.written as ServiceDoc;
    const restore: ServiceDoc = w.before ?? { id: w.docId, k: w.op.id, t: 1 };
    try {
      await this.data.updateDocument(w.collection, { ...restore, __etag: written.__etag });
    } catch (error) {
      if (!isStale(error) && !isMissing(error)) throw error;
    }
  }

  private async listWhere<T>(collection: string, index: string, value: string, cursor: string | undefined, size: number): Promise<ListPage<T>> {
    const candidates = [...new Set((await this.readAll<Pointer>(await this.names.index(collection, index, value))).map((p) => p.k))]
      .filter((k) => cursor === undefined || compareIds(k, cursor) > 0)
      .sort(compareIds);
    const coll = await this.names.documents(collection);
    const found: LiveDoc[] = [];
    // Read the pointed-to documents a page at a time, until one more than the page is known.
    for (let start = 0; start < candidates.length && found.length <= size; ) {
      const chunk = candidates.slice(start, start + Math.max(size + 1 - found.length, this.concurrency));
      start += chunk.length;
      const docs = new Array<ServiceDoc | undefined>(chunk.length);
      await forEachLimited([...chunk.keys()], this.concurrency, async (i) => {
        docs[i] = await this.read(coll, await this.names.documentId(chunk[i] as string));
      });
      for (const doc of docs) if (isLive(doc) && doc.x[index] === value) found.push(doc);
    }
    const items = found.slice(0, size).map((d) => this.stored<T>(d));
    const last = items[items.length - 1];
    return found.length > size && last ? { items, cursor: last.id } : { items };
  }

  private async addPointers(collection: string, id: string, docId: string, indexes: IndexValues): Promise<void> {
    await Promise.all(
      Object.entries(indexes).map(async ([index, value]) => {
        const coll = await this.names.index(collection, index, value);
        const key = `${coll}/${docId}`;
        if (this.pointers.has(key)) return;
        // -1: last write wins; the pointer's content never changes, so any write of it is right.
        await this.data.setDocument(coll, { id: docId, k: id, __etag: -1 });
        this.pointers.add(key);
      }),
    );
  }

  private async read(coll: string, docId: string): Promise<ServiceDoc | undefined> {
    try {
      return (await this.data.getDocument(coll, docId)) as ServiceDoc;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  private async readAll<D>(coll: string): Promise<D[]> {
    try {
      return (await this.data.getDocuments(coll)) as D[];
    } catch (error) {
      // The service answers 404 for a collection that was never written (or emptied).
      if (isMissing(error)) return [];
      throw error;
    }
  }

  private stored<T>(doc: LiveDoc): StoredDoc<T> {
    return { id: doc.k, version: versionOf(doc), value: decodeDocument<T>(doc.j) };
  }

  /** An update keeps the document's generation, which the version it is based on names. */
  private generationOf(version: Version): string {
    const dot = version.lastIndexOf('.');
    return dot > 0 ? version.slice(0, dot) : generation();
  }
}
