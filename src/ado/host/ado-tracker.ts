// The work item tracker of a page: the organization's Work Item Tracking service, read as the
// signed-in user through the SDK's REST client and the shared ADO adapter (src/trackers/ado).
import { getClient } from 'azure-devops-extension-api/Common';
import { WorkItemTrackingRestClient } from 'azure-devops-extension-api/WorkItemTracking';
import { parseRef } from '../../core/model/work-item';
import { AdoWorkItemSource } from '../../trackers/ado/ado-work-item-source';
import { AdoMeasureSource } from '../../trackers/ado/measure/measure-source';
import { BrowserWitClient } from '../wit-rest-client';
import type { TrackerFactory } from './connect';

export const adoTracker: TrackerFactory = async ({ project, location }) => {
  // The organization's Work Item Tracking root (https://dev.azure.com/{org}/ on the service).
  const witRoot = await location.getResourceAreaLocation(WorkItemTrackingRestClient.RESOURCE_AREA_ID);
  const root = witRoot.endsWith('/') ? witRoot : `${witRoot}/`;
  const client = new BrowserWitClient(getClient(WorkItemTrackingRestClient, { rootPath: root }));
  const source = new AdoWorkItemSource({ client, project: project.name });
  return {
    source,
    // Measured values (SPEC §8): WIQL measures run as the signed-in user, like every read here.
    measure: new AdoMeasureSource({ client, orgUrl: root.replace(/\/+$/, ''), project: project.name }),
    workItemHref: (ref) => {
      const parsed = parseRef(ref);
      return parsed?.system === 'ado' ? `${root}${encodeURIComponent(project.name)}/_workitems/edit/${parsed.id}` : undefined;
    },
  };
};
