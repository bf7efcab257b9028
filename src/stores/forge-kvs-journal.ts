// The items of the Forge store's write-ahead journal (forge-kvs-document-store.ts says how it is
// used; docs/forge-storage.md why). They are `harmony-doc` items in a collection of their own,
// `$journal`, which callers may not use:
//   journal:head          the lock: `version` is `idle`, `pending:<batch>` (a batch holds the
//                         lock and is checking its expectations) or `committed:<batch>` (the
//                         batch's journal is complete: it must be applied, by whoever comes next
//                         if its writer died); `body` says how many pieces the journal has.
//   journal:<batch>:<i>   piece i of the batch's journal (JSON text of JournalEntry[]).
// Every other write of the store carries a `check` that the head is `idle`, so while a batch holds
// the lock nobody else's write can land in between its check and its application.
import { InvalidInputError } from '../core/model/errors';
import type { IndexValues } from '../core/ports/document-store';
import { docEntity, indexesOf, MAX_VALUE_BYTES, storedBytes, type DocEntity } from './forge-kvs-layout';
import { chunkText } from './journal-chunks';

export const JOURNAL_COLLECTION = '$journal';
export const HEAD_KEY = 'journal:head';
export const chunkKey = (batch: string, i: number): string => `journal:${batch}:${i}`;

export type HeadState =
  | { kind: 'missing' }
  | { kind: 'idle' }
  | { kind: 'pending'; batch: string; pieces: number }
  | { kind: 'committed'; batch: string; pieces: number };

export function headState(item: DocEntity | undefined): HeadState {
  if (item === undefined) return { kind: 'missing' };
  const colon = item.version.indexOf(':');
  const [kind, batch] = colon < 0 ? [item.version, ''] : [item.version.slice(0, colon), item.version.slice(colon + 1)];
  const pieces = (JSON.parse(item.body) as { pieces?: number }).pieces ?? 0;
  if (kind === 'pending') return { kind, batch, pieces };
  if (kind === 'committed') return { kind, batch, pieces };
  return { kind: 'idle' };
}

export const headVersion = (state: HeadState): string => (state.kind === 'pending' || state.kind === 'committed' ? `${state.kind}:${state.batch}` : 'idle');

export function headEntity(state: HeadState): DocEntity {
  const pieces = state.kind === 'pending' || state.kind === 'committed' ? state.pieces : 0;
  return docEntity(JOURNAL_COLLECTION, 'head', headVersion(state), JSON.stringify({ pieces }), undefined);
}

/** One document's change as the journal keeps it: enough to apply it again, and to tell if it was. */
export interface JournalEntry {
  collection: string;
  id: string;
  /** What the batch checked was stored: its version and index values, or nothing. */
  before: { version: string; indexes: IndexValues } | null;
  /** What it writes, version included (drawn once, so whoever applies it writes the same), or a delete. */
  after: DocEntity | null;
}

export function journalEntry(collection: string, id: string, before: DocEntity | undefined, after: DocEntity | undefined): JournalEntry {
  return { collection, id, before: before ? { version: before.version, indexes: indexesOf(before) } : null, after: after ?? null };
}

/** The stored item an entry's `before` stands for: its index entries are what an apply removes. */
export function beforeEntity(entry: JournalEntry): DocEntity | undefined {
  return entry.before ? docEntity(entry.collection, entry.id, entry.before.version, '', entry.before.indexes) : undefined;
}

/** The journal's pieces as items of the batch, each within the KVS value limit. */
export function journalPieces(batch: string, entries: readonly JournalEntry[]): DocEntity[] {
  const piece = (i: number, text: string) => docEntity(JOURNAL_COLLECTION, `${batch}:${i}`, batch, text, undefined);
  // Leave room for the item's own attributes and the escaping JSON adds to the text.
  return chunkText(JSON.stringify(entries), (text) => storedBytes(piece(0, text)) <= MAX_VALUE_BYTES - 1024).map((text, i) => piece(i, text));
}

export function checkNotJournal(collection: string): void {
  if (collection === JOURNAL_COLLECTION) throw new InvalidInputError([{ path: 'collection', message: `${JOURNAL_COLLECTION} is reserved for the store's own journal` }], 'invalid document key');
}
