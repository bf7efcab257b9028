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
// - `batch` is crash-safe through a lock and a write-ahead journal, both documents of the
//   collection `<ns>-j` (the service has no transactions, so a batch is many requests, and a tab
//   can close at any of them):
//     1. take the lock: the head document goes from `idle` to `pending` (a conditional write);
//     2. read every document the batch touches and check every expectation; a failed one
//        gives the lock back and throws ConflictError, nothing written;
//     3. write the journal (each change: the document's etag before, and the document after,
//        generation included) in pieces, then turn the head to `committed` (one conditional
//        write: the commit point);
//     4. apply each change, conditional on the etag it had before (or, for a create, on the id
//        being free);
//     5. delete the pieces and set the head `idle`.
//   Every read and write first looks at the head: a `committed` one is applied to the end before
//   anything else (roll forward, by any tab; two at once do no harm, as each change applies only
//   over its own before state and the service refuses the second), a `pending` one is discarded
//   by a writer (nothing of it was applied; its own writer then fails its commit point and
//   reports ConflictError) and ignored by a reader. Since a change applies only over the before
//   state the batch checked, a roll forward never overwrites an edit made after it.
//   The residual risk, from the missing transactions: a single write whose look at the head came
//   before the lock was taken, and which lands on one of the batch's documents between the
//   batch's check and its write of that document, wins for that document (the batch's change of
//   it is skipped, not forced over theirs). And a reader reading while a live batch applies can
//   see part of it; once its writer is gone, no read does.
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
import { chunkText } from './journal-chunks';
import { checkBatch, checkIndexes, checkKey, pageSize } from './store-checks';
import { sharedInFlight } from './shared-in-flight';

/** The calls of the SDK's IExtensionDataManager the store makes. */
export type ExtensionDataManager = Pick<IExtensionDataManager, 'getDocument' | 'getDocuments' | 'createDocument' | 'setDocument' | 'updateDocument' | 'deleteDocument'>;

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

/** The head of the journal: the lock, and the batch it is held for. */
interface JournalHead {
  id: 'head';
  __etag?: number;
  s: 'idle' | 'pending' | 'committed';
  b: string;
  n: number;
}

/** One change of a batch as the journal keeps it. */
interface JournalEntry {
  /** The service collection and our own collection and id (the latter for errors). */
  c: string;
  collection: string;
  k: string;
  /** The etag the document had when the batch checked it; 0 when it did not exist. */
  e: number;
  /** The document after. */
  a: ServiceDoc;
}

