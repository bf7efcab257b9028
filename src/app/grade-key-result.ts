// A hand-set score and a reflection on a KR (SPEC §9). Grading is judging how the quarter went,
// so it is allowed once the KR's period is closed (its progress frozen), by the KR's owner or an
// admin; admins may also grade during the close review, in the same write as the close
// (closePeriod's `grades`). The objective document is rewritten at the version read, so two
// people grading KRs of one objective at once get a conflict, not a lost grade.
import { InvalidInputError } from '../core/model/errors';
import { applyGrade, gradeSchema } from './close-period';
import { C, type ObjectiveDoc } from './collections';
import { evaluateObjectives, keyResultOf } from './evaluate-objectives';
import { objectiveIndexes } from './plan-docs';
import { PlanReader } from './plan-reader';
import type { UseCase } from './use-case';

export const gradeKeyResult: UseCase<'gradeKeyResult'> = {
  input: gradeSchema,
  requires: { role: 'admin-or-owner', kr: (input) => input.kr },

  async run(ctx, input) {
    const reader = new PlanReader(ctx.store);
    const { objective } = await reader.requireKeyResult(input.kr);
    const period = await reader.period(objective.value.period);
    if (period?.closed === undefined) {
      const message = `cannot grade ${input.kr} yet: period ${objective.value.period} is not closed; grade it in the close review or once the period is closed`;
      throw new InvalidInputError([{ path: 'kr', message }], `period ${objective.value.period} is open`);
    }
    const doc: ObjectiveDoc = { ...objective.value, keyResults: objective.value.keyResults.map((kr) => (kr.id === input.kr ? applyGrade(kr, input) : kr)) };
    await ctx.store.put(C.objectives, objective.id, doc, { expected: objective.version, indexes: objectiveIndexes(doc) });
    const evaluation = await evaluateObjectives(ctx, new PlanReader(ctx.store), [objective.id], ctx.today());
    return keyResultOf(evaluation, input.kr);
  },
};
