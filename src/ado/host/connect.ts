// Everything a contribution page needs from Azure DevOps, in one place: the SDK handshake (with
// the host theme), the project the page is opened in, and the in-browser app over the Extension
// Data Service store and, for pages that read work items, the tracker as the signed-in user.
import * as SDK from 'azure-devops-extension-sdk';
import type { IExtensionDataService, IHostNavigationService, ILocationService } from 'azure-devops-extension-api/Common';
import type { ApiClient } from '../../app/api';
import { createAppOf, type UseCases } from '../../app/app-of';
import { wholeScopeHistory } from '../../app/history';
import { adoActor, type AdoGet } from './ado-actor';
import { adoPeople, type IdentitySearch } from './ado-people';
import type { WorkItemRef } from '../../core/model/work-item';
import type { WorkItemSource } from '../../core/ports/work-item-source';
import type { MeasureSource } from '../../core/ports/measure-source';
import { ExtensionDataDocumentStore } from '../../stores/ado-extension-data-document-store';
import { followHostColorMode } from './color-mode';
import { refreshingDataManager } from './data-manager';
import { inProcessClient } from './in-process-client';
import { extensionSource } from './work-item-sources';

// The SDK's CommonServiceIds, spelled out: the library declares them as a const enum, which a
// per-file compiler (isolatedModules) cannot inline.
const SERVICE = {
  extensionData: 'ms.vss-features.extension-data-service',
  location: 'ms.vss-features.location-service',
  navigation: 'ms.vss-features.host-navigation-service',
  identity: 'ms.vss-features.identity-service',
} as const;

export interface Project {
  id: string;
  name: string;
}

/** The page's Azure DevOps work items, and where each one opens. */
export interface Tracker {
  source: WorkItemSource;
  workItemHref: (ref: WorkItemRef) => string | undefined;
  /** Measured values (SPEC §8): WIQL measures as the signed-in user. */
  measure?: MeasureSource;
}

/** Builds the page's tracker; a page that reads no work items (the plan hub) has none. */
export type TrackerFactory = (context: { project: Project; location: ILocationService }) => Promise<Tracker>;

export interface ExtensionHost extends Tracker {
  client: ApiClient;
  project: Project;
  navigation: IHostNavigationService;
}

/**
 * Completes the handshake and builds the app over the page's use cases (every page's bundle
 * carries only those). `loaded: false` keeps the host's loading
 * indicator up until the page calls SDK.notifyLoadSucceeded().
 */
export async function connectExtension(useCases: UseCases, tracker?: TrackerFactory): Promise<ExtensionHost> {
  await SDK.init({ loaded: false, applyTheme: true });
  followHostColorMode();
  const project = SDK.getWebContext().project as Project | undefined;
  if (!project) throw new Error('Harmony works inside a project: open it from a project in Azure DevOps.');
  const [dataService, location, navigation] = await Promise.all([
    SDK.getService<IExtensionDataService>(SERVICE.extensionData),
    SDK.getService<ILocationService>(SERVICE.location),
    SDK.getService<IHostNavigationService>(SERVICE.navigation),
  ]);
  const extensionId = SDK.getExtensionContext().id;
  const store = new ExtensionDataDocumentStore(
    refreshingDataManager(async () => dataService.getExtensionDataManager(extensionId, await SDK.getAccessToken())),
  );
  // Without a tracker, ADO links read as missing, like items the viewer may not see.
  const ado = tracker ? await tracker({ project, location }) : undefined;
  const source = extensionSource(store, ado?.source);
  const workItemHref = ado?.workItemHref ?? (() => undefined);
  const actor = adoActor({ user: SDK.getUser(), project, get: organizationGet(location), source: ado?.source ?? source });
  // History comes only from evaluations that saw a KR's whole scope, made by a project
  // administrator: other viewers' partial counts never become everyone's burn-up (issue 8).
  const people = adoPeople(() => SDK.getService<IdentitySearch>(SERVICE.identity));
  const app = createAppOf(useCases, {
    store,
    source,
    actor,
    history: wholeScopeHistory(store, () => actor.isAdmin()),
    people,
    ...(ado?.measure ? { measures: { ado: ado.measure } } : {}),
  });
  return { client: inProcessClient(app), project, navigation, source, workItemHref };
}

/** The Work Item Tracking resource area, whose location is the organization root on the service. */
export const WIT_AREA_ID = '5264459e-e5e0-4bd8-b118-0985e68a4ec5';

/** JSON GETs against the organization root, with the extension's token for the signed-in user. */
function organizationGet(location: ILocationService): AdoGet {
  let root: Promise<string> | undefined;
  return async (path) => {
    const base = await (root ??= location.getResourceAreaLocation(WIT_AREA_ID).then((r) => (r.endsWith('/') ? r : `${r}/`)));
    const response = await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${await SDK.getAccessToken()}`, Accept: 'application/json' } });
    // Refused or unknown: the viewer is not granted the role (fail closed).
    if (!response.ok) return null;
    return (await response.json()) as unknown;
  };
}
