// The plan file's own rules for one part (core/plan/part-problems.ts), with each problem's path
// put under the payload field the part arrived in (`team.name`), as every use case reports them.
import { InvalidInputError, type Problem } from '../core/model/errors';
import { partProblems, type PlanPart } from '../core/plan/part-problems';

export function planRuleProblems(field: string, part: PlanPart): Problem[] {
  return partProblems(part).map((p) => ({ path: p.path ? `${field}.${p.path}` : field, message: p.message }));
}

export function throwIfAny(problems: Problem[]): void {
  if (problems.length) throw new InvalidInputError(problems);
}
