// SPEC §7: `checkInDays` and the cadence lints `stale-check-in` and `kpi-reading-overdue`.
import { describe, expect, it } from 'vitest';
import { exportPlan, farOutside, InvalidInputError, parsePlanText, type Lint } from '../../src/core';
import { buildPlan, evaluateAt, kpi, objective, outcomeKr, Q3, type Input, type PlanParts } from './builders';
import { day } from '../builders';

const stale = (parts: PlanParts, at: string): Lint[] => evaluateAt(buildPlan(parts), at).lints.filter((l) => l.code === 'stale-check-in');
const overdue = (parts: PlanParts, at: string): Lint[] => evaluateAt(buildPlan(parts), at).lints.filter((l) => l.code === 'kpi-reading-overdue');
const oneKr = (kr: Input, extra: PlanParts = {}): PlanParts => ({ objectives: [objective('O', [kr])], ...extra });
const checkedIn = (...dates: string[]) => ({ checkIns: dates.map((at) => ({ at, value: 5 })) });

describe('SPEC §7 checkInDays', () => {
  it.each([0, -3, 1.5, '7', null, true])('refuses %j with a message that says what to write', (value) => {
    let error: unknown;
    try {
      buildPlan({ checkInDays: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).problems).toEqual([
      { path: 'checkInDays', message: 'expected a whole number of days (at least 1), such as 7 for a weekly check-in' },
    ]);
  });

  it('accepts 1 and survives export and import in both formats', () => {
    const plan = buildPlan({ checkInDays: 1 });
    expect(plan.checkInDays).toBe(1);
    for (const format of ['yaml', 'json'] as const) expect(parsePlanText(exportPlan(plan, format), format)).toEqual(plan);
  });

  it('defaults to 7: a check-in 7 days ago is fine, 8 days ago is stale', () => {
    expect(stale(oneKr(outcomeKr('K', checkedIn('2024-08-08'))), '2024-08-15')).toEqual([]);
    expect(stale(oneKr(outcomeKr('K', checkedIn('2024-08-07'))), '2024-08-15')).toHaveLength(1);
  });

  it('a plan cadence of 14 days moves the line', () => {
    expect(stale(oneKr(outcomeKr('K', checkedIn('2024-08-01')), { checkInDays: 14 }), '2024-08-15')).toEqual([]);
    expect(stale(oneKr(outcomeKr('K', checkedIn('2024-07-31')), { checkInDays: 14 }), '2024-08-15')).toHaveLength(1);
  });
});

describe('SPEC §7 stale-check-in (warning, subject: the KR)', () => {
  it('says how long ago, the date, the cadence and names the owner', () => {
    expect(stale(oneKr(outcomeKr('K', { ...checkedIn('2024-07-20', '2024-08-02'), owner: 'maria' })), '2024-08-15')).toEqual([
      {
        code: 'stale-check-in',
        severity: 'warning',
        subject: 'K',
        message: 'Key result "KR K" was last checked in 13 days ago (2024-08-02): maria, check in its current value, at least every 7 days.',
      },
    ]);
  });

  it('with no check-in, counts from the period start and says "never"', () => {
    expect(stale(oneKr(outcomeKr('K')), '2024-07-08')).toEqual([]);
    expect(stale(oneKr(outcomeKr('K')), '2024-07-09')).toEqual([
      expect.objectContaining({ subject: 'K', message: 'Key result "KR K" has never been checked in (8 days into its period): check in its current value, at least every 7 days.' }),
    ]);
  });

  it('only check-ins on or before `at` count: a later one does not hide an overdue KR', () => {
    expect(stale(oneKr(outcomeKr('K', checkedIn('2024-07-01', '2024-09-01'))), '2024-08-15')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('45 days ago (2024-07-01)') as unknown }),
    ]);
  });

  it('the latest check-in counts, whatever the order they were written in', () => {
    expect(stale(oneKr(outcomeKr('K', checkedIn('2024-08-14', '2024-07-01'))), '2024-08-15')).toEqual([]);
  });

  it.each([
    ['before the period starts', '2024-06-20'],
    ['after the period ends', '2024-10-20'],
  ])('not %s', (_, at) => {
    expect(stale(oneKr(outcomeKr('K')), at)).toEqual([]);
  });

  it('fires on the last day of the period, not the day after', () => {
    expect(stale(oneKr(outcomeKr('K', checkedIn('2024-09-01'))), '2024-09-30')).toHaveLength(1);
    expect(stale(oneKr(outcomeKr('K', checkedIn('2024-09-01'))), '2024-10-01')).toEqual([]);
  });

  it('not for a KR of a closed period (SPEC §9 `closed`)', () => {
    const plan = buildPlan(oneKr(outcomeKr('K')));
    const closed = { ...plan, periods: plan.periods.map((p) => (p.id === Q3.id ? { ...p, closed: day('2024-08-01') } : p)) };
    expect(evaluateAt(plan, '2024-08-15').lints.filter((l) => l.code === 'stale-check-in')).toHaveLength(1);
    expect(evaluateAt(closed, '2024-08-15').lints.filter((l) => l.code === 'stale-check-in')).toEqual([]);
  });

  it('not for an effort KR nor for an outcome KR whose value is a KPI reading (`kpiRef`)', () => {
    const parts: PlanParts = {
      objectives: [objective('O', [{ id: 'E', title: 'E', type: 'effort' }, outcomeKr('F', { kpiRef: 'churn' })])],
      kpis: [kpi('churn', { readings: [{ at: '2024-08-14', value: 6 }] })],
    };
    expect(stale(parts, '2024-08-15')).toEqual([]);
  });
});

