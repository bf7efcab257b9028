// Location discovery, as azure-devops-node-api performs it before its first call:
// `GET {org}/_apis/ResourceAreas` (itself found through `OPTIONS {org}/_apis/Location`) tells
// where each service lives, then `OPTIONS {locationUrl}/_apis/{area}` lists the area's resources
// with route templates and versions. The ids are the service's own, hard-coded in the clients.

export interface ApiResourceLocation {
  id: string;
  area: string;
  resourceName: string;
  routeTemplate: string;
  resourceVersion: number;
  minVersion: string;
  maxVersion: string;
  releasedVersion: string;
}

export const WIT_AREA_ID = '5264459e-e5e0-4bd8-b118-0985e68a4ec5';
const LOCATION_AREA_ID = '00d9565f-ed9c-4a06-9a50-00e7896ccab4';

function location(id: string, area: string, resourceName: string, routeTemplate: string, resourceVersion: number, released: string): ApiResourceLocation {
  return { id, area, resourceName, routeTemplate, resourceVersion, minVersion: '1.0', maxVersion: '7.2', releasedVersion: released };
}

export const LOCATION_AREA: ApiResourceLocation[] = [
  location('e81700f7-3be2-46de-8624-2eb35882fcaa', 'Location', 'ResourceAreas', '_apis/{resource}/{areaId}', 1, '0.0'),
];

export const WIT_AREA: ApiResourceLocation[] = [
  location('1a9c53f7-f243-4447-b110-35ef023636e4', 'wit', 'wiql', '{project}/{team}/_apis/{area}/{resource}/{id}', 2, '7.1'),
  location('908509b6-4248-4475-a1cd-829139ba419f', 'wit', 'workItemsBatch', '{project}/_apis/{area}/{resource}', 1, '7.1'),
  location('7c9d7a76-4a09-43e8-b5df-bd792f4ac6aa', 'wit', 'states', '{project}/_apis/{area}/workitemtypes/{type}/{resource}', 1, '7.1'),
  location('72c7ddf8-2cdc-4f60-90cd-ab71c14a399b', 'wit', 'workItems', '{project}/_apis/{area}/{resource}/{id}', 3, '7.1'),
];

/** What `GET {org}/_apis/ResourceAreas` lists: both areas live at the organization URL. */
export function resourceAreas(orgUrl: string): { id: string; name: string; locationUrl: string }[] {
  return [
    { id: LOCATION_AREA_ID, name: 'Location', locationUrl: orgUrl },
    { id: WIT_AREA_ID, name: 'wit', locationUrl: orgUrl },
  ];
}
