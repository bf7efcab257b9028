// How documents lie in Forge's Custom Entity Store (declared in docs/forge-entities.yml, which
// manifest.yml carries): one `harmony-doc` item per document and one `harmony-index` item per
// index value of a document, the latter carrying a copy of the document so that a page of an
// index query is one request. Keys are hashes: KVS keys allow only `[a-zA-Z0-9:._\s-#]` and 500
// characters, while ids and index values are free text (`María José`, `a/b:c|d`); the readable
// values live in attributes, and order comes from the `docId` range attribute, not from keys.
import { createHash } from 'node:crypto';
import { InvalidInputError } from '../core/model/errors';
import type { IndexValues } from '../core/ports/document-store';

export const DOC_ENTITY = 'harmony-doc';
export const INDEX_ENTITY = 'harmony-index';
export const BY_COLLECTION = 'by-collection';
export const BY_VALUE = 'by-value';

/** Forge KVS keeps at most 240 KiB per value. */
export const MAX_VALUE_BYTES = 240 * 1024;
/** A query page holds at most 20 items. */
export const FORGE_PAGE_CAP = 20;
/** A transaction holds at most 25 operations and 4 MB. */
export const MAX_TRANSACTION_OPS = 25;
/** What we put in one transaction: under the 4 MB cap with room for the request's own framing. */
export const MAX_TRANSACTION_BYTES = 3_500_000;
/**
 * A re-put may set every new index entry and delete every old one in the document's own
 * transaction, with the check that no batch holds the journal lock: 1 + 11 + 11 + 1 = 24
 * operations, within the transaction cap of 25.
 */
export const MAX_INDEXES_PER_DOCUMENT = 11;

export interface DocEntity {
  collection: string;
  docId: string;
  version: string;
  /** The value as JSON text: exact for every number JSON carries, whatever the service's own number rules. */
  body: string;
  /** The document's index values as JSON text (`IndexValues`), to find its entries on the next write. */
  indexes: string;
}

export interface IndexEntity {
  collection: string;
  indexName: string;
  indexValue: string;
  docId: string;
  version: string;
  body: string;
}

const hash = (parts: readonly string[]) => createHash('sha256').update(JSON.stringify(parts)).digest('base64url');

export const docKey = (collection: string, id: string): string => `doc:${hash([collection, id])}`;
export const indexKey = (collection: string, name: string, value: string, id: string): string => `idx:${hash([collection, name, value, id])}`;

export function docEntity(collection: string, id: string, version: string, body: string, indexes: IndexValues | undefined): DocEntity {
  return { collection, docId: id, version, body, indexes: JSON.stringify(indexes ?? {}) };
}

export function indexEntities(doc: DocEntity): { key: string; value: IndexEntity }[] {
  return Object.entries(indexesOf(doc)).map(([indexName, indexValue]) => ({
    key: indexKey(doc.collection, indexName, indexValue, doc.docId),
    value: { collection: doc.collection, indexName, indexValue, docId: doc.docId, version: doc.version, body: doc.body },
  }));
}

export function indexesOf(doc: DocEntity): IndexValues {
  return JSON.parse(doc.indexes) as IndexValues;
}

/** Bytes a value takes on the wire as KVS measures it (its JSON text), the conservative reading. */
export const storedBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

/**
 * Refuses, before anything is written, a document whose stored form would not fit in a KVS value
 * or whose index set would not fit in one transaction. The app keeps documents small (check-ins,
 * readings, links and snapshots are documents of their own); this is the guard for the rest.
 */
export function checkFits(doc: DocEntity, path = ''): void {
  const problems: { path: string; message: string }[] = [];
  const indexCount = Object.keys(indexesOf(doc)).length;
  if (indexCount > MAX_INDEXES_PER_DOCUMENT) {
    problems.push({ path: `${path}indexes`, message: `${doc.collection}/${doc.docId} has ${indexCount} index values; Forge storage takes at most ${MAX_INDEXES_PER_DOCUMENT} per document` });
  }
  const largest = Math.max(storedBytes(doc), ...indexEntities(doc).map((e) => storedBytes(e.value)));
  if (largest > MAX_VALUE_BYTES) {
    problems.push({
      path: `${path}value`,
      message: `${doc.collection}/${doc.docId} would take ${largest} bytes in Forge storage, which keeps at most ${MAX_VALUE_BYTES} (240 KiB) per value: split it into smaller documents`,
    });
  }
  if (problems.length > 0) throw new InvalidInputError(problems, 'document too large for Forge storage');
}
