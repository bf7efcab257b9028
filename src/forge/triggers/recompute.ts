// Bringing one KR's stored state up to date, as the app: its scope (chunks), the memberships of
// its issues, their `harmony-okr` property, and a progress snapshot (the app's snapshots
// collection, which the panel falls back to when Jira cannot answer in time). Two ways:
// - full: read the KR's links and all their descendants (the same batched reads a panel makes);
// - incremental: re-read only the marked issues (100 per bulk fetch), apply them to the stored
//   scope, fetch the subtrees of issues that joined, and evaluate the result with the core.
// The incremental way is taken when it needs fewer requests than the full one.
import { PlanReader } from '../../app/plan-reader';
import { fetchScope } from '../../app/live-scope';
import type { WorkItem, WorkItemRef } from '../../core/model/work-item';
import type { StoredDoc } from '../../core/ports/document-store';
import { BULK_FETCH_LIMIT } from '../../trackers/jira/work-item-source';
import { WHOLE_KR, type DirtyDoc, type ScopeItem } from '../collections';
import type { TriggerContext } from './context';
import { effortKrPlan, evaluateKr, isFrozen, linksOfKr } from './evaluate-kr';
import { addMembers, membersOf, removeMembers } from './members';
import { labelLater } from './labels';
import { ScopeState } from './scope-state';
import { deleteScope, itemsOf, patchScope, readScope, writeScope, type StoredScope } from './scope-store';

/** Search results per page with fields (Jira Cloud gives up to 100). */
const PAGE = 100;

/** `frozen`: the KR's period is closed; nothing was read or written (issue 12). */
export type Outcome = 'full' | 'incremental' | 'dropped' | 'frozen';

/** Titles stay in Jira: the stored scope is the app's view and must not reveal them. */
export function withoutTitle(item: WorkItem): ScopeItem {
  const { title: _title, ...rest } = item;
  return rest;
}

/** Whether Jira can give this issue children (sub-tasks cannot have any). */
const mayHaveChildren = (item: ScopeItem | undefined): boolean => !/^sub-?task$/i.test(item?.type ?? '');

/** The requests a full recomputation of this scope is expected to take: the links, then pages. */
export function fullCost(scope: StoredScope): number {
  return 1 + Math.max(1, Math.ceil(scope.head.value.size / PAGE));
}

/** A cautious time per Jira Cloud request (a page of 100 issues with fields), to plan ahead. */
export const PLANNED_MS_PER_REQUEST = 300;

export interface Applied {
  outcome: Outcome | 'postponed';
  /** The marks that were taken into account (and may be cleared). */
  handled: StoredDoc<DirtyDoc>[];
}

/**
 * Applies a KR's marks: in full when a mark asks for it or when that is cheaper, else one issue
 * at a time. A full recomputation that would not fit in what is left of this invocation (a big
 * KR, in a 25 s event invocation) is left to a scheduled run (900 s): its mark stays, and the
 * other marks are applied one by one meanwhile.
 */
export async function applyMarks(ctx: TriggerContext, kr: string, marks: readonly StoredDoc<DirtyDoc>[]): Promise<Applied> {
  // A closed KR's marks are taken and dropped: its scope, memberships and properties stay as closed.
  if (await isFrozen(new PlanReader(ctx.store), kr)) return { outcome: 'frozen', handled: [...marks] };
  const scope = await readScope(ctx.store, kr);
  const whole = marks.filter((m) => m.value.ref === WHOLE_KR);
  const single = marks.filter((m) => m.value.ref !== WHOLE_KR);
  const toRead = single.filter((m) => !m.value.deleted && m.value.item === undefined).map((m) => m.value.ref);
  const cheaperInFull = scope !== undefined && Math.ceil(toRead.length / BULK_FETCH_LIMIT) >= fullCost(scope);
  if (!scope || whole.length > 0 || cheaperInFull) {
    const affordable = !scope || fullCost(scope) * PLANNED_MS_PER_REQUEST <= ctx.deadline.remainingMs();
    if (affordable) return { outcome: await recomputeKr(ctx, kr, scope), handled: [...marks] };
    if (cheaperInFull || single.length === 0) return { outcome: 'postponed', handled: [] };
  }
  return { outcome: await applySingle(ctx, kr, scope, single, toRead), handled: single };
}

