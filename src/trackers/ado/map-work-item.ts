// One Azure DevOps work item (REST shape) → the core work item of SPEC §6. Pure: the status is
// decided by the caller from the type's states, because that needs a request.
import type { WorkItem as CoreWorkItem, WorkItemStatus } from '../../core/model/work-item';
import { ESTIMATE_FIELDS, FIELD, LINK } from './fields';
import type { WorkItem } from './wit-contracts';

export function adoRef(id: number): string {
  return `ado:${id}`;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The trailing id of a work item URL: `.../_apis/wit/workItems/42` → 42. */
export function idFromWorkItemUrl(url: string | undefined): number | undefined {
  const m = url === undefined ? null : /\/workItems\/(\d+)\/?$/i.exec(url);
  return m ? Number(m[1]) : undefined;
}

/**
 * The parent's id: from the `System.LinkTypes.Hierarchy-Reverse` relation when relations were
 * expanded, else from `System.Parent`, the field in which the service mirrors that same link
 * (a batch read cannot ask for chosen fields and relations at once).
 */
export function parentIdOf(item: WorkItem): number | undefined {
  const link = item.relations?.find((r) => r.rel === LINK.parent);
  const fromLink = idFromWorkItemUrl(link?.url);
  if (fromLink !== undefined) return fromLink;
  const field = item.fields?.[FIELD.parent];
  return typeof field === 'number' && Number.isInteger(field) && field > 0 ? field : undefined;
}

/** StoryPoints, else Effort, else Size (SPEC §6); absent when none holds a number. */
export function estimateOf(item: WorkItem): number | undefined {
  for (const field of ESTIMATE_FIELDS) {
    const value = finiteNumber(item.fields?.[field]);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The work item's id: `id`, or `System.Id` when only fields came back. */
export function idOf(item: WorkItem): number | undefined {
  return item.id ?? finiteNumber(item.fields?.[FIELD.id]);
}

/** What the status lookup needs: the project and type whose states hold this item's state. */
export function stateKeyOf(item: WorkItem): { project?: string; type?: string; state?: string } {
  return {
    project: text(item.fields?.[FIELD.project]),
    type: text(item.fields?.[FIELD.type]),
    state: text(item.fields?.[FIELD.state]),
  };
}

export function toCoreWorkItem(item: WorkItem, status: WorkItemStatus): CoreWorkItem {
  const id = idOf(item);
  if (id === undefined) throw new Error('an Azure DevOps work item without an id cannot be mapped');
  const out: CoreWorkItem = { ref: adoRef(id), status };
  const title = text(item.fields?.[FIELD.title]);
  if (title !== undefined) out.title = title;
  const type = text(item.fields?.[FIELD.type]);
  if (type !== undefined) out.type = type;
  const estimate = estimateOf(item);
  if (estimate !== undefined) out.estimate = estimate;
  const parent = parentIdOf(item);
  if (parent !== undefined) out.parent = adoRef(parent);
  return out;
}