/** How many times a write starts over after settling someone else's journal. */
const MAX_ATTEMPTS = 5;
/** A piece of the journal stays well under any plausible document limit (none is documented). */
const MAX_PIECE_BYTES = 200 * 1024;
const HEAD = 'head';
/** A batch writing more documents than this in one collection reads that collection whole. */
const READ_WHOLE_FROM = 4;
const encoder = new TextEncoder();

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
    const [coll, docId] = await Promise.all([this.names.documents(collection), this.names.documentId(id)]);
    const doc = await this.settled(() => this.read(coll, docId));
    return isLive(doc) ? this.stored<T>(doc) : undefined;
  }

  async list<T>(collection: string, query: ListQuery = {}): Promise<ListPage<T>> {
    const size = pageSize(query.limit, this.maxPageSize);
    if (query.where) return this.listWhere<T>(collection, query.where.index, query.where.value, query.cursor, size);
    const coll = await this.names.documents(collection);
    const docs = (await this.settled(() => this.readAll<ServiceDoc>(coll)))
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
    await Promise.all([this.settleBeforeWrite(), this.addPointers(collection, id, docId, indexes)]);
    const written = options.expected === null
      ? await this.create(collection, id, coll, docId, json, indexes)
      : await this.update(collection, id, coll, docId, { id: docId, k: id, g: this.generationOf(options.expected), j: json, x: indexes }, options.expected);
    return { id, version: versionOf(written), value };
  }

  async delete(collection: string, id: string, expected: Version): Promise<void> {
    checkKey(collection, id);
    const [coll, docId] = await Promise.all([this.names.documents(collection), this.names.documentId(id)]);
    await this.settleBeforeWrite();
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
    const [only] = ops;
    if (only === undefined) return;
    if (ops.length === 1) return this.single(only);
    const encoded = ops.map((op) => (op.kind === 'put' ? encodeDocument(op.value) : ''));
    const keys = await Promise.all(ops.map(async (op) => [await this.names.documents(op.collection), await this.names.documentId(op.id)] as const));
    const journal = this.names.journal();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const head = await this.readHead();
      if (head && head.s !== 'idle') {
        await this.settle(head);
        continue;
      }
      const batch = generation();
      let pending: JournalHead;
      try {
        const taken: JournalHead = { id: HEAD, s: 'pending', b: batch, n: 0 };
        pending = (head ? await this.data.updateDocument(journal, { ...taken, __etag: head.__etag }) : await this.data.createDocument(journal, taken)) as JournalHead;
      } catch (error) {
        if (isStale(error) || isAlreadyThere(error) || isMissing(error)) continue; // someone else took it first
        throw error;
      }
      // The lock is ours. Read what the batch touches and check it.
      let entries: JournalEntry[];
      try {
        entries = await this.entries(ops, keys, encoded);
      } catch (error) {
        await this.release(pending).catch(() => undefined);
        throw error;
      }
      await forEachLimited(ops.filter((op) => op.kind === 'put'), this.concurrency, async (op) =>
        this.addPointers(op.collection, op.id, await this.names.documentId(op.id), op.indexes ?? {}),
      );
      const pieces = chunkText(JSON.stringify(entries), (text) => encoder.encode(JSON.stringify({ id: `${batch}-000`, j: text })).length <= MAX_PIECE_BYTES);
      const committed: JournalHead = { id: HEAD, s: 'committed', b: batch, n: pieces.length };
      try {
        await forEachLimited([...pieces.keys()], this.concurrency, async (i) => {
          await this.data.createDocument(journal, { id: `${batch}-${i}`, j: pieces[i] });
        });
        // The commit point: from here on the batch happens, whoever finishes it.
        committed.__etag = ((await this.data.updateDocument(journal, { ...committed, __etag: pending.__etag })) as JournalHead).__etag;
      } catch (error) {
        // Whether the commit point was passed decides (the answer of a write that went through
        // may be what got lost). When even the head cannot be read, leave it to the next comer.
        const now = await this.readHead();
        if (now?.s === 'committed' && now.b === batch) {
          await this.finish(now, entries);
          return;
        }
        await this.deletePieces(batch, pieces.length);
        if (now?.s === 'pending' && now.b === batch) {
          await this.release(now);
          throw error;
        }
        // Someone discarded our lock, so they wrote, perhaps what we had checked.
        throw new ConflictError((ops[0] as WriteOp).collection, (ops[0] as WriteOp).id);
      }
      await this.finish(committed, entries);
      return;
    }
    throw new ConflictError(only.collection, only.id);
  }

  /** A batch of one is a single write, with a batch's meaning of a missing document. */
  private async single(op: WriteOp): Promise<void> {
    if (op.kind === 'put') {
      await this.put(op.collection, op.id, op.value, { expected: op.expected, ...(op.indexes ? { indexes: op.indexes } : {}) });
      return;
    }
    try {
      await this.delete(op.collection, op.id, op.expected);
    } catch (error) {
      if (error instanceof NotFoundError) throw new ConflictError(op.collection, op.id);
      throw error;
    }
  }

  /** Reads every document of a batch and checks the caller's expectations: the journal's entries. */
  private async entries(ops: readonly WriteOp[], keys: readonly (readonly [string, string])[], encoded: readonly string[]): Promise<JournalEntry[]> {
    // A collection the batch writes much of (an import writes every one) is read whole, in one
    // request, rather than document by document.
    const byCollection = new Map<string, number[]>();
    for (const [i, [coll]] of keys.entries()) byCollection.set(coll, [...(byCollection.get(coll) ?? []), i]);
    const reads: (() => Promise<void>)[] = [];
    const current = new Array<ServiceDoc | undefined>(ops.length);
    for (const [coll, indices] of byCollection) {
      if (indices.length > READ_WHOLE_FROM) {
        reads.push(async () => {
          const docs = new Map((await this.readAll<ServiceDoc>(coll)).map((d) => [d.id, d]));
          for (const i of indices) current[i] = docs.get((keys[i] as readonly [string, string])[1]);
        });
      } else {
        for (const i of indices) reads.push(async () => void (current[i] = await this.read(coll, (keys[i] as readonly [string, string])[1])));
      }
    }
    await forEachLimited(reads, this.concurrency, (read) => read());
    return ops.map((op, i) => {
      const [coll, docId] = keys[i] as readonly [string, string];
      const before = current[i];
      const fits = op.expected === null ? !isLive(before) : isLive(before) && versionOf(before) === op.expected;
      if (!fits) throw new ConflictError(op.collection, op.id);
      const after: ServiceDoc = op.kind === 'put'
        ? { id: docId, k: op.id, g: isLive(before) ? before.g : generation(), j: encoded[i] as string, x: { ...op.indexes } }
        : { id: docId, k: op.id, t: 1 };
      return { c: coll, collection: op.collection, k: op.id, e: before?.__etag ?? 0, a: after };
    });
  }

  /**
   * The head as a look already on its way sees it, or a new look. Reads made together (a board
   * reads a dozen collections at once) share one request instead of making one each. That is as
   * safe as each making its own alongside its read: either way the look and the read are not
   * ordered, so only a batch whose writer is alive and in the middle of it can be seen in part;
   * one whose writer is gone is seen by every look started after.
   */
  private readonly lookAtHead = sharedInFlight(() => this.readHead());

  private readHead(): Promise<JournalHead | undefined> {
    return this.read(this.names.journal(), HEAD) as Promise<JournalHead | undefined>;
  }

  /** Before a write: a batch someone left half done is finished (committed) or discarded (pending). */
  private async settleBeforeWrite(): Promise<void> {
    const head = await this.lookAtHead();
    if (head && head.s !== 'idle') await this.settle(head);
  }

  /**
   * Runs a read alongside a look at the journal head (no extra wait); when a committed batch is
   * there, finishes it first and reads again, so no read sees half of a batch whose tab closed.
   */
  private async settled<R>(read: () => Promise<R>): Promise<R> {
    const [head, result] = await Promise.all([this.lookAtHead(), read()]);
    if (head?.s !== 'committed') return result;
    await this.settle(head);
    return read();
  }

  /** Makes the head idle: discards a pending batch (nothing of it applied) or finishes a committed one. */
  private async settle(head: JournalHead): Promise<void> {
    switch (head.s) {
      case 'idle':
        return;
      case 'pending':
        await this.release(head);
        await this.deletePieces(head.b);
        return;
      case 'committed': {
        const pieces = (await this.readAll<{ id: string; j: string }>(this.names.journal())).filter((p) => p.id.startsWith(`${head.b}-`));
        const text = new Array<string>(head.n);
        for (const p of pieces) text[Number(p.id.slice(head.b.length + 1))] = p.j;
        // Pieces are deleted only once every change is applied: with one gone, nothing is left to apply.
        const whole = pieces.length === head.n && text.every((t) => typeof t === 'string');
        await this.finish(head, whole ? (JSON.parse(text.join('')) as JournalEntry[]) : []);
        return;
      }
      default:
        head.s satisfies never;
    }
  }

  /** Applies a committed batch's changes, deletes its journal and frees the lock. */
  private async finish(head: JournalHead, entries: readonly JournalEntry[]): Promise<void> {
    await forEachLimited(entries, this.concurrency, async (entry) => {
      try {
        if (entry.e === 0) await this.data.createDocument(entry.c, entry.a);
        else await this.data.updateDocument(entry.c, { ...entry.a, __etag: entry.e });
      } catch (error) {
        // Not in its before state any more: applied already (by another tab finishing the same
        // journal), or changed by someone else, whose change is kept.
        if (!isStale(error) && !isAlreadyThere(error) && !isMissing(error)) throw error;
      }
    });
    await this.deletePieces(head.b, head.n);
    await this.release(head);
  }

  /** Sets the head idle, if it is still as read; refused when someone else did it first. */
  private async release(head: JournalHead): Promise<void> {
    try {
      await this.data.updateDocument(this.names.journal(), { id: HEAD, s: 'idle', b: head.b, n: 0, __etag: head.__etag } satisfies JournalHead);
    } catch (error) {
      if (!isStale(error) && !isMissing(error)) throw error;
    }
  }

  /** Deletes the pieces of a batch: `count` of them, or, when unknown, those listed. */
  private async deletePieces(batch: string, count?: number): Promise<void> {
    const journal = this.names.journal();
    const ids = count !== undefined
      ? Array.from({ length: count }, (_, i) => `${batch}-${i}`)
      : (await this.readAll<{ id: string }>(journal)).map((p) => p.id).filter((id) => id.startsWith(`${batch}-`));
    await forEachLimited(ids, this.concurrency, async (id) => {
      try {
        await this.data.deleteDocument(journal, id);
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    });
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

  private async listWhere<T>(collection: string, index: string, value: string, cursor: string | undefined, size: number): Promise<ListPage<T>> {
    const pointers = await this.names.index(collection, index, value);
    const candidates = [...new Set((await this.settled(() => this.readAll<Pointer>(pointers))).map((p) => p.k))]
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
