// Focuses a KPI as a KR (seed 002: churn crept up to 11%, so a team makes "reduce churn" a key
// result for a period). The new outcome KR takes its value from the KPI's readings (`kpiRef`),
// so the team and the KPI readout always show the same number.
import { z } from 'zod';
import { InvalidInputError, type Problem } from '../core/model/errors';
import type { OutcomeKeyResult } from '../core/model/plan';
import { latestOnOrBefore } from '../core/evaluate/outcome';
import { refuseIfClosed } from './closed-period';
import { C, type KeyResultIndexDoc, type ObjectiveDoc } from './collections';
import { evaluateObjectives, keyResultOf } from './evaluate-objectives';
import { newKeyResultId } from './new-id';
import { PlanReader } from './plan-reader';
import { editor } from './permissions';
import type { UseCase } from './use-case';
import { finite, id, title } from './validate';

export const focusKpi: UseCase<'focusKpi'> = {
  input: z.strictObject({ kpi: id, objective: id, target: finite, title: title.optional(), start: finite.optional() }),
  requires: editor,

  async run(ctx, input) {
    const today = ctx.today();
    const reader = new PlanReader(ctx.store);
    const [kpiDoc, objective] = await Promise.all([reader.requireKpi(input.kpi), reader.requireObjective(input.objective)]);
    await refuseIfClosed(reader, objective.value.period, 'objective', `focus ${input.kpi} as a key result of ${objective.id}`);
    const kpi = await reader.hydratedKpi(kpiDoc.value);
    const problems: Problem[] = [];
    const start = input.start ?? latestOnOrBefore(kpi.readings, today)?.value;
    if (start === undefined) problems.push({ path: 'start', message: `${kpi.title} has no reading yet: give the value to start from` });
    else if (kpi.direction === 'down' && !(input.target < start)) {
      problems.push({ path: 'target', message: `lower ${kpi.title} is better: the target must be below the start (${start})` });
    } else if (kpi.direction === 'up' && !(input.target > start)) {
      problems.push({ path: 'target', message: `higher ${kpi.title} is better: the target must be above the start (${start})` });
    }
    const already = objective.value.keyResults.find((k) => k.type === 'outcome' && k.kpiRef === kpi.id);
    if (already) problems.push({ path: 'kpi', message: `${already.id} of this objective already focuses on ${kpi.title}` });
    if (problems.length || start === undefined) throw new InvalidInputError(problems);

    const unit = kpi.unit ?? '';
    const verb = kpi.direction === 'down' ? 'Reduce' : 'Increase';
    const kr: OutcomeKeyResult = {
      id: await newKeyResultId(reader, objective.value),
      title: input.title ?? `${verb} ${lowerFirst(kpi.title)} from ${start}${unit} to ${input.target}${unit}`,
      type: 'outcome',
      start,
      target: input.target,
      ...(kpi.unit !== undefined ? { unit: kpi.unit } : {}),
      kpiRef: kpi.id,
    };
    const doc: ObjectiveDoc = { ...objective.value, keyResults: [...objective.value.keyResults, kr] };
    await ctx.store.batch([
      { kind: 'put', collection: C.objectives, id: objective.id, value: doc, expected: objective.version, indexes: { team: doc.team, period: doc.period } },
      { kind: 'put', collection: C.keyResults, id: kr.id, value: { objective: objective.id } satisfies KeyResultIndexDoc, expected: null },
    ]);
    const evaluation = await evaluateObjectives(ctx, new PlanReader(ctx.store), [objective.id], today);
    return keyResultOf(evaluation, kr.id);
  },
};

/** "Monthly churn rate" → "monthly churn rate", keeping acronyms such as "(DORA)". */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? `${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
}
