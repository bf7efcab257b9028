// The app's own tests (test/app), run over the SQLite store instead of the memory store: the
// harness and the tests build their stores with `new MemoryDocumentStore(...)`, which this file
// points at the store under test, so every use case runs unchanged on it.
import { vi } from 'vitest';

vi.mock('../../src/stores/memory-document-store', async () => {
  const { SqliteDocumentStore } = await import('../../src/stores/sqlite-document-store');
  // Each store its own database, in memory: SQLite's own engine and the store's SQL all the same.
  return { MemoryDocumentStore: function MemoryDocumentStore() {
    return SqliteDocumentStore.open(':memory:');
  } };
});

import '../app/check-in.test';
import '../app/edit-objectives.test';
import '../app/errors.test';
import '../app/get-board.test';
import '../app/get-panel.test';
import '../app/import-export.test';
import '../app/kpis.test';
import '../app/link-work-item.test';
import '../app/plan-docs.test';
import '../app/routing-source.test';
import '../app/search.test';
import '../app/snapshots.test';
import '../app/stale-panel.test';
