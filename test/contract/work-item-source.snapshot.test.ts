// The WorkItemSource contract for the stored snapshot (how the Azure DevOps extension reads a
// plan's Jira links, and any tracker's items pulled by `okr pull`): StoredSnapshotSource over a
// document store holding what the viewer's pull stored, for each tracker.
import { describe } from 'vitest';
import { StoredSnapshotSource } from '../../src/ado/host/snapshot-source';
import { C, type WorkItemDoc } from '../../src/app/collections';
import type { TrackerSystem } from '../../src/core/model/work-item';
import { MemoryDocumentStore } from '../../src/stores/memory-document-store';
import { workItemSourceContract } from './work-item-source.contract';
import { adoRef, isHidden, jiraRef, snapshotItems } from './work-item-source.dataset';

async function snapshotSource(system: TrackerSystem, ref: (id: number) => string): Promise<StoredSnapshotSource> {
  const store = new MemoryDocumentStore();
  await store.batch(
    snapshotItems(ref).map((item, order) => ({
      kind: 'put' as const,
      collection: C.workItems,
      id: item.ref,
      value: { ...item, order } satisfies WorkItemDoc,
      expected: null,
    })),
  );
  return new StoredSnapshotSource(store, system);
}

describe('WorkItemSource contract: StoredSnapshotSource (Jira snapshot)', () => {
  workItemSourceContract(async () => ({
    source: await snapshotSource('jira', jiraRef),
    ref: jiraRef,
    nativeId: (id) => `${isHidden(id) ? 'SECRET' : 'ACME'}-${id}`,
    foreignRef: 'ado:1',
    cleanup: () => Promise.resolve(),
  }));
});

describe('WorkItemSource contract: StoredSnapshotSource (Azure DevOps snapshot)', () => {
  workItemSourceContract(async () => ({
    source: await snapshotSource('ado', adoRef),
    ref: adoRef,
    nativeId: String,
    foreignRef: 'jira:ACME-1',
    cleanup: () => Promise.resolve(),
  }));
});
