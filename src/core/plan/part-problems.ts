// One part of a plan (a team, a period, an objective, a key result, a KPI) checked with the plan
// file's own rules and messages (SPEC §1), so a form in a surface and `okr lint` on a file say
// the same thing about the same mistake. The part is placed in a plan of its own and run through
// the plan schema and the reference rules; what depends on the rest of the plan (is this team
// known, does this alignment make a cycle) is left to the app, which has the stored plan.
import type { Problem } from '../model/errors';
import type { KeyResult, Kpi, Objective, Period, Team } from '../model/plan';
import { zodProblems } from '../validation/zod-problems';
import { referenceProblems } from './references';
import { planSchema } from './schema';

export type PlanPart =
  | { kind: 'team'; value: Partial<Team> }
  | { kind: 'period'; value: Partial<Period> }
  | { kind: 'objective'; value: Partial<Omit<Objective, 'keyResults'>> }
  | { kind: 'keyResult'; value: Partial<KeyResult> }
  | { kind: 'kpi'; value: Partial<Kpi> };

/** Fields that name another part of the plan: checked by the app against what is stored. */
const REFERENCES = new Set(['team', 'parent', 'period', 'aligns', 'kpiRef']);

/** Placeholder ids the part's own reference fields point at, so only its own rules speak. */
const PLACEHOLDER = { id: 'placeholder' } as const;

/**
 * Problems of the part, each with a path relative to it (`title`, `end`, `threshold`): the name
 * of the form field to show the message beside.
 */
export function partProblems(part: PlanPart): Problem[] {
  const { plan, prefix } = wrap(part);
  const parsed = planSchema.safeParse(plan);
  const problems = parsed.success ? referenceProblems(parsed.data) : zodProblems(planSchema, parsed.error.issues, plan);
  const out: Problem[] = [];
  for (const p of problems) {
    if (!p.path.startsWith(prefix)) continue;
    const path = p.path.slice(prefix.length).replace(/^\./, '');
    if (REFERENCES.has(path)) continue;
    out.push({ path, message: p.message });
  }
  return out;
}

function wrap(part: PlanPart): { plan: Record<string, unknown>; prefix: string } {
  const base = { okr: 1 };
  // Id-less parts are new: the app gives them an id, so a stand-in keeps `id` from being flagged.
  const withId = <T extends { id?: string | undefined }>(v: T) => ({ ...v, id: v.id === undefined || v.id === '' ? 'new' : v.id });
  switch (part.kind) {
    case 'team':
      return { plan: { ...base, teams: [withId(part.value)] }, prefix: 'teams[0]' };
    case 'period':
      return { plan: { ...base, periods: [part.value] }, prefix: 'periods[0]' };
    case 'objective':
      return { plan: { ...base, objectives: [{ ...withId(part.value), keyResults: [] }] }, prefix: 'objectives[0]' };
    case 'keyResult':
      return {
        plan: { ...base, objectives: [{ id: `${PLACEHOLDER.id}-o`, title: 'o', team: 't', period: 'p', keyResults: [withId(part.value)] }] },
        prefix: 'objectives[0].keyResults[0]',
      };
    case 'kpi':
      return { plan: { ...base, kpis: [withId(part.value)] }, prefix: 'kpis[0]' };
  }
}
