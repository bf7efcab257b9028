// Effort KR scopes read live through the WorkItemSource, then evaluated by the core. One
// getItems for every link and one getDescendants for every visible effort link, whatever the
// number of KRs: the adapters batch each call into as few tracker requests as the API allows.
import type { IsoDate } from '../core/model/dates';
import type { Plan } from '../core/model/plan';
import type { WorkItem, WorkItemRef } from '../core/model/work-item';
import type { WorkItemSource } from '../core/ports/work-item-source';
import { evaluate } from '../core/report/evaluate';
import type { Report } from '../core/report/types';

export interface LiveScope {
  /** Linked items the viewer may see, and all their visible descendants, each once. */
  items: WorkItem[];
  /** Links that name nothing the viewer may see. */
  missing: WorkItemRef[];
}

/**
 * Reads the items behind these plan's links. Descendants are fetched only under visible links
 * of effort KRs (outcome KR links are shown, never counted: SPEC §1), and only through visible
 * parents, so an item hidden from the viewer never enters a scope.
 */
export async function fetchScope(source: WorkItemSource, plan: Plan, known: readonly WorkItem[] = []): Promise<LiveScope> {
  const all = new Set<WorkItemRef>();
  const effort = new Set<WorkItemRef>();
  // A KR of a closed period is frozen (SPEC §9): its scope no longer counts, so it is not read.
  const closed = new Set(plan.periods.filter((p) => p.closed !== undefined).map((p) => p.id));
  for (const o of plan.objectives) {
    for (const kr of o.keyResults) {
      for (const ref of kr.links ?? []) {
        all.add(ref);
        if (kr.type === 'effort' && !closed.has(o.period)) effort.add(ref);
      }
    }
  }
  if (all.size === 0) return { items: [], missing: [] };
  // Items this request already read (the panel's item and its ancestors) are not read again.
  const knownByRef = new Map(known.map((i) => [i.ref, i]));
  const reused = [...all].flatMap((ref) => knownByRef.get(ref) ?? []);
  const toRead = [...all].filter((ref) => !knownByRef.has(ref));
  const read = toRead.length ? await source.getItems(toRead) : { items: [], missing: [] };
  const items = [...reused, ...read.items];
  const { missing } = read;
  const roots = items.filter((i) => effort.has(i.ref)).map((i) => i.ref);
  const descendants = roots.length ? await source.getDescendants(roots) : [];
  const byRef = new Map<WorkItemRef, WorkItem>();
  for (const item of [...items, ...descendants]) if (!byRef.has(item.ref)) byRef.set(item.ref, item);
  return { items: [...byRef.values()], missing };
}

export interface LiveEvaluation {
  report: Report;
  /** The plan as the viewer may see it: its work items those read live, links only to those. */
  plan: Plan;
  scope: LiveScope;
  /** KRs with a link the viewer could not read: their numbers are this viewer's, not the KR's. */
  partial: ReadonlySet<string>;
}

export async function evaluateLive(source: WorkItemSource, plan: Plan, at: IsoDate, known: readonly WorkItem[] = []): Promise<LiveEvaluation> {
  const scope = await fetchScope(source, plan, known);
  const { plan: live, partial } = visiblePlan(plan, scope);
  return { report: withholdFrozenCounts(evaluate(live, at)), plan: live, scope, partial };
}

/**
 * A closed effort KR's frozen unit counts were counted over its whole scope at the close, which
 * may hold items this viewer may not see; a count of hidden items must not reach them (issue 8),
 * so the apps show its frozen progress and score and withhold the counts, as for a stale scope.
 */
export function withholdFrozenCounts(report: Report): Report {
  return {
    ...report,
    keyResults: report.keyResults.map((kr) =>
      kr.type === 'effort' && kr.closed !== undefined
        ? { ...kr, units: { done: 0, total: 0 }, countsWithheld: true as const, explanation: { ...kr.explanation, units: [], cancelled: [], doneWeight: kr.progress, totalWeight: 1 } }
        : kr,
    ),
  };
}

/**
 * The plan as this viewer may see it (finding 4 of issue 8): a link the viewer cannot read is
 * left out altogether, so its key never reaches them through a KR's `links`, its unknown links or
 * a lint about it. A link that names nothing is indistinguishable from a hidden one (the tracker
 * answers the same), so it is left out too; imports refuse such links up front instead.
 */
export function visiblePlan(plan: Plan, scope: LiveScope): { plan: Plan; partial: Set<string> } {
  const hidden = new Set(scope.missing);
  const partial = new Set<string>();
  const objectives = plan.objectives.map((o) => ({
    ...o,
    keyResults: o.keyResults.map((kr) => {
      if (kr.links === undefined) return kr;
      const links = kr.links.filter((ref) => !hidden.has(ref));
      if (links.length === kr.links.length) return kr;
      partial.add(kr.id);
      return { ...kr, links };
    }),
  }));
  return { plan: { ...plan, objectives, workItems: scope.items }, partial };
}
