// Creates (`expected: null`) or updates (`expected`: the version read) an objective. Its KRs
// are kept as they are; they are edited with saveKeyResult.
import { z } from 'zod';
import { InvalidInputError, NotFoundError, type Problem } from '../core/model/errors';
import { refuseIfClosed } from './closed-period';
import { C, type ObjectiveDoc } from './collections';
import { evaluateObjectives, objectiveOf } from './evaluate-objectives';
import { listAll } from './list-all';
import { newObjectiveId } from './new-id';
import { objectiveIndexes } from './plan-docs';
import { PlanReader } from './plan-reader';
import { editor } from './permissions';
import type { UseCase } from './use-case';
import { id, title } from './validate';

export const saveObjective: UseCase<'saveObjective'> = {
  input: z.strictObject({
    objective: z.strictObject({
      id: id.optional(),
      title,
      team: id,
      period: id,
      owner: z.string().optional(),
      aligns: id.nullable().optional(),
    }),
    expected: z.string().min(1, 'must not be empty').nullable(),
  }),
  requires: editor,

  async run(ctx, { objective: input, expected }) {
    const reader = new PlanReader(ctx.store);
    const problems: Problem[] = [];
    let current: ObjectiveDoc | undefined;
    let objectiveId = input.id;

    if (expected !== null) {
      if (objectiveId === undefined) throw new InvalidInputError([{ path: 'objective.id', message: 'required to update an objective' }]);
      const stored = await reader.objective(objectiveId);
      if (!stored) throw new NotFoundError('objective', objectiveId);
      current = stored.value;
    } else if (objectiveId !== undefined) {
      // An objective of that id means someone created it first: the store's conflict says so.
      // A KR or KPI of that id is a plain mistake.
      if (!(await reader.objective(objectiveId)) && (await reader.idTaken(objectiveId))) {
        problems.push({ path: 'objective.id', message: `"${objectiveId}" is already the id of a key result or KPI` });
      }
    }

    const [teams, period] = await Promise.all([reader.teams(), reader.period(input.period)]);
    const team = teams.find((t) => t.id === input.team);
    if (!team) problems.push({ path: 'objective.team', message: `unknown team "${input.team}"` });
    if (!period) problems.push({ path: 'objective.period', message: `unknown period "${input.period}"` });
    if (input.aligns != null) problems.push(...(await alignmentProblems(reader, input.aligns, objectiveId)));
    if (problems.length) throw new InvalidInputError(problems);
    // Issue 12: a closed period's KRs carry their frozen numbers; they may not move in or out of it.
    if (current && current.period !== input.period && current.keyResults.length > 0) {
      await refuseIfClosed(reader, current.period, 'objective.period', `move ${current.id} out of ${current.period}`);
      await refuseIfClosed(reader, input.period, 'objective.period', `move ${current.id} into ${input.period}`);
    }

    let order = current?.order;
    if (order === undefined) {
      const all = await listAll<ObjectiveDoc>(ctx.store, C.objectives);
      order = all.reduce((max, d) => Math.max(max, d.value.order + 1), 0);
      objectiveId ??= await newObjectiveId(reader, all.length);
    }
    const owner = input.owner?.trim();
    const doc: ObjectiveDoc = {
      id: objectiveId as string,
      title: input.title,
      team: input.team,
      period: input.period,
      ...(owner ? { owner } : {}),
      ...(input.aligns !== undefined ? { aligns: input.aligns } : {}),
      order,
      keyResults: current?.keyResults ?? [],
    };
    const saved = await ctx.store.put(C.objectives, doc.id, doc, { expected, indexes: objectiveIndexes(doc) });
    const evaluation = await evaluateObjectives(ctx, new PlanReader(ctx.store), [doc.id], ctx.today());
    return { ...objectiveOf(evaluation, doc.id), version: saved.version };
  },
};

/** `aligns` must name an objective or KR, and must not lead back to this objective. */
async function alignmentProblems(reader: PlanReader, aligns: string, self: string | undefined): Promise<Problem[]> {
  const isObjective = (await reader.objective(aligns)) !== undefined;
  const krOwner = isObjective ? undefined : await reader.objectiveOfKr(aligns);
  if (!isObjective && krOwner === undefined) return [{ path: 'objective.aligns', message: `unknown objective or key result "${aligns}"` }];
  if (self === undefined) return [];
  const chain = await reader.chain(isObjective ? aligns : (krOwner as string));
  if (chain.some((step) => step.objective === self)) {
    return [{ path: 'objective.aligns', message: `aligning to "${aligns}" would make a cycle: it already aligns, directly or not, to ${self}` }];
  }
  return [];
}
