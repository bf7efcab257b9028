import { describe, expect, it } from 'vitest';
import { MemoryDocumentStore } from '../../src/stores/memory-document-store';
import { documentStoreContract } from '../contract/document-store.contract';

documentStoreContract('memory', () => Promise.resolve({ store: new MemoryDocumentStore(), cleanup: () => Promise.resolve() }));

// The same store with Forge's page size, so the cap path of the contract runs too.
documentStoreContract(
  'memory, pages capped at 20',
  () => Promise.resolve({ store: new MemoryDocumentStore({ maxPageSize: 20 }), cleanup: () => Promise.resolve() }),
  { pageCap: 20 },
);

describe('MemoryDocumentStore', () => {
  it('orders ids by code point, as SQLite does, not by UTF-16 code unit', async () => {
    const store = new MemoryDocumentStore();
    // U+FF5E sorts before U+1F375 by code point, but after it by UTF-16 code unit.
    for (const id of ['\u{1F375}', '\uFF5E', 'z']) await store.put('ids', id, id, { expected: null });
    expect((await store.list('ids')).items.map((d) => d.id)).toEqual(['z', '\uFF5E', '\u{1F375}']);
  });
});
