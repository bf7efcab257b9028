// Effort KR rollup (SPEC §2): issue completion rolled up into progress, by six rules.
//  1. scope = linked items + all descendants, each once;  2. cancelled → out with its subtree;
//  3. done → done with all remaining descendants;  4. units = leaves of what remains;
//  5. weight: count → 1, estimate → estimate (missing: mean of the KR's estimated units, else 1);
//  6. progress = done weight / total weight (no units → 0).
import type { EffortKeyResult } from '../model/plan';
import type { WorkItem, WorkItemRef } from '../model/work-item';
import type { EffortDetail, UnitReport } from '../report/types';
import { compareRefs, type WorkItemIndex } from './work-item-index';

export interface EffortRollup {
  progress: number;
  units: { done: number; total: number };
  detail: EffortDetail;
}

interface Visit {
  item: WorkItem;
  /** The nearest in-scope ancestor-or-self that is done. */
  closedBy: WorkItemRef | undefined;
}

export function rollupEffort(kr: Pick<EffortKeyResult, 'links' | 'weighting'>, index: WorkItemIndex): EffortRollup {
  const links = [...new Set(kr.links ?? [])];
  const linked = new Set<WorkItemRef>();
  const unknownLinks: WorkItemRef[] = [];
  for (const ref of links) {
    if (index.get(ref)) linked.add(ref);
    else unknownLinks.push(ref);
  }

  // Roots: linked items with no linked ancestor. Their subtrees are disjoint (one parent each)
  // and together are the whole scope, so no item is visited twice however it was reached.
  const roots = [...linked].filter((ref) => !hasLinkedAncestor(ref, linked, index));

  const cancelled: WorkItemRef[] = [];
  const found: { item: WorkItem; closedBy: WorkItemRef | undefined }[] = [];
  const stack: Visit[] = roots.map((ref) => {
    const item = index.get(ref) as WorkItem;
    return { item, closedBy: undefined };
  });
  while (stack.length) {
    const { item, closedBy: inherited } = stack.pop() as Visit;
    if (item.status === 'cancelled') {
      cancelled.push(item.ref); // rule 2: its subtree is never visited
      continue;
    }
    const closedBy = inherited ?? (item.status === 'done' ? item.ref : undefined);
    let remainingChildren = 0;
    for (const child of index.children(item.ref)) {
      if (child.status !== 'cancelled') remainingChildren++;
      stack.push({ item: child, closedBy });
    }
    if (remainingChildren === 0) found.push({ item, closedBy }); // rule 4: a leaf of what remains
  }

  found.sort((a, b) => compareRefs(a.item.ref, b.item.ref));
  const weighting = kr.weighting ?? 'count';
  const fill = weighting === 'estimate' ? meanEstimate(found.map((f) => f.item)) : 1;

  let doneWeight = 0;
  let totalWeight = 0;
  let doneCount = 0;
  const units: UnitReport[] = found.map(({ item, closedBy }) => {
    const own = weighting === 'estimate' ? item.estimate : 1;
    const weight = own ?? fill;
    const done = closedBy !== undefined;
    totalWeight += weight;
    if (done) {
      doneWeight += weight;
      doneCount++;
    }
    const unit: UnitReport = { ref: item.ref, status: item.status, done, weight };
    if (item.title !== undefined) unit.title = item.title;
    if (done && closedBy !== item.ref) unit.closedBy = closedBy;
    if (own === undefined) unit.estimated = true;
    return unit;
  });

  const progress = totalWeight > 0 ? Math.min(1, Math.max(0, doneWeight / totalWeight)) : 0;
  return {
    progress,
    units: { done: doneCount, total: units.length },
    detail: {
      units,
      cancelled: cancelled.sort(compareRefs),
      unknownLinks: unknownLinks.sort(compareRefs),
      doneWeight,
      totalWeight,
    },
  };
}

function hasLinkedAncestor(ref: WorkItemRef, linked: ReadonlySet<WorkItemRef>, index: WorkItemIndex): boolean {
  const seen = new Set<WorkItemRef>([ref]);
  let parent = index.get(ref)?.parent;
  while (parent !== undefined && !seen.has(parent)) {
    if (linked.has(parent)) return true;
    seen.add(parent);
    parent = index.get(parent)?.parent;
  }
  return false;
}

/** Mean estimate of the units that have one; 1 when none has (rule 5). */
function meanEstimate(items: readonly WorkItem[]): number {
  let sum = 0;
  let n = 0;
  for (const item of items) {
    if (item.estimate === undefined) continue;
    sum += item.estimate;
    n++;
  }
  return n > 0 ? sum / n : 1;
}
