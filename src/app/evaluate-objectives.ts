// Evaluates a few objectives with their scopes read live, and hands the host's history recorder
// what it observed when the evaluation is for today (a view of the past must not rewrite history).
import type { IsoDate } from '../core/model/dates';
import type { WorkItem } from '../core/model/work-item';
import type { KeyResultReport, ObjectiveReport } from '../core/report/types';
import type { AppContext } from './context';
import { evaluateLive, type LiveEvaluation } from './live-scope';
import type { ObservedKeyResult } from './history';
import type { PlanReader } from './plan-reader';

export async function evaluateObjectives(
  ctx: AppContext,
  reader: PlanReader,
  objectiveIds: Iterable<string>,
  at: IsoDate,
  /** Items already read in this call, reused instead of read again. */
  known: readonly WorkItem[] = [],
): Promise<LiveEvaluation> {
  const plan = await reader.partialPlan(objectiveIds);
  const evaluation = await evaluateLive(ctx.source, plan, at, known);
  if (at === ctx.today()) await ctx.history.record(observed(evaluation), at);
  return evaluation;
}

export function keyResultOf(evaluation: LiveEvaluation, kr: string): KeyResultReport {
  const found = evaluation.report.keyResults.find((k) => k.id === kr);
  // The caller evaluated the KR's own objective; absence would be a bug, not a user error.
  if (!found) throw new Error(`key result ${kr} was not evaluated`);
  return found;
}

export function objectiveOf(evaluation: LiveEvaluation, id: string): ObjectiveReport {
  const found = evaluation.report.objectives.find((o) => o.id === id);
  if (!found) throw new Error(`objective ${id} was not evaluated`);
  return found;
}

/** Each KR of an evaluation with whether it saw the KR's whole scope. */
export function observed(evaluation: LiveEvaluation): ObservedKeyResult[] {
  return evaluation.report.keyResults.map((kr) => ({ kr, whole: !evaluation.partial.has(kr.id) }));
}
