// The work items of a plan indexed once per evaluation, so every KR's rollup walks only its
// own scope: total cost is linear in items + links (SPEC §2, issue 2 performance budget).
import type { WorkItem, WorkItemRef } from '../model/work-item';

export interface WorkItemIndex {
  readonly byRef: ReadonlyMap<WorkItemRef, WorkItem>;
  /** Children by parent ref; absent when an item has none. */
  readonly children: ReadonlyMap<WorkItemRef, readonly WorkItem[]>;
}

export function indexWorkItems(items: readonly WorkItem[]): WorkItemIndex {
  const byRef = new Map<WorkItemRef, WorkItem>();
  const children = new Map<WorkItemRef, WorkItem[]>();
  for (const item of items) byRef.set(item.ref, item);
  // Children from the deduplicated items only: a ref listed twice (live data is not validated
  // like a plan file) must not appear twice under a parent, or a rollup could visit it forever.
  for (const item of byRef.values()) {
    if (item.parent === undefined) continue;
    const list = children.get(item.parent);
    if (list) list.push(item);
    else children.set(item.parent, [item]);
  }
  return { byRef, children };
}

/**
 * Orders refs naturally (`jira:CS-2` before `jira:CS-10`), so reports do not depend on input
 * order. A total order on (prefix, length of the trailing number, its digits), compared in place:
 * it runs for every unit comparison of every rollup, so it neither allocates nor uses a regex.
 */
export function compareRefs(a: string, b: string): number {
  const pa = trailingDigits(a);
  const pb = trailingDigits(b);
  const n = Math.min(pa, pb);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  if (pa !== pb) return pa - pb;
  const la = a.length - pa;
  const lb = b.length - pb;
  if (la !== lb) return la - lb;
  for (let i = 0; i < la; i++) {
    const d = a.charCodeAt(pa + i) - b.charCodeAt(pb + i);
    if (d !== 0) return d;
  }
  return 0;
}

/** Index where the run of digits that ends the string starts (its length when there is none). */
function trailingDigits(s: string): number {
  let i = s.length;
  while (i > 0) {
    const c = s.charCodeAt(i - 1);
    if (c < 48 || c > 57) break;
    i--;
  }
  return i;
}
