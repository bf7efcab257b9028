// Creates (`expected: null`) or updates a KPI definition. Readings are recorded separately
// (recordReading) and are kept when the definition changes.
import { z } from 'zod';
import { InvalidInputError, NotFoundError, type Problem } from '../core/model/errors';
import { kpiSchema } from '../core/plan/schema';
import { measureSchema } from '../core/plan/measure-schema';
import { C, type KpiDoc } from './collections';
import { listAll } from './list-all';
import { newKpiId } from './new-id';
import { planRuleProblems } from './part-problems';
import { PlanReader } from './plan-reader';
import { kpiReport } from './record-reading';
import { editor } from './permissions';
import type { UseCase } from './use-case';
import { id } from './validate';

export const saveKpi: UseCase<'saveKpi'> = {
  input: z.strictObject({
    // The plan file's KPI, less what is recorded elsewhere (readings); the id is optional
    // because a new KPI gets one.
    // `measure` (SPEC §8): null removes it; none keeps the stored one, as for `owner`.
    kpi: kpiSchema.omit({ readings: true }).extend({ id: id.optional(), measure: measureSchema.nullable().optional() }),
    expected: z.string().min(1, 'must not be empty').nullable(),
  }),
  requires: editor,

  async run(ctx, { kpi: input, expected }) {
    const reader = new PlanReader(ctx.store);
    let current: KpiDoc | undefined;
    const problems: Problem[] = [];
    if (expected !== null) {
      if (input.id === undefined) throw new InvalidInputError([{ path: 'kpi.id', message: 'required to update a KPI' }]);
      const stored = await reader.kpi(input.id);
      if (!stored) throw new NotFoundError('KPI', input.id);
      current = stored.value;
    } else if (input.id !== undefined && !(await reader.kpi(input.id)) && (await reader.idTaken(input.id))) {
      problems.push({ path: 'kpi.id', message: `"${input.id}" is already the id of an objective or key result` });
    }
    if (input.team !== undefined && !(await reader.teams()).some((t) => t.id === input.team)) {
      problems.push({ path: 'kpi.team', message: `unknown team "${input.team}"` });
    }
    // The plan file's own rules and messages (a guardrail on the wrong side of the target).
    const { measure: sentMeasure, ...defined } = input;
    const measure = sentMeasure === null ? undefined : (sentMeasure ?? current?.measure);
    problems.push(...planRuleProblems('kpi', { kind: 'kpi', value: { ...defined, ...(measure ? { measure } : {}) } }));
    if (problems.length) throw new InvalidInputError(problems);

    let order = current?.order;
    if (order === undefined) order = (await listAll<KpiDoc>(ctx.store, C.kpis)).reduce((max, d) => Math.max(max, d.value.order + 1), 0);
    const kpiId = input.id ?? (await newKpiId(reader, input.title));
    const { id: _id, unit, target, threshold, frequency, source, team, owner, ...rest } = defined;
    const doc: KpiDoc = {
      id: kpiId,
      ...rest,
      ...(unit ? { unit } : {}),
      ...(target !== undefined ? { target } : {}),
      ...(threshold !== undefined ? { threshold } : {}),
      ...(frequency !== undefined ? { frequency } : {}),
      ...(source?.trim() ? { source: source.trim() } : {}),
      // No owner in the payload keeps the stored one; an empty one clears it.
      ...(ownerOf(owner, current?.owner) !== undefined ? { owner: ownerOf(owner, current?.owner) } : {}),
      ...(team !== undefined ? { team } : {}),
      ...(measure ? { measure } : {}),
      ...(current?.readings ? { readings: current.readings } : {}),
      order,
    };
    await ctx.store.put(C.kpis, kpiId, doc, { expected });
    return kpiReport(new PlanReader(ctx.store), kpiId, ctx.today());
  },
};

function ownerOf(input: string | undefined, stored: string | undefined): string | undefined {
  if (input === undefined) return stored;
  return input.trim() || undefined;
}
