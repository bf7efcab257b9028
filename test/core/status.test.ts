import { describe, expect, it } from 'vitest';
import { expectedProgress, statusOf, toIsoDate, type Period } from '../../src/core';
import { TEN, buildPlan, evaluateAt, objective, objectiveReport, outcomeKr, outcomeReport } from './builders';

const period = (start: string, end: string, id = 'P'): Period => ({ id, start: toIsoDate(start), end: toIsoDate(end) });
const ten = period(TEN.start, TEN.end, TEN.id);
const expected = (p: Period, at: string) => expectedProgress(p, toIsoDate(at));
const status = (progress: number, p: Period, at: string) => statusOf(progress, expectedProgress(p, toIsoDate(at)), p, toIsoDate(at));

/** One outcome KR (0 → 100) checked in at `value` on the period's first day, in a plan evaluated at `at`. */
function krStatusAt(p: { id: string; start: string; end: string }, value: number, at: string) {
  const plan = buildPlan({
    periods: [p],
    objectives: [objective('O', [outcomeKr('K', { start: 0, target: 100, checkIns: [{ at: p.start, value }] })], { period: p.id })],
  });
  const report = evaluateAt(plan, at);
  return { kr: outcomeReport(report, 'K'), objective: objectiveReport(report, 'O') };
}

describe('SPEC §2 status: expected = clamp(elapsed days / period days, 0, 1), dates inclusive', () => {
  it('the first day of the period counts as one elapsed day', () => {
    expect(expected(ten, '2024-01-01')).toBe(0.1);
  });

  it('the last day gives 1', () => {
    expect(expected(ten, '2024-01-10')).toBe(1);
  });

  it('the day before the start gives 0, and earlier days too (clamped)', () => {
    expect(expected(ten, '2023-12-31')).toBe(0);
    expect(expected(ten, '2023-06-01')).toBe(0);
  });

  it('after the end stays at 1 (clamped)', () => {
    expect(expected(ten, '2024-01-11')).toBe(1);
    expect(expected(ten, '2025-01-01')).toBe(1);
  });

  it('counts calendar days across a leap day and a quarter', () => {
    const q1 = period('2024-01-01', '2024-03-31'); // 91 days in a leap year
    expect(expected(q1, '2024-02-29')).toBe(60 / 91);
    const q3 = period('2024-07-01', '2024-09-30'); // 92 days
    expect(expected(q3, '2024-08-15')).toBe(46 / 92);
  });

  it('a one-day period is fully elapsed on its day', () => {
    const day = period('2024-05-05', '2024-05-05');
    expect(expected(day, '2024-05-05')).toBe(1);
    expect(expected(day, '2024-05-04')).toBe(0);
  });
});

describe('SPEC §2 status: done, not-started, then gap thresholds 0.10 and 0.25', () => {
  it('progress >= 1 is done, even before the period starts', () => {
    expect(status(1, ten, '2024-01-05')).toBe('done');
    expect(status(1, ten, '2023-12-31')).toBe('done');
  });

  it('before the period start, anything short of done is not-started', () => {
    expect(status(0, ten, '2023-12-31')).toBe('not-started');
    expect(status(0.99, ten, '2023-12-31')).toBe('not-started');
  });

  it('on the first day with no progress: gap 0.10 → on-track', () => {
    expect(status(0, ten, '2024-01-01')).toBe('on-track');
  });

  it('ahead of pace is on-track', () => {
    expect(status(0.9, ten, '2024-01-02')).toBe('on-track');
  });

  it('gap exactly 0.10 is on-track; just above is at-risk', () => {
    expect(status(0.4, ten, '2024-01-05')).toBe('on-track');
    expect(status(0.39, ten, '2024-01-05')).toBe('at-risk');
  });

  it('gap exactly 0.25 is at-risk; just above is off-track', () => {
    expect(status(0.25, ten, '2024-01-05')).toBe('at-risk');
    expect(status(0.24, ten, '2024-01-05')).toBe('off-track');
  });

  it('floating point: expected 0.8 with progress 0.7 is a gap of 0.10, on-track', () => {
    expect(0.8 - 0.7).toBeGreaterThan(0.1); // the trap: 0.10000000000000009
    expect(statusOf(0.7, 0.8, ten, toIsoDate('2024-01-08'))).toBe('on-track');
    expect(statusOf(0.3, 0.4, ten, toIsoDate('2024-01-04'))).toBe('on-track');
  });

  it('floating point: expected 0.54 with progress 0.29 is a gap of 0.25, at-risk', () => {
    expect(0.54 - 0.29).toBeGreaterThan(0.25); // 0.25000000000000006
    expect(statusOf(0.29, 0.54, ten, toIsoDate('2024-01-05'))).toBe('at-risk');
  });

  it('on the last day: 0.9 on-track, 0.75 at-risk, 0.74 off-track', () => {
    expect(status(0.9, ten, '2024-01-10')).toBe('on-track');
    expect(status(0.75, ten, '2024-01-10')).toBe('at-risk');
    expect(status(0.74, ten, '2024-01-10')).toBe('off-track');
  });

  it('after the end, short of done, pace is judged against 1', () => {
    expect(status(0.95, ten, '2024-03-01')).toBe('on-track');
    expect(status(0.5, ten, '2024-03-01')).toBe('off-track');
  });
});

describe('SPEC §2 status through evaluate, at the period edges', () => {
  it('day before start: not-started, expected 0', () => {
    const { kr, objective: o } = krStatusAt(TEN, 50, '2023-12-31');
    expect([kr.status, kr.expected, o.status, o.expected]).toEqual(['not-started', 0, 'not-started', 0]);
  });

  it('first day: expected 0.1', () => {
    const { kr } = krStatusAt(TEN, 0, '2024-01-01');
    expect([kr.expected, kr.status]).toEqual([0.1, 'on-track']);
  });

  it('day 8 of 10 with progress 0.7 (7/10 checked in): on-track', () => {
    const { kr, objective: o } = krStatusAt(TEN, 70, '2024-01-08');
    expect(kr.progress).toBe(0.7);
    expect(kr.expected).toBe(0.8);
    expect(kr.status).toBe('on-track');
    expect(o.status).toBe('on-track');
  });

  it('day 54 of 100 with progress 0.29: at-risk', () => {
    const hundred = { id: 'H', start: '2024-01-01', end: '2024-04-09' };
    const { kr } = krStatusAt(hundred, 29, '2024-02-23');
    expect(kr.expected).toBe(0.54);
    expect(kr.status).toBe('at-risk');
  });

  it('last day: expected 1; after the end: still 1', () => {
    expect(krStatusAt(TEN, 80, '2024-01-10').kr).toMatchObject({ expected: 1, status: 'at-risk' });
    expect(krStatusAt(TEN, 80, '2024-06-01').kr).toMatchObject({ expected: 1, status: 'at-risk' });
    expect(krStatusAt(TEN, 100, '2024-06-01').kr).toMatchObject({ expected: 1, status: 'done' });
  });

  it('each objective is paced by its own period', () => {
    const plan = buildPlan({
      objectives: [
        objective('A', [outcomeKr('KA', { checkIns: [{ at: '2024-01-01', value: 2 }] })], { period: 'TEN' }),
        objective('B', [outcomeKr('KB', { checkIns: [{ at: '2024-01-01', value: 2 }] })], { period: 'Q3' }),
      ],
    });
    const report = evaluateAt(plan, '2024-01-05');
    expect(objectiveReport(report, 'A')).toMatchObject({ expected: 0.5, status: 'off-track' });
    expect(objectiveReport(report, 'B')).toMatchObject({ expected: 0, status: 'not-started' });
  });
});
