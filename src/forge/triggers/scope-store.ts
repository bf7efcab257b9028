// Stored scopes: per KR a head and its items in chunks. A KR may span tens of thousands of
// issues and Forge keeps at most 240 KiB per value, so items are split into chunks of at most
// CHUNK_BYTES. A full rewrite writes a new generation of chunks and then flips the head to it,
// so a reader never sees half of one scope and half of another; an incremental change rewrites
// only the chunks whose items changed, each chunk write being atomic on its own.
import { randomUUID } from 'node:crypto';
import type { IsoDate } from '../../core/model/dates';
import { ConflictError, NotFoundError } from '../../core/model/errors';
import type { WorkItemRef } from '../../core/model/work-item';
import type { DocumentStore, StoredDoc } from '../../core/ports/document-store';
import { chunkId, FC, type ScopeChunk, type ScopeHead, type ScopeItem } from '../collections';
import { mapLimited } from './map-limited';

/** Well under Forge's 240 KiB per value, whatever the length of the keys inside. */
export const CHUNK_BYTES = 120_000;
/** Store writes in flight at once: enough to be quick, few enough to stay under KVS rate limits. */
export const STORE_CONCURRENCY = 8;

export interface StoredScope {
  head: StoredDoc<ScopeHead>;
  chunks: StoredDoc<ScopeChunk>[];
}

export async function readScope(store: DocumentStore, kr: string): Promise<StoredScope | undefined> {
  const head = await store.get<ScopeHead>(FC.scopeHeads, kr);
  if (!head) return undefined;
  const ids = Array.from({ length: head.value.chunks }, (_, n) => chunkId(kr, head.value.generation, n));
  const chunks = await mapLimited(ids, STORE_CONCURRENCY, async (id) => {
    const chunk = await store.get<ScopeChunk>(FC.scopeChunks, id);
    // A head names only chunks written before it; a missing one means the store lost data.
    if (!chunk) throw new Error(`scope chunk ${id} of key result ${kr} is missing`);
    return chunk;
  });
  return { head, chunks };
}

export function itemsOf(scope: StoredScope | undefined): ScopeItem[] {
  return scope ? scope.chunks.flatMap((c) => c.value.items) : [];
}

/** Splits items into chunks of at most CHUNK_BYTES of JSON. */
export function chunkItems(items: readonly ScopeItem[]): ScopeItem[][] {
  const chunks: ScopeItem[][] = [];
  let current: ScopeItem[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = Buffer.byteLength(JSON.stringify(item), 'utf8') + 1;
    if (current.length > 0 && bytes + size > CHUNK_BYTES) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export interface ScopeContent {
  items: readonly ScopeItem[];
  roots: WorkItemRef[];
  missing: WorkItemRef[];
  at: IsoDate;
}

/**
 * Writes a whole new generation and flips the head to it. Throws ConflictError (and leaves the
 * stored scope as it was) when someone else flipped the head since `previous` was read.
 */
export async function writeScope(store: DocumentStore, kr: string, content: ScopeContent, previous: StoredScope | undefined): Promise<void> {
  const generation = randomUUID().slice(0, 8);
  const parts = chunkItems(content.items);
  const ids = parts.map((_, n) => chunkId(kr, generation, n));
  await mapLimited(parts, STORE_CONCURRENCY, (items, n) => store.put<ScopeChunk>(FC.scopeChunks, ids[n] as string, { items }, { expected: null }));
  const head: ScopeHead = { kr, generation, chunks: parts.length, size: content.items.length, roots: content.roots, missing: content.missing, at: content.at };
  try {
    await store.put<ScopeHead>(FC.scopeHeads, kr, head, { expected: previous?.head.version ?? null });
  } catch (e) {
    await deleteDocs(store, ids);
    throw e;
  }
  if (previous) await deleteDocs(store, previous.chunks.map((c) => c.id));
}

/**
 * Rewrites only the chunks that changed: changed items in place, removed ones dropped, new ones
 * appended to the last chunk (or to new chunks when it is full). Throws ConflictError when a
 * chunk or the head changed since `scope` was read.
 */
export async function patchScope(
  store: DocumentStore,
  scope: StoredScope,
  changes: { upserts: ReadonlyMap<WorkItemRef, ScopeItem>; removed: ReadonlySet<WorkItemRef>; roots: WorkItemRef[]; missing: WorkItemRef[]; at: IsoDate },
): Promise<void> {
  const { head } = scope;
  const placed = new Set<WorkItemRef>();
  const rewritten: { id: string; version: string; items: ScopeItem[] }[] = [];
  const kept: ScopeItem[][] = [];
  for (const chunk of scope.chunks) {
    let touched = false;
    const items: ScopeItem[] = [];
    for (const item of chunk.value.items) {
      if (changes.removed.has(item.ref)) {
        touched = true;
        continue;
      }
      const next = changes.upserts.get(item.ref);
      placed.add(item.ref);
      if (next && JSON.stringify(next) !== JSON.stringify(item)) {
        touched = true;
        items.push(next);
      } else {
        items.push(item);
      }
    }
    kept.push(items);
    if (touched) rewritten.push({ id: chunk.id, version: chunk.version, items });
  }
  const added = [...changes.upserts.values()].filter((i) => !placed.has(i.ref) && !changes.removed.has(i.ref));
  // New items go after the last chunk's; chunks past the old count are new documents.
  const lastIndex = kept.length - 1;
  const tail = lastIndex >= 0 ? [...(kept[lastIndex] as ScopeItem[]), ...added] : added;
  const tailParts = added.length > 0 ? chunkItems(tail) : [];
  const writes: { id: string; expected: string | null; items: ScopeItem[] }[] = [];
  for (const r of rewritten) {
    if (added.length > 0 && r.id === scope.chunks[lastIndex]?.id) continue;
    writes.push({ id: r.id, expected: r.version, items: r.items });
  }
  tailParts.forEach((items, i) => {
    const n = Math.max(lastIndex, 0) + i;
    const existing = scope.chunks[n];
    writes.push({ id: chunkId(head.value.kr, head.value.generation, n), expected: existing?.version ?? null, items });
  });
  await mapLimited(writes, STORE_CONCURRENCY, (w) => store.put<ScopeChunk>(FC.scopeChunks, w.id, { items: w.items }, { expected: w.expected }));
  const chunks = Math.max(scope.chunks.length, tailParts.length > 0 ? Math.max(lastIndex, 0) + tailParts.length : 0);
  const size = kept.reduce((n, c) => n + c.length, 0) + added.length;
  const next: ScopeHead = { ...head.value, chunks, size, roots: changes.roots, missing: changes.missing, at: changes.at };
  await store.put<ScopeHead>(FC.scopeHeads, head.value.kr, next, { expected: head.version });
}

/** Removes a KR's stored scope (the KR was deleted, or became an outcome KR). */
export async function deleteScope(store: DocumentStore, scope: StoredScope): Promise<void> {
  await store.delete(FC.scopeHeads, scope.head.id, scope.head.version);
  await deleteDocs(store, scope.chunks.map((c) => c.id));
}

async function deleteDocs(store: DocumentStore, ids: readonly string[]): Promise<void> {
  await mapLimited(ids, STORE_CONCURRENCY, async (id) => {
    const doc = await store.get(FC.scopeChunks, id);
    if (!doc) return;
    try {
      await store.delete(FC.scopeChunks, id, doc.version);
    } catch (e) {
      // Already gone, or rewritten by a newer generation's owner: either way not ours to remove.
      if (!(e instanceof NotFoundError) && !(e instanceof ConflictError)) throw e;
    }
  });
}
