// Creates or replaces a KR inside its objective. A KR is part of its objective's document, so
// `expected` is the objective's version: two people editing KRs of one objective at once are
// told, rather than one silently undoing the other.
import { z } from 'zod';
import { measureSchema } from '../core/plan/measure-schema';
import { InvalidInputError, type Problem } from '../core/model/errors';
import type { KeyResult } from '../core/model/plan';
import type { Measure } from '../core/model/measure';
import type { WriteOp } from '../core/ports/document-store';
import type { KeyResultInput } from './api';
import { refuseIfClosed } from './closed-period';
import { C, type KeyResultIndexDoc, type ObjectiveDoc } from './collections';
import { evaluateObjectives, keyResultOf } from './evaluate-objectives';
import { newKeyResultId } from './new-id';
import { objectiveIndexes } from './plan-docs';
import { PlanReader } from './plan-reader';
import { assertNever } from '../core/model/assert-never';
import { holdsValues } from '../core/model/key-result-kind';
import type { UseCase } from './use-case';
import { finite, id, title } from './validate';

const weight = z.number().positive('weight must be above 0').refine(Number.isFinite, 'expected a finite number');

export const saveKeyResult: UseCase<'saveKeyResult'> = {
  input: z.strictObject({
    keyResult: z.strictObject({
      objective: id,
      id: id.optional(),
      title,
      type: z.enum(['outcome', 'effort'], { error: 'expected "outcome" (a measured number) or "effort" (progress from linked work)' }),
      start: finite.optional(),
      target: finite.optional(),
      unit: z.string().optional(),
      kpiRef: id.optional(),
      kpi: z.boolean().optional(),
      weight: weight.optional(),
      weighting: z.enum(['count', 'estimate']).optional(),
      owner: z.string().optional(),
      // Measured values (SPEC §8): the query that yields the value; null removes it, and no
      // `measure` at all keeps the stored one (callers that do not edit it, like the panel).
      measure: measureSchema.nullable().optional(),
    }),
    expected: z.string().min(1, 'must not be empty'),
  }),
  requires: { role: 'editor-or-owner', kr: (input) => input.keyResult.id },

  async run(ctx, { keyResult: input, expected }) {
    const reader = new PlanReader(ctx.store);
    const objective = await reader.requireObjective(input.objective);
    await refuseIfClosed(reader, objective.value.period, 'keyResult.objective', input.id === undefined ? `add a key result to ${objective.id}` : `edit ${input.id}`);
    const problems = shapeProblems(input);
    const existing = input.id === undefined ? undefined : objective.value.keyResults.find((k) => k.id === input.id);

    if (input.id !== undefined && !existing && (await reader.idTaken(input.id))) {
      problems.push({ path: 'keyResult.id', message: `"${input.id}" is already used by another objective, key result or KPI` });
    }
    if (input.kpiRef !== undefined && !(await reader.kpi(input.kpiRef))) {
      problems.push({ path: 'keyResult.kpiRef', message: `unknown KPI "${input.kpiRef}"` });
    }
    const keepsNoCheckIns = !holdsValues(input.type);
    if (existing && (keepsNoCheckIns || input.kpiRef !== undefined)) {
      // Check-ins only mean something on an outcome KR measured by hand (SPEC §1).
      const checkIns = await reader.checkInsOf(existing.id);
      if (checkIns.length) {
        problems.push({
          path: keepsNoCheckIns ? 'keyResult.type' : 'keyResult.kpiRef',
          message: `${existing.id} has ${checkIns.length} check-in(s), which ${keepsNoCheckIns ? `a KR of type "${input.type}"` : 'a KR measured by a KPI'} cannot keep`,
        });
      }
    }
    if (problems.length) throw new InvalidInputError(problems);

    const krId = existing?.id ?? input.id ?? (await newKeyResultId(reader, objective.value));
    const kr = toKeyResult(krId, input, existing);
    const keyResults = existing
      ? objective.value.keyResults.map((k) => (k.id === krId ? kr : k))
      : [...objective.value.keyResults, kr];
    const doc: ObjectiveDoc = { ...objective.value, keyResults };
    const ops: WriteOp[] = [{ kind: 'put', collection: C.objectives, id: objective.id, value: doc, expected, indexes: objectiveIndexes(doc) }];
    if (!existing) ops.push({ kind: 'put', collection: C.keyResults, id: krId, value: { objective: objective.id } satisfies KeyResultIndexDoc, expected: null });
    await ctx.store.batch(ops);

    const evaluation = await evaluateObjectives(ctx, new PlanReader(ctx.store), [objective.id], ctx.today());
    return keyResultOf(evaluation, krId);
  },
};

function shapeProblems(input: KeyResultInput): Problem[] {
  const problems: Problem[] = [];
  switch (input.type) {
    case 'effort':
      for (const field of ['start', 'target', 'unit', 'kpiRef', 'measure'] as const) {
        if (input[field] !== undefined && input[field] !== null) problems.push({ path: `keyResult.${field}`, message: 'only outcome KRs have this; an effort KR measures its linked work' });
      }
      break;
    case 'outcome':
      if (input.weighting !== undefined) problems.push({ path: 'keyResult.weighting', message: 'only effort KRs are weighted by count or estimate' });
      break;
    default:
      return assertNever(input.type);
  }
  // SPEC §8: a KR takes its value from a KPI or from a query, never both.
  if (input.type === 'outcome' && input.measure !== undefined && input.measure !== null && input.kpiRef !== undefined) {
    problems.push({ path: 'keyResult.measure', message: 'a KR measured by a KPI (kpiRef) takes its value from the KPI: remove `measure` or `kpiRef`' });
  }
  return problems;
}

/** The KR as stored; `links: []`/`checkIns: []` markers of an imported plan are kept. */
function toKeyResult(krId: string, input: KeyResultInput, existing: KeyResult | undefined): KeyResult {
  const owner = input.owner?.trim();
  const common = {
    id: krId,
    title: input.title,
    ...(owner ? { owner } : {}),
    ...(input.weight !== undefined ? { weight: input.weight } : {}),
    ...(input.kpi !== undefined ? { kpi: input.kpi } : {}),
    ...(existing?.links ? { links: existing.links } : {}),
  };
  switch (input.type) {
    case 'effort':
      return { ...common, type: 'effort', ...(input.weighting !== undefined ? { weighting: input.weighting } : {}) };
    case 'outcome':
      return {
        ...common,
        type: 'outcome',
        ...(input.start !== undefined ? { start: input.start } : {}),
        ...(input.target !== undefined ? { target: input.target } : {}),
        ...(input.unit !== undefined ? { unit: input.unit } : {}),
        ...(input.kpiRef !== undefined ? { kpiRef: input.kpiRef } : {}),
        ...measureOf(input, existing),
        ...(existing?.type === 'outcome' && existing.checkIns ? { checkIns: existing.checkIns } : {}),
      };
    default:
      return assertNever(input.type);
  }
}

/**
 * §8: a sent `measure` is the form's word (null removes it); none sent keeps the stored one,
 * unless the KR now follows a KPI, which gives it its value instead.
 */
function measureOf(input: KeyResultInput, existing: KeyResult | undefined): { measure?: Measure } {
  if (input.measure === null) return {};
  if (input.measure !== undefined) return { measure: input.measure };
  if (existing?.type === 'outcome' && existing.measure && input.kpiRef === undefined) return { measure: existing.measure };
  return {};
}
