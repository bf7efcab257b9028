// The app's own tests (test/app), run over the Azure DevOps Extension Data store (on its fake) instead of the memory store: the
// harness and the tests build their stores with `new MemoryDocumentStore(...)`, which this file
// points at the store under test, so every use case runs unchanged on it.
import { vi } from 'vitest';

vi.mock('../../src/stores/memory-document-store', async () => {
  const { ExtensionDataDocumentStore } = await import('../../src/stores/ado-extension-data-document-store');
  const { FakeExtensionDataManager } = await import('../fakes/ado-extension-data');
  // Each store its own service, with the page cap the memory store was asked for.
  class MemoryDocumentStore extends ExtensionDataDocumentStore {
    constructor(options: { maxPageSize?: number } = {}) {
      super(new FakeExtensionDataManager(), options);
    }
  }
  return { MemoryDocumentStore };
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
