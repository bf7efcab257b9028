// The WorkItemSource contract for the routing source the hosts hand the app: `ado:` refs to the
// Azure DevOps adapter (over the emulator), `jira:` refs to a Jira source that holds none of them.
import { describe } from 'vitest';
import { StoredSnapshotSource } from '../../src/ado/host/snapshot-source';
import { RoutingWorkItemSource } from '../../src/app/routing-source';
import { MemoryDocumentStore } from '../../src/stores/memory-document-store';
import { createNodeAdoSource } from '../../src/trackers/ado/node-wit-client';
import { startAdoEmulator } from '../../src/workbench/emulators/ado/server';
import { workItemSourceContract } from './work-item-source.contract';
import { ADO_PROJECT, ADO_VIEWER_PAT, adoDataset, adoRef } from './work-item-source.dataset';

describe('WorkItemSource contract: RoutingWorkItemSource (Azure DevOps adapter + an empty Jira snapshot)', () => {
  workItemSourceContract(async () => {
    const emu = await startAdoEmulator({ dataset: adoDataset() });
    const ado = createNodeAdoSource({ orgUrl: emu.orgUrl, pat: ADO_VIEWER_PAT, project: ADO_PROJECT, retry: { sleep: () => Promise.resolve() } });
    return {
      source: new RoutingWorkItemSource({ ado, jira: new StoredSnapshotSource(new MemoryDocumentStore(), 'jira') }),
      ref: adoRef,
      nativeId: String,
      foreignRef: 'jira:ACME-1',
      cleanup: () => emu.close(),
    };
  });
});
