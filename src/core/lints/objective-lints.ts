// The doctrine on objectives and key results (SPEC §3): 3–5 measurable KRs per objective,
// at most 5 objectives per team and period, alignment for teams that have a parent.
import type { Lint } from '../report/types';
import type { LintRule } from './context';

export const objectiveWithoutKrs: LintRule = ({ plan }) =>
  plan.objectives
    .filter((o) => o.keyResults.length === 0)
    .map((o) => ({
      code: 'objective-without-krs',
      severity: 'error',
      subject: o.id,
      message: `Objective "${o.title}" has no key results: add 3–5 measurable results that would show it is achieved.`,
    }));

export const krCount: LintRule = ({ plan }) =>
  plan.objectives.flatMap((o): Lint[] => {
    const n = o.keyResults.length;
    if (n === 0 || (n >= 3 && n <= 5)) return [];
    const advice = n < 3 ? 'add key results until 3–5 measurable results describe success' : 'keep the 3–5 that matter most and move the rest to another objective or drop them';
    return [{ code: 'kr-count', severity: 'warning', subject: o.id, message: `Objective "${o.title}" has ${n} key result${n === 1 ? '' : 's'}; ${advice}.` }];
  });

export const outcomeKrWithoutTarget: LintRule = ({ plan }) =>
  plan.objectives.flatMap((o) =>
    o.keyResults.flatMap((kr): Lint[] => {
      if (kr.type !== 'outcome') return [];
      const missing = [kr.start === undefined && 'start', kr.target === undefined && 'target'].filter(Boolean);
      if (missing.length === 0 && kr.start !== kr.target) return [];
      const message = missing.length
        ? `Key result "${kr.title}" has no ${missing.join(' or ')}: set where the number starts and where it must get to, or it cannot be scored.`
        : `Key result "${kr.title}" starts at its target (${String(kr.target)}): set a target that asks for a change.`;
      return [{ code: 'outcome-kr-without-target', severity: 'error', subject: kr.id, message }];
    }),
  );

export const effortKrWithoutWork: LintRule = ({ effort }) =>
  [...effort.values()]
    .filter((kr) => kr.units.total === 0)
    .map((kr) => ({
      code: 'effort-kr-without-work',
      severity: 'warning',
      subject: kr.id,
      message: `Effort key result "${kr.title}" has no work in scope: link the epics or work items that deliver it, or its progress stays at 0%.`,
    }));

export const tooManyObjectives: LintRule = ({ plan }) => {
  const counts = new Map<string, number>();
  for (const o of plan.objectives) counts.set(`${o.team}\u0000${o.period}`, (counts.get(`${o.team}\u0000${o.period}`) ?? 0) + 1);
  return [...counts].flatMap(([key, n]): Lint[] => {
    if (n <= 5) return [];
    const [team, period] = key.split('\u0000') as [string, string];
    return [{ code: 'too-many-objectives', severity: 'warning', subject: team, message: `Team ${team} has ${n} objectives in ${period}; focus on at most 5 and defer the rest.` }];
  });
};

export const orphanObjective: LintRule = ({ plan }) => {
  const parentOf = new Map(plan.teams.map((t) => [t.id, t.parent]));
  return plan.objectives
    .filter((o) => parentOf.get(o.team) !== undefined && (o.aligns === undefined || o.aligns === null))
    .map((o) => ({
      code: 'orphan-objective',
      severity: 'info',
      subject: o.id,
      message: `Objective "${o.title}" of team ${o.team} aligns to nothing: align it to an objective or key result of team ${String(parentOf.get(o.team))} so the board shows what it serves.`,
    }));
};
