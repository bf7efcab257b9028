// What the lints see: the plan plus what evaluation already computed, so no lint re-walks scopes.
import type { IsoDate } from '../model/dates';
import type { Plan } from '../model/plan';
import type { WorkItem } from '../model/work-item';
import type { EffortKeyResultReport, KpiReport, Lint } from '../report/types';

export interface LintContext {
  plan: Plan;
  /** The evaluation date: cadence lints (SPEC §7) judge how long ago things happened. */
  at: IsoDate;
  effort: ReadonlyMap<string, EffortKeyResultReport>;
  kpis: readonly KpiReport[];
  /** The plan's work item snapshot by ref. */
  knownRefs: ReadonlyMap<string, WorkItem>;
}

export type LintRule = (ctx: LintContext) => Lint[];
