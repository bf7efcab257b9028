// Small builders for plans in tests. Every plan goes through validatePlan, so a test can never
// evaluate a plan the core would have refused (and a typo in a test fails loudly).
import {
  evaluate,
  toIsoDate,
  validatePlan,
  type EffortKeyResultReport,
  type KeyResultReport,
  type KpiReport,
  type Lint,
  type LintCode,
  type OutcomeKeyResultReport,
  type Plan,
  type Report,
  type WorkItem,
  type WorkItemStatus,
} from '../../src/core';

export type Input = Record<string, unknown>;

/** Q3 2024: 92 days, 2024-07-01 through 2024-09-30. */
export const Q3 = { id: 'Q3', start: '2024-07-01', end: '2024-09-30' };
/** Ten days, so that day n of the period gives expected = n / 10. */
export const TEN = { id: 'TEN', start: '2024-01-01', end: '2024-01-10' };

export interface PlanParts {
  periods?: Input[];
  teams?: Input[];
  objectives?: Input[];
  kpis?: Input[];
  workItems?: (Input | WorkItem)[];
  organization?: string;
  checkInDays?: unknown;
}

/** A valid plan; defaults: periods Q3 and TEN, one root team `company`. */
export function buildPlan(parts: PlanParts = {}): Plan {
  return validatePlan({
    okr: 1,
    ...(parts.organization !== undefined ? { organization: parts.organization } : {}),
    ...(parts.checkInDays !== undefined ? { checkInDays: parts.checkInDays } : {}),
    periods: parts.periods ?? [Q3, TEN],
    teams: parts.teams ?? [{ id: 'company', name: 'Company' }],
    objectives: parts.objectives ?? [],
    kpis: parts.kpis ?? [],
    workItems: parts.workItems ?? [],
  });
}

/** An objective of team `company` in period Q3 unless overridden. */
export function objective(id: string, keyResults: Input[], extra: Input = {}): Input {
  return { id, title: `Objective ${id}`, team: 'company', period: 'Q3', keyResults, ...extra };
}

export function outcomeKr(id: string, extra: Input = {}): Input {
  return { id, title: `KR ${id}`, type: 'outcome', start: 0, target: 10, ...extra };
}

export function effortKr(id: string, links: string[], extra: Input = {}): Input {
  return { id, title: `KR ${id}`, type: 'effort', links, ...extra };
}

export function item(ref: string, status: WorkItemStatus, extra: Partial<Omit<WorkItem, 'ref' | 'status'>> = {}): WorkItem & Input {
  return { ref, status, ...extra };
}

export function kpi(id: string, extra: Input = {}): Input {
  return { id, title: `KPI ${id}`, direction: 'down', target: 5, frequency: 'monthly', source: 'billing', ...extra };
}

/** A plan with one objective O (team company, period Q3) holding these KRs. */
export function planOf(keyResults: Input[], parts: PlanParts = {}): Plan {
  return buildPlan({ objectives: [objective('O', keyResults)], ...parts });
}

export function evaluateAt(plan: Plan, at: string): Report {
  return evaluate(plan, toIsoDate(at));
}

export function krReport(report: Report, id: string): KeyResultReport {
  const found = report.keyResults.find((k) => k.id === id);
  if (!found) throw new Error(`no key result ${id} in the report`);
  return found;
}

export function outcomeReport(report: Report, id: string): OutcomeKeyResultReport {
  const found = krReport(report, id);
  if (found.type !== 'outcome') throw new Error(`${id} is not an outcome KR`);
  return found;
}

export function effortReport(report: Report, id: string): EffortKeyResultReport {
  const found = krReport(report, id);
  if (found.type !== 'effort') throw new Error(`${id} is not an effort KR`);
  return found;
}

export function kpiReport(report: Report, id: string): KpiReport {
  const found = report.kpis.find((k) => k.id === id);
  if (!found) throw new Error(`no KPI ${id} in the report`);
  return found;
}

export function objectiveReport(report: Report, id: string) {
  const found = report.objectives.find((o) => o.id === id);
  if (!found) throw new Error(`no objective ${id} in the report`);
  return found;
}

export function lintsOf(report: Report, code: LintCode): Lint[] {
  return report.lints.filter((l) => l.code === code);
}
