// Referential rules of a plan (SPEC §1) that a shape schema cannot say: unique ids, known
// teams/periods/objectives/KRs/KPIs, and no cycles in `aligns`, team parents or work item parents.
import { daysOf } from '../model/dates';
import type { Plan } from '../model/plan';
import type { Problem } from '../model/errors';
import { closest } from '../validation/closest';
import { closeProblems } from './close-references';

export function referenceProblems(plan: Plan): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  const periodIds = uniqueIds(plan.periods, 'periods', 'period', add);
  const teamIds = uniqueIds(plan.teams, 'teams', 'team', add);

  plan.periods.forEach((p, i) => {
    if (daysOf(p.end) < daysOf(p.start)) add(`periods[${i}].end`, `ends (${p.end}) before it starts (${p.start})`);
  });

  // Objectives, key results and KPIs share one namespace: `aligns` may name an objective or a
  // KR, and KRs marked `kpi` are listed among the KPIs under their own id.
  const owners = new Map<string, string>();
  const claim = (id: string, path: string) => {
    const first = owners.get(id);
    if (first !== undefined) add(path, `duplicate id "${id}" (already used at ${first}); ids of objectives, key results and KPIs must be unique`);
    else owners.set(id, path);
  };
  const objectiveOfKr = new Map<string, string>();
  plan.objectives.forEach((o, i) => {
    claim(o.id, `objectives[${i}].id`);
    o.keyResults.forEach((kr, j) => {
      claim(kr.id, `objectives[${i}].keyResults[${j}].id`);
      objectiveOfKr.set(kr.id, o.id);
    });
  });
  const kpiIds = new Set<string>();
  plan.kpis.forEach((k, i) => {
    claim(k.id, `kpis[${i}].id`);
    kpiIds.add(k.id);
  });
  const objectiveIds = new Set(plan.objectives.map((o) => o.id));

  plan.teams.forEach((t, i) => {
    if (t.parent !== undefined && !teamIds.has(t.parent)) add(`teams[${i}].parent`, unknown('team', t.parent, teamIds));
  });
  plan.objectives.forEach((o, i) => {
    const at = `objectives[${i}]`;
    if (!teamIds.has(o.team)) add(`${at}.team`, unknown('team', o.team, teamIds));
    if (!periodIds.has(o.period)) add(`${at}.period`, unknown('period', o.period, periodIds));
    if (o.aligns != null && !objectiveIds.has(o.aligns) && !objectiveOfKr.has(o.aligns)) {
      add(`${at}.aligns`, unknown('objective or key result', o.aligns, new Set([...objectiveIds, ...objectiveOfKr.keys()])));
    }
    o.keyResults.forEach((kr, j) => {
      if (kr.type !== 'outcome' || kr.kpiRef === undefined) return;
      const krAt = `${at}.keyResults[${j}]`;
      if (!kpiIds.has(kr.kpiRef)) add(`${krAt}.kpiRef`, unknown('KPI', kr.kpiRef, kpiIds));
      if (kr.checkIns?.length) {
        add(`${krAt}.checkIns`, `this KR takes its value from KPI "${kr.kpiRef}" (kpiRef); record readings on that KPI instead of check-ins`);
      }
      if (kr.measure !== undefined) {
        add(`${krAt}.measure`, `this KR takes its value from KPI "${kr.kpiRef}" (kpiRef); measure that KPI instead, or remove kpiRef`);
      }
    });
  });
  plan.kpis.forEach((k, i) => {
    if (k.team !== undefined && !teamIds.has(k.team)) add(`kpis[${i}].team`, unknown('team', k.team, teamIds));
    if (k.target !== undefined && k.threshold !== undefined) {
      const wrongSide = k.direction === 'down' ? k.threshold < k.target : k.threshold > k.target;
      if (wrongSide) {
        add(`kpis[${i}].threshold`, `a guardrail lies on the bad side of the target: for direction "${k.direction}" it must be ${k.direction === 'down' ? 'at or above' : 'at or below'} ${k.target}`);
      }
    }
  });

  const refIndex = new Map<string, number>();
  plan.workItems.forEach((w, i) => {
    const first = refIndex.get(w.ref);
    if (first !== undefined) add(`workItems[${i}].ref`, `duplicate work item "${w.ref}" (already at workItems[${first}])`);
    else refIndex.set(w.ref, i);
  });

  // Cycles. Each node has at most one parent, so following parents from every node finds them all.
  const teamIndex = new Map(plan.teams.map((t, i) => [t.id, i]));
  findCycles(plan.teams.map((t) => t.id), (id) => plan.teams[teamIndex.get(id) ?? -1]?.parent, (cycle) =>
    add(`teams[${teamIndex.get(cycle[0] as string)}].parent`, `team parents form a cycle: ${cycle.join(' → ')}`));

  // A KR's parent is its objective; an objective's parent is what it aligns to.
  const objIndex = new Map(plan.objectives.map((o, i) => [o.id, i]));
  const alignParent = (id: string) => objectiveOfKr.get(id) ?? plan.objectives[objIndex.get(id) ?? -1]?.aligns ?? undefined;
  findCycles([...objectiveIds, ...objectiveOfKr.keys()], alignParent, (cycle) => {
    const first = cycle.find((id) => objIndex.has(id)) as string;
    add(`objectives[${objIndex.get(first)}].aligns`, `alignment forms a cycle: ${cycle.join(' → ')}`);
  });

  // Work items: positions are already known, so walk the parent array directly (100k+ items).
  const itemParents = plan.workItems.map((w) => (w.parent === undefined ? -1 : (refIndex.get(w.parent) ?? -1)));
  walkCycles(itemParents, (cycle) => {
    const refs = cycle.map((i) => plan.workItems[i]?.ref as string);
    add(`workItems[${cycle[0]}].parent`, `work item parents form a cycle: ${refs.join(' → ')}`);
  });

  problems.push(...closeProblems(plan));
  return problems;
}

