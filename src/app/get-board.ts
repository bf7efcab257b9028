// The alignment board for portfolio managers: teams → objectives → KRs with progress and
// status, filtered, with the doctrine lints as a coach list.
import { matchesSearch } from '../core/model/search-text';
import { z } from 'zod';
import type { KeyResultReport, Lint, ObjectiveReport } from '../core/report/types';
import type { BoardFilters, BoardTeam } from './api';
import { observed } from './evaluate-objectives';
import { evaluateLive } from './live-scope';
import { loadPlan } from './load-plan';
import { teamSubtree, treeOrder } from '../core/model/team-tree';
import { lineageOf } from './lineage';
import { viewer } from './permissions';
import type { UseCase } from './use-case';
import { id, isoDate } from './validate';

const STATUSES = ['not-started', 'on-track', 'at-risk', 'off-track', 'done', 'closed'] as const;

export const getBoard: UseCase<'getBoard'> = {
  input: z.strictObject({
    period: id.optional(),
    team: id.optional(),
    status: z.enum(STATUSES, { error: `expected one of ${STATUSES.join(', ')}` }).optional(),
    owner: z.string().trim().min(1, 'must not be empty').optional(),
    text: z.string().optional(),
    at: isoDate.optional(),
  }),
  requires: viewer,

  async run(ctx, input) {
    const at = input.at ?? ctx.today();
    const { plan, objectiveVersions } = await loadPlan(ctx.store);
    const evaluation = await evaluateLive(ctx.source, plan, at);
    const { report } = evaluation;
    if (at === ctx.today()) await ctx.history.record(observed(evaluation), at);

    const krs = new Map(report.keyResults.map((k) => [k.id, k]));
    const filtered = hasFilters(input);
    const teamScope = input.team === undefined ? undefined : teamSubtree(plan.teams, input.team);
    const shown = report.objectives.filter((o) => matches(o, input, teamScope, krs));

    const byTeam = new Map<string, BoardTeam['objectives']>();
    for (const o of shown) {
      const list = byTeam.get(o.team) ?? [];
      list.push({ ...o, version: objectiveVersions.get(o.id) ?? '' });
      byTeam.set(o.team, list);
    }
    const teams: BoardTeam[] = treeOrder(plan.teams)
      .filter((t) => !filtered || byTeam.has(t.id))
      .map((t) => ({ id: t.id, name: t.name, ...(t.parent !== undefined ? { parent: t.parent } : {}), objectives: byTeam.get(t.id) ?? [] }));

    const keyResults: Record<string, KeyResultReport> = {};
    for (const o of shown) for (const kr of o.keyResults) keyResults[kr] = krs.get(kr) as KeyResultReport;

    const owners = new Set<string>();
    for (const o of plan.objectives) {
      if (o.owner) owners.add(o.owner);
      for (const kr of o.keyResults) if (kr.owner) owners.add(kr.owner);
    }
    return {
      at,
      periods: plan.periods.map(({ id: pid, start, end, closed }) => ({ id: pid, start, end, ...(closed !== undefined ? { closed } : {}) })),
      teams,
      keyResults,
      lints: filtered ? lintsAbout(report.lints, shown, teams, keyResults) : report.lints,
      owners: [...owners].sort(),
      lineage: lineageOf(plan, report, Object.keys(keyResults)),
    };
  },
};

function hasFilters(f: BoardFilters): boolean {
  return f.period !== undefined || f.team !== undefined || f.status !== undefined || f.owner !== undefined || !!f.text?.trim();
}

function matches(o: ObjectiveReport, f: BoardFilters, teams: ReadonlySet<string> | undefined, krs: ReadonlyMap<string, KeyResultReport>): boolean {
  if (f.period !== undefined && o.period !== f.period) return false;
  if (teams && !teams.has(o.team)) return false;
  if (f.status !== undefined && o.status !== f.status) return false;
  const mine = o.keyResults.map((k) => krs.get(k)).filter((k) => k !== undefined);
  if (f.owner !== undefined && o.owner !== f.owner && !mine.some((k) => k.owner === f.owner)) return false;
  const text = f.text?.trim();
  if (text && !matchesSearch([o.id, o.title, ...mine.flatMap((k) => [k.id, k.title])].join('\n'), text)) return false;
  return true;
}

/** With filters on, the coach speaks only about what is on screen. */
function lintsAbout(lints: readonly Lint[], shown: readonly ObjectiveReport[], teams: readonly BoardTeam[], krs: Record<string, KeyResultReport>): Lint[] {
  const subjects = new Set<string>([...shown.map((o) => o.id), ...teams.map((t) => t.id), ...Object.keys(krs)]);
  for (const kr of Object.values(krs)) {
    for (const ref of kr.links) subjects.add(ref);
    if (kr.type === 'effort') for (const u of kr.explanation.units) subjects.add(u.ref);
  }
  return lints.filter((l) => subjects.has(l.subject));
}
