// The WorkItemSource contract for the Azure DevOps extension: AdoWorkItemSource over
// BrowserWitClient and the SDK's WorkItemTrackingRestClient (what the extension frame uses),
// against the Azure DevOps emulator over HTTP.
import { describe } from 'vitest';
import { BrowserWitClient } from '../../src/ado/wit-rest-client';
import { AdoWorkItemSource } from '../../src/trackers/ado/ado-work-item-source';
import { startAdoEmulator } from '../../src/workbench/emulators/ado/server';
import { workItemSourceContract } from './work-item-source.contract';
import { ADO_PROJECT, ADO_VIEWER_PAT, adoDataset, adoRef } from './work-item-source.dataset';

describe('WorkItemSource contract: AdoWorkItemSource (WorkItemTrackingRestClient, ADO emulator)', () => {
  workItemSourceContract(async () => {
    const emu = await startAdoEmulator({ dataset: adoDataset() });
    // whatwg-fetch, which the SDK client imports, expects the browser's `self`.
    (globalThis as { self?: unknown }).self ??= globalThis;
    const { WorkItemTrackingRestClient } = await import('azure-devops-extension-api/WorkItemTracking');
    const header = `Basic ${Buffer.from(`:${ADO_VIEWER_PAT}`).toString('base64')}`;
    const rest = new WorkItemTrackingRestClient({
      rootPath: `${emu.orgUrl}/`,
      authTokenProvider: { getAuthorizationHeader: () => Promise.resolve(header) },
    });
    return {
      source: new AdoWorkItemSource({ client: new BrowserWitClient(rest), project: ADO_PROJECT, retry: { sleep: () => Promise.resolve() } }),
      ref: adoRef,
      nativeId: String,
      foreignRef: 'jira:ACME-1',
      cleanup: () => emu.close(),
    };
  });
});
