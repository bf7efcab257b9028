// The plan hub's tracker: Azure DevOps work items as the signed-in user through the shared ADO
// adapter over a small fetch client (fetch-wit-client.ts). The plan hub reads work items only to
// check an import's links and to filter an export, so it does without the SDK's full client.
import * as SDK from 'azure-devops-extension-sdk';
import { AdoWorkItemSource } from '../../trackers/ado/ado-work-item-source';
import { WIT_AREA_ID, type TrackerFactory } from './connect';
import { FetchWitClient } from './fetch-wit-client';

export const planHubTracker: TrackerFactory = ({ project, location }) => {
  let root: Promise<string> | undefined;
  const client = new FetchWitClient({
    root: () => (root ??= location.getResourceAreaLocation(WIT_AREA_ID).then((r) => (r.endsWith('/') ? r : `${r}/`))),
    token: () => SDK.getAccessToken(),
  });
  return Promise.resolve({ source: new AdoWorkItemSource({ client, project: project.name }), workItemHref: () => undefined });
};
