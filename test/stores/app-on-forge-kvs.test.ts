// The app's own tests (test/app), run over the Forge KVS store (on its fake) instead of the memory store: the
// harness and the tests build their stores with `new MemoryDocumentStore(...)`, which this file
// points at the store under test, so every use case runs unchanged on it.
import { vi } from 'vitest';

vi.mock('../../src/stores/memory-document-store', async () => {
  const { ForgeKvsDocumentStore } = await import('../../src/stores/forge-kvs-document-store');
  const { FakeForgeKvs } = await import('../fakes/forge-kvs');
  const { forgeEntities } = await import('../fakes/forge-entities');
  // KVS is one per installation: each new store starts an installation of its own, whose fake
  // takes the place of the last one (tests here use one store at a time).
  let uninstall: (() => void) | undefined;
  class MemoryDocumentStore extends ForgeKvsDocumentStore {
    constructor() {
      uninstall?.();
      uninstall = new FakeForgeKvs({ entities: forgeEntities(), yieldBeforeRequest: false }).install();
      super({ retry: { sleep: () => Promise.resolve() } });
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
