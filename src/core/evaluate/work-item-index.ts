// The work items of a plan indexed once per evaluation, so every KR's rollup walks only its
// own scope: total cost is linear in items + links (SPEC §2, issue 2 performance budget).
import type { WorkItem, WorkItemRef } from '../model/work-item';

export interface WorkItemIndex {
  get(ref: WorkItemRef): WorkItem | undefined;
  children(ref: WorkItemRef): readonly WorkItem[];
}

const NONE: readonly WorkItem[] = [];

export function indexWorkItems(items: readonly WorkItem[]): WorkItemIndex {
  const byRef = new Map<WorkItemRef, WorkItem>();
  const kids = new Map<WorkItemRef, WorkItem[]>();
  for (const item of items) byRef.set(item.ref, item);
  for (const item of items) {
    if (item.parent === undefined) continue;
    const list = kids.get(item.parent);
    if (list) list.push(item);
    else kids.set(item.parent, [item]);
  }
  return { get: (ref) => byRef.get(ref), children: (ref) => kids.get(ref) ?? NONE };
}

/** Orders refs naturally (`jira:CS-2` before `jira:CS-10`), so reports do not depend on input order. */
export function compareRefs(a: string, b: string): number {
  const ma = /^(.*?)(\d+)$/.exec(a);
  const mb = /^(.*?)(\d+)$/.exec(b);
  if (ma && mb && ma[1] === mb[1]) return Number(ma[2]) - Number(mb[2]) || (a < b ? -1 : a > b ? 1 : 0);
  return a < b ? -1 : a > b ? 1 : 0;
}
