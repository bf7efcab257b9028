// A work item as the REST API returns it (`#/definitions/WorkItem`): `fields` keyed by reference
// name, hierarchy `relations` when expanded, `_links` for `links`/`all`. Links to items the viewer
// may not see are left out, like the items themselves: the emulator never reveals that they exist.
// URL shapes follow what dev.azure.com answered in the recordings (test/fixtures/recorded/ado):
// relation URLs and a single item's own URL name the project by its GUID; list and batch reads
// name items at the organization level.
import type { DatasetUser } from './dataset';
import { projectOf } from './dataset';
import { projectId, type EmulatedOrg, type StoredWorkItem } from './emulated-org';

export type Expand = 'none' | 'relations' | 'fields' | 'links' | 'all';

/** Fields a request may name in `fields` (others get TF51535); those without a value are omitted. */
export const KNOWN_FIELDS = new Set([
  'System.Id',
  'System.Rev',
  'System.Title',
  'System.WorkItemType',
  'System.State',
  'System.Reason',
  'System.TeamProject',
  'System.AreaPath',
  'System.IterationPath',
  'System.Parent',
  'System.CreatedDate',
  'System.ChangedDate',
  'System.AssignedTo',
  'System.Description',
  'System.Tags',
  'Microsoft.VSTS.Common.Priority',
  'Microsoft.VSTS.Scheduling.StoryPoints',
  'Microsoft.VSTS.Scheduling.Effort',
  'Microsoft.VSTS.Scheduling.Size',
  'Microsoft.VSTS.Scheduling.OriginalEstimate',
  'Microsoft.VSTS.Scheduling.RemainingWork',
  'Microsoft.VSTS.Scheduling.CompletedWork',
]);

/** `{org}/{project GUID}`: where the service roots an item's project-scoped URLs. */
function projectRoot(orgUrl: string, item: StoredWorkItem): string {
  return `${orgUrl}/${projectId(projectOf(item.areaPath))}`;
}

export function workItemUrl(orgUrl: string, item: StoredWorkItem): string {
  return `${projectRoot(orgUrl, item)}/_apis/wit/workItems/${item.id}`;
}

/** A reference to an item by id, as WIQL results and list reads give it: organization-level. */
export function referenceUrl(orgUrl: string, id: number): string {
  return `${orgUrl}/_apis/wit/workItems/${id}`;
}

function allFields(item: StoredWorkItem, parentVisible: boolean): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    'System.Id': item.id,
    'System.AreaPath': item.areaPath,
    'System.TeamProject': projectOf(item.areaPath),
    'System.IterationPath': projectOf(item.areaPath),
    'System.WorkItemType': item.type,
    'System.State': item.state,
    'System.Rev': item.rev,
    'System.CreatedDate': item.createdDate,
    'System.ChangedDate': item.changedDate,
    'System.Title': item.title,
  };
  if (item.parentId !== undefined && parentVisible) fields['System.Parent'] = item.parentId;
  if (item.storyPoints !== undefined) fields['Microsoft.VSTS.Scheduling.StoryPoints'] = item.storyPoints;
  if (item.effort !== undefined) fields['Microsoft.VSTS.Scheduling.Effort'] = item.effort;
  if (item.size !== undefined) fields['Microsoft.VSTS.Scheduling.Size'] = item.size;
  if (item.tags !== undefined && item.tags.length > 0) fields['System.Tags'] = item.tags.join('; ');
  if (item.priority !== undefined) fields['Microsoft.VSTS.Common.Priority'] = item.priority;
  return fields;
}

export function renderWorkItem(
  org: EmulatedOrg,
  user: DatasetUser,
  item: StoredWorkItem,
  orgUrl: string,
  options: { fields?: readonly string[]; expand: Expand; shape?: 'list' | 'single' },
): Record<string, unknown> {
  const parentVisible = item.parentId !== undefined && org.visible(user, item.parentId) !== undefined;
  const everything = allFields(item, parentVisible);
  let fields = everything;
  if (options.fields) {
    // Only what was asked for, keyed by the service's spelling of each name.
    fields = {};
    for (const name of options.fields) {
      const key = Object.keys(everything).find((k) => k.toLowerCase() === name.toLowerCase());
      if (key !== undefined) fields[key] = everything[key];
    }
  }
  const url = workItemUrl(orgUrl, item);
  const out: Record<string, unknown> = { id: item.id, rev: item.rev, fields };
  // Sent with every full read (no `fields` list); no field of ours is multi-line, so it is empty.
  if (!options.fields) out.multilineFieldsFormat = {};
  if (options.expand === 'relations' || options.expand === 'all') {
    const relations: Record<string, unknown>[] = [];
    const parent = item.parentId === undefined ? undefined : org.visible(user, item.parentId);
    if (parent) {
      relations.push({
        rel: 'System.LinkTypes.Hierarchy-Reverse',
        url: workItemUrl(orgUrl, parent),
        attributes: { isLocked: false, name: 'Parent' },
      });
    }
    for (const child of org.visibleChildren(user, item.id)) {
      relations.push({
        rel: 'System.LinkTypes.Hierarchy-Forward',
        url: workItemUrl(orgUrl, child),
        attributes: { isLocked: false, name: 'Child' },
      });
    }
    // The service leaves `relations` out when an item has none.
    if (relations.length > 0) out.relations = relations;
  }
  if (options.expand === 'links' || options.expand === 'all') {
    const root = projectRoot(orgUrl, item);
    out._links = {
      self: { href: url },
      workItemUpdates: { href: `${url}/updates` },
      workItemRevisions: { href: `${url}/revisions` },
      workItemComments: { href: `${url}/comments` },
      html: { href: `${root}/_workitems/edit/${item.id}` },
      workItemType: { href: `${root}/_apis/wit/workItemTypes/${encodeURIComponent(item.type)}` },
      fields: { href: `${root}/_apis/wit/fields` },
    };
  }
  out.url = options.shape === 'single' ? url : referenceUrl(orgUrl, item.id);
  return out;
}
