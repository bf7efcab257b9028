import type { Lint } from '../report/types';
import type { LintContext, LintRule } from './context';
import { kpiReadingOverdue, staleCheckIn } from './cadence-lints';
import { effortKrAsKpi, everyKrAKpi, kpiBreached, kpiCount, kpiIncomplete } from './kpi-lints';
import { effortKrWithoutWork, krCount, objectiveWithoutKrs, orphanObjective, outcomeKrWithoutTarget, tooManyObjectives } from './objective-lints';
import { doubleCountedWork, unknownWorkItem } from './work-lints';

/** In SPEC §3's order, so lint output is stable. */
const RULES: readonly LintRule[] = [
  objectiveWithoutKrs,
  krCount,
  outcomeKrWithoutTarget,
  effortKrWithoutWork,
  unknownWorkItem,
  effortKrAsKpi,
  everyKrAKpi,
  kpiCount,
  kpiIncomplete,
  kpiBreached,
  tooManyObjectives,
  doubleCountedWork,
  orphanObjective,
  staleCheckIn,
  kpiReadingOverdue,
];

export function lint(ctx: LintContext): Lint[] {
  return RULES.flatMap((rule) => rule(ctx));
}

export type { LintContext } from './context';