async function applySingle(ctx: TriggerContext, kr: string, scope: StoredScope, marks: readonly StoredDoc<DirtyDoc>[], toRead: readonly WorkItemRef[]): Promise<Outcome> {
  const reader = new PlanReader(ctx.store);
  const plan = await effortKrPlan(reader, kr);
  if (!plan) return dropScope(ctx, kr, scope);
  const before = new Map(itemsOf(scope).map((i) => [i.ref, i]));
  const state = new ScopeState(before.values(), scope.head.value.roots);
  for (const m of marks) {
    if (m.value.deleted) state.remove(m.value.ref);
    else if (m.value.item) state.upsert(m.value.item);
  }
  if (toRead.length > 0) {
    const read = await ctx.source.getItems(toRead);
    for (const item of read.items) state.upsert(withoutTitle(item));
    // Gone, or no longer visible even to the app: it leaves with its subtree.
    for (const ref of read.missing) state.remove(ref);
  }
  // Issues that joined bring their subtrees: a story moved under a counted epic brings its sub-tasks.
  const joined = state.list().filter((i) => !before.has(i.ref) && mayHaveChildren(i)).map((i) => i.ref);
  if (joined.length > 0) {
    for (const item of await ctx.source.getDescendants(joined)) state.upsert(withoutTitle(item));
  }

  const after = new Map(state.list().map((i) => [i.ref, i]));
  const removed = new Set([...before.keys()].filter((ref) => !after.has(ref)));
  const upserts = new Map([...after].filter(([ref, item]) => JSON.stringify(before.get(ref)) !== JSON.stringify(item)));
  const entered = [...after.keys()].filter((ref) => !before.has(ref));
  const report = evaluateKr(plan, kr, state.list(), ctx.today);
  const missing = scope.head.value.missing.filter((ref) => linksOfKr(plan, kr).includes(ref));
  await patchScope(ctx.store, scope, { upserts, removed, roots: [...state.roots], missing, at: ctx.today });
  await ctx.history.record([{ kr: report, whole: true }], ctx.today);
  await addMembers(ctx.store, kr, entered);
  await removeMembers(ctx.store, kr, [...removed]);
  await labelLater(ctx.store, [...entered, ...removed]);
  return 'incremental';
}

/** Recomputes the KR from Jira: its links and every descendant, read as the app. */
export async function recomputeKr(ctx: TriggerContext, kr: string, scope?: StoredScope): Promise<Outcome> {
  const reader = new PlanReader(ctx.store);
  if (await isFrozen(reader, kr)) return 'frozen';
  const stored = scope ?? (await readScope(ctx.store, kr));
  const plan = await effortKrPlan(reader, kr);
  if (!plan) return dropScope(ctx, kr, stored);
  const live = await fetchScope(ctx.source, plan);
  const items = live.items.map(withoutTitle);
  const links = new Set(linksOfKr(plan, kr));
  const report = evaluateKr(plan, kr, items, ctx.today);
  await writeScope(ctx.store, kr, { items, roots: items.filter((i) => links.has(i.ref)).map((i) => i.ref), missing: live.missing, at: ctx.today }, stored);
  await ctx.history.record([{ kr: report, whole: true }], ctx.today);
  // Memberships are compared with what is recorded, not with the old scope: a run that stopped
  // between writing the scope and the memberships is repaired here.
  const before = new Set(await membersOf(ctx.store, kr));
  const after = new Set(items.map((i) => i.ref));
  const entered = [...after].filter((ref) => !before.has(ref));
  const left = [...before].filter((ref) => !after.has(ref));
  await addMembers(ctx.store, kr, entered);
  await removeMembers(ctx.store, kr, left);
  await labelLater(ctx.store, [...entered, ...left]);
  return 'full';
}

/** The KR is gone or no longer counts work: its issues stop carrying it. */
export async function dropScope(ctx: TriggerContext, kr: string, scope: StoredScope | undefined): Promise<Outcome> {
  const members: WorkItemRef[] = await membersOf(ctx.store, kr);
  await removeMembers(ctx.store, kr, members);
  await labelLater(ctx.store, members);
  if (scope) await deleteScope(ctx.store, scope);
  return 'dropped';
}