describe('SPEC §7 kpi-reading-overdue (warning, subject: the KPI)', () => {
  it.each([
    ['weekly', 7],
    ['monthly', 31],
    ['quarterly', 92],
  ] as const)('%s: a reading %i days ago is fine, one day more is overdue', (frequency, days) => {
    const at = '2024-12-31';
    const daysBefore = (n: number) => new Date(Date.UTC(2024, 11, 31 - n)).toISOString().slice(0, 10);
    expect(overdue({ kpis: [kpi('k', { frequency, readings: [{ at: daysBefore(days), value: 4 }] })] }, at)).toEqual([]);
    expect(overdue({ kpis: [kpi('k', { frequency, readings: [{ at: daysBefore(days + 1), value: 4 }] })] }, at)).toEqual([
      {
        code: 'kpi-reading-overdue',
        severity: 'warning',
        subject: 'k',
        message: `KPI "KPI k" was last read ${days + 1} days ago (${daysBefore(days + 1)}), but it is read ${frequency}: record a reading, at least every ${days} days.`,
      },
    ]);
  });

  it('never read (or read only after `at`): overdue, says "never" and names the owner', () => {
    for (const readings of [[], [{ at: '2024-09-01', value: 4 }]]) {
      expect(overdue({ kpis: [kpi('k', { owner: 'ana', readings })] }, '2024-08-15')).toEqual([
        expect.objectContaining({ subject: 'k', message: 'KPI "KPI k" has never been read, but it is read monthly: ana, record a reading, at least every 31 days.' }),
      ]);
    }
  });

  it('a KPI without a frequency is not judged (kpi-incomplete asks for one)', () => {
    expect(overdue({ kpis: [kpi('k', { frequency: undefined })] }, '2024-08-15')).toEqual([]);
  });
});

describe('a value far outside the range asks for confirmation (farOutside)', () => {
  it.each([
    [-5, true, 'negative while start and target are not'],
    [31, true, 'more than one span (8) below the start'],
    [32, false, 'exactly one span below'],
    [44, false, 'on the way'],
    [56, false, 'exactly one span above the target'],
    [57, true, 'more than one span above the target'],
  ])('40 → 48: %d far outside is %s (%s)', (value, far) => {
    expect(farOutside(value, [40, 48]) !== undefined).toBe(far);
  });

  it('a decrease KR works the same way round', () => {
    expect(farOutside(9, [11, 7.5])).toBeUndefined();
    expect(farOutside(2, [11, 7.5])).toEqual({ lo: 7.5, hi: 11 });
  });

  it('all points equal: the span is their size; nothing known: nothing to judge', () => {
    expect(farOutside(19, [10, 10])).toBeUndefined();
    expect(farOutside(21, [10, 10])).toEqual({ lo: 10, hi: 10 });
    expect(farOutside(1e9, [undefined])).toBeUndefined();
  });

  it('a KR going below zero may be checked in below zero', () => {
    expect(farOutside(-3, [2, -4])).toBeUndefined();
  });
});