function uniqueIds(items: readonly { id: string }[], path: string, what: string, add: (p: string, m: string) => void): Set<string> {
  const seen = new Set<string>();
  items.forEach((it, i) => {
    if (seen.has(it.id)) add(`${path}[${i}].id`, `duplicate ${what} id "${it.id}"`);
    seen.add(it.id);
  });
  return seen;
}

function unknown(what: string, id: string, known: ReadonlySet<string>): string {
  const hint = closest(id, known);
  const list = known.size === 0 ? 'none are defined' : hint ? `did you mean "${hint}"?` : `known: ${[...known].slice(0, 8).join(', ')}${known.size > 8 ? ', …' : ''}`;
  return `unknown ${what} "${id}" (${list})`;
}

/** Calls `report` once per cycle of ids, closed on the first (`A → B → A`). */
function findCycles(nodes: readonly string[], parentOf: (id: string) => string | undefined, report: (cycle: string[]) => void): void {
  const position = new Map<string, number>();
  nodes.forEach((id, i) => position.set(id, i));
  const parents = nodes.map((id) => {
    const p = parentOf(id);
    return p === undefined ? -1 : (position.get(p) ?? -1);
  });
  walkCycles(parents, (cycle) => report(cycle.map((i) => nodes[i] as string)));
}

/**
 * Each node has at most one parent (-1: none), so one walk up from every node finds every cycle;
 * `report` gets each cycle's positions closed on the first. Typed-array state: plans carry 100k+ items.
 */
function walkCycles(parents: readonly number[], report: (cycle: number[]) => void): void {
  const VISITING = 1;
  const DONE = 2;
  const state = new Uint8Array(parents.length);
  const path: number[] = [];
  for (let start = 0; start < parents.length; start++) {
    path.length = 0;
    let cur = start;
    while (cur !== -1 && state[cur] === 0) {
      state[cur] = VISITING;
      path.push(cur);
      cur = parents[cur] as number;
    }
    if (cur !== -1 && state[cur] === VISITING) report([...path.slice(path.indexOf(cur)), cur]);
    for (const i of path) state[i] = DONE;
  }
}

