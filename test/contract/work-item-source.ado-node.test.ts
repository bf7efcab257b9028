// The WorkItemSource contract for Azure DevOps on Node: AdoWorkItemSource through Microsoft's
// azure-devops-node-api against the Azure DevOps emulator over HTTP.
import { describe } from 'vitest';
import { createNodeAdoSource } from '../../src/trackers/ado/node-wit-client';
import { startAdoEmulator } from '../../src/workbench/emulators/ado/server';
import { workItemSourceContract } from './work-item-source.contract';
import { ADO_PROJECT, ADO_VIEWER_PAT, adoDataset, adoRef } from './work-item-source.dataset';

describe('WorkItemSource contract: AdoWorkItemSource (azure-devops-node-api, ADO emulator)', () => {
  workItemSourceContract(async () => {
    const emu = await startAdoEmulator({ dataset: adoDataset() });
    return {
      source: createNodeAdoSource({ orgUrl: emu.orgUrl, pat: ADO_VIEWER_PAT, project: ADO_PROJECT, retry: { sleep: () => Promise.resolve() } }),
      ref: adoRef,
      nativeId: String,
      foreignRef: 'jira:ACME-1',
      cleanup: () => emu.close(),
    };
  });
});
