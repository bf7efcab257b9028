// Reads every page of a listing. Stores cap their pages (Forge KVS: 20), so any "all of them"
// read follows the cursor to the end rather than trusting one page.
import type { DocumentStore, StoredDoc } from '../core/ports/document-store';

export async function listAll<T>(
  store: DocumentStore,
  collection: string,
  where?: { index: string; value: string },
): Promise<StoredDoc<T>[]> {
  const all: StoredDoc<T>[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.list<T>(collection, { ...(where ? { where } : {}), ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return all;
}
