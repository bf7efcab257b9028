// One WorkItemSource over several trackers: `jira:` refs go to the Jira source, `ado:` refs to
// the Azure DevOps one. A plan may link both (SPEC §1), and every use case stays unaware of it.
import { parseRef, type TrackerSystem, type WorkItem, type WorkItemRef } from '../core/model/work-item';
import type { ItemsResult, WorkItemSource } from '../core/ports/work-item-source';

export type SourcesBySystem = Partial<Record<TrackerSystem, WorkItemSource>>;

export class RoutingWorkItemSource implements WorkItemSource {
  readonly snapshotSystems: readonly TrackerSystem[];

  constructor(private readonly sources: SourcesBySystem) {
    this.snapshotSystems = (Object.keys(sources) as TrackerSystem[]).filter((system) => sources[system]?.snapshotSystems?.includes(system));
  }

  async getItems(refs: readonly WorkItemRef[]): Promise<ItemsResult> {
    const { routed, unroutable } = this.route(refs);
    const results = await Promise.all([...routed].map(([source, list]) => source.getItems(list)));
    return {
      items: results.flatMap((r) => r.items),
      // A ref no configured tracker can hold is missing, exactly like one the viewer may not see.
      missing: [...unroutable, ...results.flatMap((r) => r.missing)],
    };
  }

  async getDescendants(refs: readonly WorkItemRef[]): Promise<WorkItem[]> {
    const { routed } = this.route(refs);
    const results = await Promise.all([...routed].map(([source, list]) => source.getDescendants(list)));
    return results.flat();
  }

  /** Asks every tracker, then interleaves their hits so one tracker cannot crowd out the other. */
  async search(text: string, limit: number): Promise<WorkItem[]> {
    // A whole ref (`ado:42`, `jira:CS-1`), as pasted into the link picker, names one item.
    if (parseRef(text.trim())) return (await this.getItems([text.trim()])).items.slice(0, limit);
    const sources = Object.values(this.sources).filter((s) => s !== undefined);
    const lists = await Promise.all(sources.map((s) => s.search(text, limit)));
    const out: WorkItem[] = [];
    for (let i = 0; out.length < limit && lists.some((l) => i < l.length); i++) {
      for (const list of lists) {
        const hit = list[i];
        if (hit && out.length < limit) out.push(hit);
      }
    }
    return out;
  }

  private route(refs: readonly WorkItemRef[]): { routed: Map<WorkItemSource, WorkItemRef[]>; unroutable: WorkItemRef[] } {
    const routed = new Map<WorkItemSource, WorkItemRef[]>();
    const unroutable: WorkItemRef[] = [];
    for (const ref of new Set(refs)) {
      const parsed = parseRef(ref);
      const source = parsed && this.sources[parsed.system];
      if (!source) {
        unroutable.push(ref);
        continue;
      }
      const list = routed.get(source);
      if (list) list.push(ref);
      else routed.set(source, [ref]);
    }
    return { routed, unroutable };
  }
}
