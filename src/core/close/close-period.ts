// Closing and reopening a period (SPEC §9). Pure: a new plan, the given one untouched.
import { daysOf, type IsoDate } from '../model/dates';
import type { Final, KeyResult, Period, Plan } from '../model/plan';
import { evaluateKeyResult } from '../report/evaluate';
import { expectedProgress } from '../evaluate/status';
import { indexWorkItems } from '../evaluate/work-item-index';
import type { KeyResultReport } from '../report/types';
import { PeriodRefusedError } from './refusal';

/**
 * Sets `closed: at` on the period and writes on each of its KRs `final`: its §2 evaluation as of
 * the earlier of `at` and the period's end (a late close must not count what happened after).
 * Grades and reflections already written stay.
 */
export function closePeriod(plan: Plan, periodId: string, at: IsoDate): Plan {
  const { period, index } = findPeriod(plan, periodId, 'close');
  if (period.closed !== undefined) {
    throw new PeriodRefusedError('already-closed', [{ path: `periods[${index}].closed`, message: `period "${period.id}" was already closed on ${period.closed}; reopen it first to close it again` }], 'cannot close the period');
  }
  if (daysOf(at) < daysOf(period.start)) {
    throw new PeriodRefusedError('closed-before-start', [{ path: 'at', message: `${at} is before period "${period.id}" starts (${period.start}); close it on or after its start` }], 'cannot close the period');
  }
  const asOf = at < period.end ? at : period.end;
  const ctx = {
    index: indexWorkItems(plan.workItems),
    kpisById: new Map(plan.kpis.map((k) => [k.id, k])),
    period,
    expected: expectedProgress(period, asOf),
    at: asOf,
  };
  return {
    ...plan,
    periods: plan.periods.map((p) => (p === period ? { ...p, closed: at } : p)),
    objectives: plan.objectives.map((o) =>
      o.period !== period.id ? o : { ...o, keyResults: o.keyResults.map((kr) => withFinal(kr, finalOf(kr, evaluateKeyResult(kr, o, ctx)))) },
    ),
  };
}

/** Removes `closed` and every `final` of the period; grades and reflections stay as drafts. */
export function reopenPeriod(plan: Plan, periodId: string): Plan {
  const { period } = findPeriod(plan, periodId, 'reopen');
  if (period.closed === undefined) {
    throw new PeriodRefusedError('not-closed', [{ path: 'period', message: `period "${period.id}" is not closed` }], 'cannot reopen the period');
  }
  const { closed: _closed, ...open } = period;
  return {
    ...plan,
    periods: plan.periods.map((p) => (p === period ? open : p)),
    objectives: plan.objectives.map((o) => (o.period !== period.id ? o : { ...o, keyResults: o.keyResults.map(withoutFinal) })),
  };
}

export function findPeriod(plan: Plan, periodId: string, action: string, path = 'period'): { period: Period; index: number } {
  const index = plan.periods.findIndex((p) => p.id === periodId);
  const period = plan.periods[index];
  if (period === undefined) {
    const known = plan.periods.map((p) => p.id).join(', ') || 'none are defined';
    throw new PeriodRefusedError('unknown-period', [{ path, message: `unknown period "${periodId}" (known: ${known})` }], `cannot ${action} the period`);
  }
  return { period, index };
}

function finalOf(kr: KeyResult, report: KeyResultReport): Final {
  if (report.type === 'effort') return { progress: report.progress, units: { ...report.units } };
  // A KR without a start and without any value has no current value worth freezing.
  const hasValue = report.currentFrom !== 'start' || (kr.type === 'outcome' && kr.start !== undefined);
  return hasValue ? { progress: report.progress, current: report.current } : { progress: report.progress };
}

function withFinal(kr: KeyResult, final: Final): KeyResult {
  return kr.type === 'effort' ? { ...kr, final } : { ...kr, final };
}

function withoutFinal(kr: KeyResult): KeyResult {
  const { final: _final, ...rest } = kr;
  return rest;
}
