// On Forge a KR's progress history (the burn-up's snapshots) is written by the triggers only.
// They compute as the app, over the KR's whole scope; a viewer's live evaluation counts only what
// that viewer may browse, so if it recorded its numbers too, the history would jump between one
// viewer's count and another's. The resolvers therefore run the app over this view of the store,
// which passes everything through except the snapshot points the app records after evaluating
// (deleting the history of a deleted KR or of a replaced plan still goes through).
import { C } from '../app/collections';
import type { DocumentStore, WriteOp } from '../core/ports/document-store';

const HISTORY: ReadonlySet<string> = new Set([C.snapshots, C.snapshotHeads]);

export function withoutViewerHistory(store: DocumentStore): DocumentStore {
  return {
    get: (collection, id) => store.get(collection, id),
    list: (collection, query) => store.list(collection, query),
    put: (collection, id, value, options) => store.put(collection, id, value, options),
    delete: (collection, id, expected) => store.delete(collection, id, expected),
    batch: async (ops: readonly WriteOp[]) => {
      const kept = ops.filter((op) => !(op.kind === 'put' && HISTORY.has(op.collection)));
      if (kept.length > 0) await store.batch(kept);
    },
  };
}
