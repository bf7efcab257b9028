// One `generateX({...overrides})` builder per entity (the figma-for-jira habit): a valid,
// readable default that a test overrides only where it matters.
import { toIsoDate, type IsoDate } from '../src/core/model/dates';
import type { CheckIn, EffortKeyResult, Kpi, Objective, OutcomeKeyResult, Period, Plan, Reading, Team } from '../src/core/model/plan';
import type { WorkItem } from '../src/core/model/work-item';
import { validatePlan } from '../src/core/plan/parse';

export const day = (text: string): IsoDate => toIsoDate(text);

export function generatePeriod(overrides: Partial<Period> = {}): Period {
  return { id: '2026-Q4', start: day('2026-10-01'), end: day('2026-12-31'), ...overrides };
}

export function generateTeam(overrides: Partial<Team> = {}): Team {
  return { id: 'company', name: 'Rain Town Tea', ...overrides };
}

export function generateCheckIn(overrides: Partial<CheckIn> = {}): CheckIn {
  return { at: day('2026-11-01'), value: 74, ...overrides };
}

export function generateOutcomeKeyResult(overrides: Partial<OutcomeKeyResult> = {}): OutcomeKeyResult {
  return { id: 'KR-RETENTION', title: 'Increase client retention rate from 73% to 75%', type: 'outcome', start: 73, target: 75, unit: '%', ...overrides };
}

export function generateEffortKeyResult(overrides: Partial<EffortKeyResult> = {}): EffortKeyResult {
  return { id: 'KR-CRM', title: 'Implement new CRM to automate customer outreach', type: 'effort', links: ['jira:CS-1'], ...overrides };
}

export function generateObjective(overrides: Partial<Objective> = {}): Objective {
  return {
    id: 'O-LOYAL',
    title: 'Create wildly loyal customers',
    team: 'company',
    period: '2026-Q4',
    keyResults: [generateOutcomeKeyResult(), generateEffortKeyResult()],
    ...overrides,
  };
}

export function generateReading(overrides: Partial<Reading> = {}): Reading {
  return { at: day('2026-10-31'), value: 11, ...overrides };
}

export function generateKpi(overrides: Partial<Kpi> = {}): Kpi {
  return {
    id: 'churn',
    title: 'Monthly churn rate',
    unit: '%',
    direction: 'down',
    target: 5,
    threshold: 7.5,
    frequency: 'monthly',
    source: 'Billing export',
    readings: [generateReading({ at: day('2026-06-30'), value: 4.6 }), generateReading()],
    ...overrides,
  };
}

export function generateWorkItem(overrides: Partial<WorkItem> = {}): WorkItem {
  return { ref: 'jira:CS-1', title: 'CRM rollout', type: 'Epic', status: 'in-progress', ...overrides };
}

/** A valid plan (checked by the core, so a test cannot start from something it would refuse). */
export function generatePlan(overrides: Partial<Plan> = {}): Plan {
  return validatePlan({
    okr: 1,
    organization: 'Rain Town Tea',
    periods: [generatePeriod()],
    teams: [generateTeam(), generateTeam({ id: 'cs', name: 'Customer Success', parent: 'company' })],
    objectives: [generateObjective()],
    kpis: [generateKpi()],
    workItems: [],
    ...overrides,
  });
}
