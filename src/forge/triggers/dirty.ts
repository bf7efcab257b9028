// What is waiting to be recomputed: one mark per (KR, issue), or `*` for the whole KR. Marks are
// separate documents so that hundreds of parallel event invocations never contend on one
// document; the drain lists a KR's marks by index and deletes each with the version it read,
// so a mark renewed meanwhile (the issue changed again) survives for the next round.
import { ConflictError, NotFoundError } from '../../core/model/errors';
import type { DocumentStore, StoredDoc } from '../../core/ports/document-store';
import { dirtyId, FC, type DirtyDoc } from '../collections';
import { mapLimited } from './map-limited';
import { STORE_CONCURRENCY } from './scope-store';

const MARK_ATTEMPTS = 5;

/**
 * Marks an issue (or the whole KR) dirty. A mark carrying an item read earlier than the stored
 * mark's does not replace its content: of two reads of the same issue, the later one is the truth.
 */
export async function markDirty(store: DocumentStore, mark: DirtyDoc): Promise<void> {
  const id = dirtyId(mark.kr, mark.ref);
  for (let attempt = 0; ; attempt++) {
    const current = await store.get<DirtyDoc>(FC.dirty, id);
    // Written even when the stored mark says more: the new version makes a drain that read the
    // old one keep the mark (its delete fails), so a change made during a drain is not lost.
    const value = current && isNewer(current.value, mark) ? current.value : mark;
    try {
      await store.put<DirtyDoc>(FC.dirty, id, value, { expected: current?.version ?? null, indexes: { kr: mark.kr } });
      return;
    } catch (e) {
      if (!(e instanceof ConflictError) || attempt + 1 >= MARK_ATTEMPTS) throw e;
    }
  }
}

/**
 * Whether the stored mark already says at least as much as the incoming one. A deletion is final
 * (Jira never reuses a key); a mark without an item means "read it when draining", which is
 * fresher than any read made before; of two reads, the later one wins.
 */
function isNewer(stored: DirtyDoc, incoming: DirtyDoc): boolean {
  if (stored.deleted) return true;
  if (incoming.deleted) return false;
  if (stored.item === undefined) return true;
  return incoming.item !== undefined && (stored.readAt ?? 0) > (incoming.readAt ?? 0);
}

/** Up to `max` marks of one KR, in id order. */
export async function marksOf(store: DocumentStore, kr: string, max: number): Promise<StoredDoc<DirtyDoc>[]> {
  const out: StoredDoc<DirtyDoc>[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.list<DirtyDoc>(FC.dirty, { where: { index: 'kr', value: kr }, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor && out.length < max);
  return out.slice(0, max);
}

/** The KRs with marks waiting, in id order. */
export async function dirtyKrs(store: DocumentStore): Promise<string[]> {
  const krs = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await store.list<DirtyDoc>(FC.dirty, cursor ? { cursor } : {});
    for (const d of page.items) krs.add(d.value.kr);
    cursor = page.cursor;
  } while (cursor);
  return [...krs].sort();
}

/** Deletes processed marks; a mark renewed since it was read is left for the next round. */
export async function clearMarks(store: DocumentStore, marks: readonly StoredDoc<DirtyDoc>[]): Promise<void> {
  await mapLimited(marks, STORE_CONCURRENCY, async (m) => {
    try {
      await store.delete(FC.dirty, m.id, m.version);
    } catch (e) {
      if (!(e instanceof ConflictError) && !(e instanceof NotFoundError)) throw e;
    }
  });
}
