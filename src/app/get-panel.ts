// The OKR panel of one work item (an epic in Jira, a work item form in ADO): the KRs linked to
// the item or to any of its ancestors, each evaluated live with its objective's chain up to the
// top, and what this item's own subtree contributes to each.
import { z } from 'zod';
import { NotFoundError } from '../core/model/errors';
import type { WorkItem, WorkItemRef } from '../core/model/work-item';
import type { WorkItemSource } from '../core/ports/work-item-source';
import type { KeyResultReport } from '../core/report/types';
import type { ChainLink, PanelKeyResult } from './api';
import { keyResultOf, objectiveOf } from './evaluate-objectives';
import type { LiveEvaluation } from './live-scope';
import { PlanReader, type ChainStep } from './plan-reader';
import { evaluateObjectivesOrStale } from './stale-evaluation';
import { viewer } from './permissions';
import type { UseCase } from './use-case';
import { isoDate, ref } from './validate';

/** Hierarchies deeper than this are a data error (a cycle the tracker let through). */
const MAX_DEPTH = 50;

export const getPanel: UseCase<'getPanel'> = {
  input: z.strictObject({ ref, at: isoDate.optional() }),
  requires: viewer,

  async run(ctx, { ref: itemRef, at }) {
    const day = at ?? ctx.today();
    const { items } = await ctx.source.getItems([itemRef]);
    const item = items.find((i) => i.ref === itemRef);
    if (!item) throw new NotFoundError('work item', itemRef);
    const ancestors = await ancestorsOf(ctx.source, item);

    const reader = new PlanReader(ctx.store);
    // Nearest first, so a KR linked both to the item and to its epic says "linked here".
    const via = new Map<string, WorkItemRef>();
    const path = [item, ...ancestors];
    const linkLists = await Promise.all(path.map((i) => reader.linksTo(i.ref)));
    path.forEach((it, i) => {
      for (const link of linkLists[i] ?? []) if (!via.has(link.value.kr)) via.set(link.value.kr, it.ref);
    });

    const objectiveOfKr = new Map<string, string>();
    await Promise.all(
      [...via.keys()].map(async (kr) => {
        const objective = await reader.objectiveOfKr(kr);
        if (objective !== undefined) objectiveOfKr.set(kr, objective);
      }),
    );
    const chains = new Map<string, ChainStep[]>();
    for (const objective of new Set(objectiveOfKr.values())) chains.set(objective, await reader.chain(objective));
    const involved = new Set([...chains.values()].flat().map((s) => s.objective));
    if (involved.size === 0) return { item, ancestors, keyResults: [], at: day };

    const { evaluation, stale } = await evaluateObjectivesOrStale(ctx, reader, involved, day, path);
    const teamNames = new Map((await reader.teams()).map((t) => [t.id, t.name]));
    const parents = new Map(evaluation.scope.items.map((i) => [i.ref, i.parent]));
    parents.set(item.ref, item.parent);

    const keyResults: PanelKeyResult[] = [];
    for (const [kr, objectiveId] of objectiveOfKr) {
      const report = keyResultOf(evaluation, kr);
      const entry: PanelKeyResult = {
        kr: report,
        objective: objectiveOf(evaluation, objectiveId),
        chain: (chains.get(objectiveId) ?? []).map((step) => chainLink(step, evaluation, teamNames)),
        via: via.get(kr) as WorkItemRef,
      };
      // A stale report has no units to find this item's share in.
      const contribution = stale ? undefined : contributionOf(report, item.ref, parents);
      if (contribution) entry.contribution = contribution;
      // Cadence (SPEC §7): the panel marks a KR that needs a check-in, in the lint's words.
      const due = evaluation.report.lints.find((l) => l.code === 'stale-check-in' && l.subject === kr);
      if (due) entry.needsUpdate = due.message;
      keyResults.push(entry);
    }
    // Nearest link first, then in plan order.
    const depth = new Map(path.map((p, i) => [p.ref, i]));
    const order = new Map(evaluation.report.keyResults.map((k, i) => [k.id, i]));
    keyResults.sort((a, b) => (depth.get(a.via) ?? 0) - (depth.get(b.via) ?? 0) || (order.get(a.kr.id) ?? 0) - (order.get(b.kr.id) ?? 0));
    return { item, ancestors, keyResults, at: day, ...(stale ? { stale: true } : {}) };
  },
};

/** Parents up to the top, nearest first, stopping at the first one the viewer may not see. */
async function ancestorsOf(source: WorkItemSource, item: WorkItem): Promise<WorkItem[]> {
  const out: WorkItem[] = [];
  const seen = new Set([item.ref]);
  let parent = item.parent;
  while (parent !== undefined && !seen.has(parent) && out.length < MAX_DEPTH) {
    seen.add(parent);
    const { items } = await source.getItems([parent]);
    const found = items.find((i) => i.ref === parent);
    if (!found) break;
    out.push(found);
    parent = found.parent;
  }
  return out;
}

function chainLink(step: ChainStep, evaluation: LiveEvaluation, teamNames: ReadonlyMap<string, string>): ChainLink {
  const objective = objectiveOf(evaluation, step.objective);
  const teamName = teamNames.get(objective.team) ?? objective.team;
  if (step.kind === 'objective') {
    return { id: objective.id, title: objective.title, team: objective.team, teamName, kind: 'objective', progress: objective.progress, status: objective.status };
  }
  const kr = keyResultOf(evaluation, step.id);
  return { id: kr.id, title: kr.title, team: objective.team, teamName, kind: 'key-result', progress: kr.progress, status: kr.status };
}

/** The units of an effort KR that lie in this item's own subtree (the item itself included). */
function contributionOf(
  kr: KeyResultReport,
  itemRef: WorkItemRef,
  parents: ReadonlyMap<WorkItemRef, WorkItemRef | undefined>,
): { done: number; total: number } | undefined {
  if (kr.type !== 'effort') return undefined;
  let done = 0;
  let total = 0;
  for (const unit of kr.explanation.units) {
    if (!isWithin(unit.ref, itemRef, parents)) continue;
    total++;
    if (unit.done) done++;
  }
  return { done, total };
}

function isWithin(ref: WorkItemRef, root: WorkItemRef, parents: ReadonlyMap<WorkItemRef, WorkItemRef | undefined>): boolean {
  let cur: WorkItemRef | undefined = ref;
  for (let steps = 0; cur !== undefined && steps <= MAX_DEPTH; steps++) {
    if (cur === root) return true;
    cur = parents.get(cur);
  }
  return false;
}
