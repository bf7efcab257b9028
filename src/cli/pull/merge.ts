// The plan's work items with one tracker's items replaced by a live snapshot. Items of the other
// tracker stay exactly as they are, so a KR can mix Jira epics and Azure DevOps work items.
// Items keep their place in the list (an update is an in-place edit, which keeps file diffs
// small); new items go right after the last item of their tracker, or at the end.
import { parseRef, type TrackerSystem, type WorkItem } from '../../core';

export type MergedEntry =
  | { kind: 'kept'; item: WorkItem; from: number }
  | { kind: 'changed'; item: WorkItem; before: WorkItem; from: number; fields: WorkItemField[] }
  | { kind: 'added'; item: WorkItem };

export interface Merge {
  /** The new work item list, in order. */
  entries: MergedEntry[];
  /** Items of the tracker the live snapshot no longer has, with their index in the old list. */
  removed: { item: WorkItem; from: number }[];
}

export const WORK_ITEM_FIELDS = ['title', 'type', 'status', 'estimate', 'parent'] as const;
export type WorkItemField = (typeof WORK_ITEM_FIELDS)[number];

export function mergeSnapshot(current: readonly WorkItem[], system: TrackerSystem, live: readonly WorkItem[]): Merge {
  const liveByRef = new Map<string, WorkItem>();
  for (const item of live) {
    // Only this tracker's items: whatever else a snapshot carried, the other tracker's stay as they are.
    if (parseRef(item.ref)?.system === system && !liveByRef.has(item.ref)) liveByRef.set(item.ref, item);
  }
  const entries: MergedEntry[] = [];
  const removed: Merge['removed'] = [];
  const placed = new Set<string>();
  let lastOfSystem = -1;
  current.forEach((item, from) => {
    if (parseRef(item.ref)?.system !== system) {
      entries.push({ kind: 'kept', item, from });
      return;
    }
    const next = liveByRef.get(item.ref);
    if (next === undefined || placed.has(item.ref)) {
      removed.push({ item, from });
      return;
    }
    placed.add(item.ref);
    const fields = changedFields(item, next);
    entries.push(fields.length === 0 ? { kind: 'kept', item, from } : { kind: 'changed', item: next, before: item, from, fields });
    lastOfSystem = entries.length - 1;
  });
  const added: MergedEntry[] = [...liveByRef.values()].filter((i) => !placed.has(i.ref)).map((item) => ({ kind: 'added', item }));
  const at = lastOfSystem >= 0 ? lastOfSystem + 1 : entries.length;
  entries.splice(at, 0, ...added);
  return { entries, removed };
}

export function changedFields(before: WorkItem, after: WorkItem): WorkItemField[] {
  return WORK_ITEM_FIELDS.filter((f) => before[f] !== after[f]);
}

export function mergedItems(merge: Merge): WorkItem[] {
  return merge.entries.map((e) => e.item);
}

export function hasChanges(merge: Merge): boolean {
  return merge.removed.length > 0 || merge.entries.some((e) => e.kind !== 'kept');
}

/** The item with its fields in the SPEC's order, undefined ones left out (what the file holds). */
export function orderedItem(item: WorkItem): WorkItem {
  return {
    ref: item.ref,
    ...(item.title !== undefined ? { title: item.title } : {}),
    ...(item.type !== undefined ? { type: item.type } : {}),
    status: item.status,
    ...(item.estimate !== undefined ? { estimate: item.estimate } : {}),
    ...(item.parent !== undefined ? { parent: item.parent } : {}),
  };
}
