// Jira issues, as an Azure DevOps extension sees them: an extension frame cannot sign in to Jira,
// so a plan's `jira:` links are read from the work item snapshot stored with the plan (SPEC §1:
// "offline snapshot or fetched live"; imported with the plan file, refreshed by `okr pull jira`).
// Without it, a key result that mixes Jira epics and ADO work items would show less progress
// here than in every other surface.
import { C, type WorkItemDoc } from '../../app/collections';
import { listAll } from '../../app/list-all';
import { parseRef, typedRef, type TrackerSystem, type WorkItem, type WorkItemRef } from '../../core/model/work-item';
import type { DocumentStore } from '../../core/ports/document-store';
import type { ItemsResult, WorkItemSource } from '../../core/ports/work-item-source';

export class StoredSnapshotSource implements WorkItemSource {
  readonly snapshotSystems: readonly TrackerSystem[];

  constructor(
    private readonly store: DocumentStore,
    private readonly system: TrackerSystem,
  ) {
    this.snapshotSystems = [system];
  }

  async getItems(refs: readonly WorkItemRef[]): Promise<ItemsResult> {
    const items = await this.snapshot();
    const found: WorkItem[] = [];
    const missing: WorkItemRef[] = [];
    for (const ref of new Set(refs)) {
      const item = items.get(ref);
      if (item) found.push(item);
      else missing.push(ref);
    }
    return { items: found, missing };
  }

  async getDescendants(refs: readonly WorkItemRef[]): Promise<WorkItem[]> {
    const items = await this.snapshot();
    const children = new Map<WorkItemRef, WorkItem[]>();
    for (const item of items.values()) {
      if (item.parent === undefined) continue;
      const list = children.get(item.parent) ?? [];
      list.push(item);
      children.set(item.parent, list);
    }
    // Like the live sources: a ref that lies below another asked ref is a descendant too, and is
    // listed once; `walked` keeps a corrupt snapshot that loops from looping here.
    const out = new Map<WorkItemRef, WorkItem>();
    const walked = new Set(refs);
    let level = [...walked];
    while (level.length > 0) {
      const next: WorkItemRef[] = [];
      for (const ref of level) {
        for (const child of children.get(ref) ?? []) {
          out.set(child.ref, child);
          if (walked.has(child.ref)) continue;
          walked.add(child.ref);
          next.push(child.ref);
        }
      }
      level = next;
    }
    return [...out.values()];
  }

  async search(text: string, limit: number): Promise<WorkItem[]> {
    const query = text.trim().toLowerCase();
    if (query === '' || limit < 1) return [];
    const items = await this.snapshot();
    // Like the live sources: an item's own id or key names that item exactly (`1` is not `10`).
    const typed = typedRef(this.system, query);
    if (typed !== undefined) return items.has(typed) ? [items.get(typed) as WorkItem] : [];
    return [...items.values()].filter((i) => (i.title ?? '').toLowerCase().includes(query)).slice(0, limit);
  }

  private async snapshot(): Promise<Map<WorkItemRef, WorkItem>> {
    const docs = await listAll<WorkItemDoc>(this.store, C.workItems);
    const items = new Map<WorkItemRef, WorkItem>();
    for (const { value } of docs) {
      if (parseRef(value.ref)?.system !== this.system) continue;
      const { order: _order, ...item } = value;
      items.set(item.ref, item);
    }
    return items;
  }
}
