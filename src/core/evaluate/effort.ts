// Effort KR rollup (SPEC §2): issue completion rolled up into progress, by six rules.
//  1. scope = linked items + all descendants, each once;  2. cancelled → out with its subtree;
//  3. done → done with all remaining descendants;  4. units = leaves of what remains;
//  5. weight: count → 1, estimate → estimate (missing: mean of the KR's estimated units, else 1);
//  6. progress = done weight / total weight (no units → 0).
import { InvalidInputError } from '../model/errors';
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
  const byEstimate = (kr.weighting ?? 'count') === 'estimate';
  // Plan files are checked for parent cycles; live tracker data is not. A walk that visits more
  // items than exist has met a cycle: say so instead of walking forever.
  let budget = index.byRef.size;
  while (items.length) {
    if (--budget < 0) throw new InvalidInputError([{ path: 'workItems', message: `work item parents form a cycle under ${roots.join(', ')}` }], 'cannot roll up the effort key result');
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
    const own = item.estimate;
    units.push({
      ref: item.ref,
      title: item.title,
      status: item.status,
      done: nearestDone !== undefined,
      // Done in its own right names no closer; otherwise the nearest done ancestor closed it.
      closedBy: ownDone ? undefined : inherited,
      // Estimates are read here, during the walk, so no unit is looked up again below.
      weight: byEstimate ? (own ?? 0) : 1,
      estimated: byEstimate && own === undefined ? true : undefined,
    });
  }
  // Sums run in ref order, so floating-point totals never depend on the input order.
  units.sort((a, b) => compareRefs(a.ref, b.ref));

  if (byEstimate) {
    // Rule 5: a unit without an estimate weighs the mean of the KR's estimated units (1 if none).
    let sum = 0;
    let n = 0;
    for (const unit of units) {
      if (unit.estimated) continue;
      sum += unit.weight;
      n++;
    }
    const fill = n > 0 ? sum / n : 1;
    for (const unit of units) if (unit.estimated) unit.weight = fill;
  }

  let doneWeight = 0;
  let totalWeight = 0;
  let doneCount = 0;
  for (const unit of units) {
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
