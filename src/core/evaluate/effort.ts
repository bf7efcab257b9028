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

const NO_CHILDREN: readonly WorkItem[] = [];

export function rollupEffort(kr: Pick<EffortKeyResult, 'links' | 'weighting'>, index: WorkItemIndex): EffortRollup {
  const linked = new Set<WorkItemRef>();
  const unknownLinks = new Set<WorkItemRef>();
  for (const ref of kr.links ?? []) {
    if (index.byRef.has(ref)) linked.add(ref);
    else unknownLinks.add(ref);
  }

  // Roots: linked items with no linked ancestor. Their subtrees are disjoint (one parent each)
  // and together are the whole scope, so no item is visited twice however it was reached.
  const roots = [...linked].filter((ref) => !hasLinkedAncestor(ref, linked, index));

  // Depth-first with two parallel stacks (no object per visit: scopes reach 100k+ items).
  const items: WorkItem[] = roots.map((ref) => index.byRef.get(ref) as WorkItem);
  // For each stacked item: the nearest done ancestor in scope, which is what closes it (rule 3).
  const closers: (WorkItemRef | undefined)[] = roots.map(() => undefined);
  const cancelled: WorkItemRef[] = [];
  const units: UnitReport[] = [];
  while (items.length) {
    const item = items.pop() as WorkItem;
    const inherited = closers.pop();
    if (item.status === 'cancelled') {
      cancelled.push(item.ref); // rule 2: its subtree is never visited
      continue;
    }
    const ownDone = item.status === 'done';
    const nearestDone = ownDone ? item.ref : inherited;
    let remainingChildren = 0;
    for (const child of index.children.get(item.ref) ?? NO_CHILDREN) {
      if (child.status !== 'cancelled') remainingChildren++;
      items.push(child);
      closers.push(nearestDone);
    }
    if (remainingChildren > 0) continue;
    // Rule 4: a leaf of what remains. Every unit has the same shape (one hidden class); weights
    // are filled in below, once the mean estimate is known.
    units.push({
      ref: item.ref,
      title: item.title,
      status: item.status,
      done: nearestDone !== undefined,
      // Done in its own right names no closer; otherwise the nearest done ancestor closed it.
      closedBy: ownDone ? undefined : inherited,
      weight: 1,
      estimated: undefined,
    });
  }
  units.sort((a, b) => compareRefs(a.ref, b.ref));

  const byEstimate = (kr.weighting ?? 'count') === 'estimate';
  let doneWeight = 0;
  let totalWeight = 0;
  let doneCount = 0;
  const fill = byEstimate ? meanEstimate(units, index) : 1;
  for (const unit of units) {
    if (byEstimate) {
      const own = (index.byRef.get(unit.ref) as WorkItem).estimate;
      unit.weight = own ?? fill;
      if (own === undefined) unit.estimated = true;
    }
    totalWeight += unit.weight;
    if (unit.done) {
      doneWeight += unit.weight;
      doneCount++;
    }
  }

  const progress = totalWeight > 0 ? Math.min(1, Math.max(0, doneWeight / totalWeight)) : 0;
  return {
    progress,
    units: { done: doneCount, total: units.length },
    detail: {
      units,
      cancelled: cancelled.sort(compareRefs),
      unknownLinks: [...unknownLinks].sort(compareRefs),
      doneWeight,
      totalWeight,
    },
  };
}

function hasLinkedAncestor(ref: WorkItemRef, linked: ReadonlySet<WorkItemRef>, index: WorkItemIndex): boolean {
  const seen = new Set<WorkItemRef>([ref]);
  let parent = index.byRef.get(ref)?.parent;
  while (parent !== undefined && !seen.has(parent)) {
    if (linked.has(parent)) return true;
    seen.add(parent);
    parent = index.byRef.get(parent)?.parent;
  }
  return false;
}

/** Mean estimate of the units that have one; 1 when none has (rule 5). */
function meanEstimate(units: readonly UnitReport[], index: WorkItemIndex): number {
  let sum = 0;
  let n = 0;
  for (const unit of units) {
    const estimate = index.byRef.get(unit.ref)?.estimate;
    if (estimate === undefined) continue;
    sum += estimate;
    n++;
  }
  return n > 0 ? sum / n : 1;
}
