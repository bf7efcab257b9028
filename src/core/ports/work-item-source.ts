// Port: where work items come from (a Jira site, an Azure DevOps organisation, a plan file).
// An implementation reads as the viewing user, so anything the viewer may not see is simply
// absent: it lands in `missing`, exactly like an item that does not exist.
import type { TrackerSystem, WorkItem, WorkItemRef } from '../model/work-item';

export interface ItemsResult {
  items: WorkItem[];
  /** Refs asked for that do not exist or that the viewer may not see (indistinguishable on purpose). */
  missing: WorkItemRef[];
}

export interface WorkItemSource {
  /**
   * Systems this source answers from the plan's own stored snapshot rather than a live tracker
   * (the Azure DevOps extension reads Jira links that way). Nothing is hidden from anyone there,
   * so an import may link any item of its own file's snapshot in those systems.
   */
  readonly snapshotSystems?: readonly TrackerSystem[];
  /** Reads these items (batched: as few requests as the API allows). */
  getItems(refs: readonly WorkItemRef[]): Promise<ItemsResult>;
  /**
   * Every descendant of these refs (children, their children, ...), each once, fetched level by
   * level in batches (Jira: `parent in (...)`; Azure DevOps: a WIQL link query per level).
   */
  getDescendants(refs: readonly WorkItemRef[]): Promise<WorkItem[]>;
  /** Items whose key, id or title matches, for the link picker; at most `limit`. */
  search(text: string, limit: number): Promise<WorkItem[]>;
}
