// Jira issues, as an Azure DevOps extension sees them: an extension frame cannot sign in to Jira,
// so a plan's `jira:` links are read from the work item snapshot stored with the plan (SPEC §1:
// "offline snapshot or fetched live"; imported with the plan file, refreshed by `okr pull jira`).
// Without it, a key result that mixes Jira epics and ADO work items would show less progress
// here than in every other surface.
import { C, type WorkItemDoc } from '../../app/collections';
import { listAll } from '../../app/list-all';
import { parseRef, type TrackerSystem, type WorkItem, type WorkItemRef } from '../../core/model/work-item';
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
    const out: WorkItem[] = [];
    const seen = new Set(refs);
    let level = [...seen];
    while (level.length > 0) {
      const next: WorkItemRef[] = [];
      for (const ref of level) {
        for (const child of children.get(ref) ?? []) {
          if (seen.has(child.ref)) continue;
          seen.add(child.ref);
          out.push(child);
          next.push(child.ref);
        }
      }
      level = next;
    }
    return out;
  }

  async search(text: string, limit: number): Promise<WorkItem[]> {
    const query = text.trim().toLowerCase();
    if (query === '' || limit < 1) return [];
    return [...(await this.snapshot()).values()]
      .filter((i) => i.ref.toLowerCase().includes(query) || (i.title ?? '').toLowerCase().includes(query))
      .slice(0, limit);
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
