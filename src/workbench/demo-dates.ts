// The demo organisation lives in the present (issue 10 §4): its plan file is dated for one day
// (DEMO_AS_OF, the day its comments and the README speak of), and the workbench moves every date
// in it forward by whole weeks at seed time, so that on any later day its quarter is running and
// its check-ins and readings lie in the weeks before, on the same weekdays as written. The file
// itself stays as written: valid, readable, and what `okr evaluate --at 2026-11-15` reads.
import { daysOf, fromDayNumber, isIsoDate, type IsoDate } from '../core/model/dates';

/** The day the demo plan file describes (its quarter 2026-Q4 is half run, its last check-ins just made). */
export const DEMO_AS_OF = '2026-11-15' as IsoDate;

/**
 * Days to add to the demo's dates for `today`: the whole weeks from DEMO_AS_OF to today. Never
 * negative: a clock set before the file's day (a test stepping through the quarter) sees the plan
 * as written rather than a plan moved into the past.
 */
export function demoShiftDays(today: IsoDate, asOf: IsoDate = DEMO_AS_OF): number {
  const weeks = Math.floor((daysOf(today) - daysOf(asOf)) / 7);
  return weeks > 0 ? weeks * 7 : 0;
}

/** Keys whose ISO-date strings are calendar dates of the plan (periods, check-ins, readings, closes). */
const DATE_KEYS: ReadonlySet<string> = new Set(['start', 'end', 'at', 'closed']);

/**
 * A copy of the plan (as parsed from the file) with every date moved by `days`. It walks the
 * plan rather than naming each field so a date field added later moves too; only strings that
 * are ISO dates under a date key move (a KR's numeric `start` is not a date).
 */
export function shiftPlanDates<T>(plan: T, days: number): T {
  if (days === 0) return plan;
  const walk = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    if (key !== undefined && DATE_KEYS.has(key) && typeof value === 'string' && isIsoDate(value)) return fromDayNumber(daysOf(value) + days);
    return value;
  };
  return walk(plan) as T;
}
