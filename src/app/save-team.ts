// Creates (`expected: null`) or renames / re-parents a team. Teams are the plan's structure, so
// this is for admins, like importing the plan that would otherwise define them.
import { z } from 'zod';
import { NotFoundError, type Problem } from '../core/model/errors';
import type { Team } from '../core/model/plan';
import { referenceProblems } from '../core/plan/references';
import { emptyPlan } from '../core/model/plan';
import { C, type TeamDoc } from './collections';
import { listAll } from './list-all';
import { planRuleProblems, throwIfAny } from './part-problems';
import { admin } from './permissions';
import type { UseCase } from './use-case';
import { id, title } from './validate';

export const saveTeam: UseCase<'saveTeam'> = {
  input: z.strictObject({
    team: z.strictObject({ id: id.optional(), name: title, parent: id.optional() }),
    expected: z.string().min(1, 'must not be empty').nullable(),
  }),
  requires: admin,

  async run(ctx, { team: input, expected }) {
    const stored = await listAll<TeamDoc>(ctx.store, C.teams);
    const problems: Problem[] = planRuleProblems('team', { kind: 'team', value: input });
    let current: TeamDoc | undefined;
    if (expected !== null) {
      if (input.id === undefined) throwIfAny([{ path: 'team.id', message: 'required to update a team' }]);
      current = stored.find((d) => d.id === input.id)?.value;
      if (!current) throw new NotFoundError('team', input.id as string);
    }
    const teamId = input.id ?? newTeamId(input.name, new Set(stored.map((d) => d.id)));
    const team: Team = { id: teamId, name: input.name, ...(input.parent !== undefined ? { parent: input.parent } : {}) };
    // The plan file's rules over the teams as they would be: unknown parent, a parent cycle.
    const teams = current ? stored.map((d) => (d.id === teamId ? team : d.value)) : [...stored.map((d) => d.value), team];
    const at = teams.findIndex((t) => t.id === teamId);
    for (const p of referenceProblems({ ...emptyPlan(), teams: teams.map(({ id: i, name, parent }) => ({ id: i, name, ...(parent ? { parent } : {}) })) })) {
      if (p.path === `teams[${at}].parent`) problems.push({ path: 'team.parent', message: p.message });
      // A cycle is reported once, at one team of the loop (`a → b → a`): ours if this team is in it.
      else if (p.path.endsWith('.parent') && cycleOf(p.message).includes(teamId)) problems.push({ path: 'team.parent', message: p.message });
    }
    throwIfAny(problems);
    const order = current?.order ?? stored.reduce((max, d) => Math.max(max, d.value.order + 1), 0);
    const saved = await ctx.store.put<TeamDoc>(C.teams, teamId, { ...team, order }, { expected });
    return { ...team, version: saved.version };
  },
};

function newTeamId(name: string, taken: ReadonlySet<string>): string {
  const slug = name.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'team';
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? slug : `${slug}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The ids of a "team parents form a cycle: a → b → a" message. */
function cycleOf(message: string): string[] {
  const marker = 'form a cycle: ';
  const at = message.indexOf(marker);
  return at < 0 ? [] : message.slice(at + marker.length).split(' → ');
}
