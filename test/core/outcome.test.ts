import { describe, expect, it } from 'vitest';
import { latestOnOrBefore, outcomeProgress, toIsoDate } from '../../src/core';
import { evaluateAt, kpi, outcomeKr, outcomeReport, planOf } from './builders';

const checkIn = (at: string, value: number, extra: Record<string, unknown> = {}) => ({ at, value, ...extra });

describe('SPEC §2 outcome KR: progress', () => {
  it('increasing: (current - start) / (target - start)', () => {
    const plan = planOf([outcomeKr('K', { start: 73, target: 75, checkIns: [checkIn('2024-08-01', 74)] })]);
    const k = outcomeReport(evaluateAt(plan, '2024-08-15'), 'K');
    expect(k.current).toBe(74);
    expect(k.progress).toBe(0.5);
    expect(k.currentFrom).toBe('check-in');
    expect(k.currentAt).toBe('2024-08-01');
  });

  it('decreasing: start 11, target 7.5, current 9.25 gives 0.5', () => {
    const plan = planOf([outcomeKr('K', { start: 11, target: 7.5, checkIns: [checkIn('2024-08-01', 9.25)] })]);
    expect(outcomeReport(evaluateAt(plan, '2024-08-15'), 'K').progress).toBe(0.5);
  });

  it('decreasing: moving the wrong way clamps to 0, overshooting clamps to 1', () => {
    expect(outcomeProgress(11, 7.5, 12)).toBe(0);
    expect(outcomeProgress(11, 7.5, 5)).toBe(1);
    expect(outcomeProgress(11, 7.5, 7.5)).toBe(1);
  });

  it('increasing: below start clamps to 0, above target clamps to 1', () => {
    expect(outcomeProgress(73, 75, 70)).toBe(0);
    expect(outcomeProgress(73, 75, 80)).toBe(1);
    expect(outcomeProgress(0, 40, 41)).toBe(1);
  });

  it('negative ranges work like any other', () => {
    expect(outcomeProgress(-10, 0, -5)).toBe(0.5);
    expect(outcomeProgress(0, -4, -1)).toBe(0.25);
  });

  it('a KR that cannot be scored (no start, no target, start = target) is at 0, not NaN', () => {
    expect(outcomeProgress(undefined, 10, 5)).toBe(0);
    expect(outcomeProgress(0, undefined, 5)).toBe(0);
    expect(outcomeProgress(5, 5, 5)).toBe(0);
    const plan = planOf([{ id: 'K', title: 'no numbers', type: 'outcome', checkIns: [checkIn('2024-07-02', 3)] }]);
    const k = outcomeReport(evaluateAt(plan, '2024-08-15'), 'K');
    expect(k.progress).toBe(0);
    expect(k.current).toBe(3);
  });
});

describe('SPEC §2 outcome KR: current is the latest check-in on or before `at`', () => {
  const plan = planOf([
    outcomeKr('K', {
      start: 0,
      target: 100,
      // Written out of order on purpose: "latest" is by date, not by position.
      checkIns: [checkIn('2024-08-20', 60), checkIn('2024-07-10', 20), checkIn('2024-08-01', 40, { confidence: 0.6 })],
    }),
  ]);

  it('no check-in on or before `at` → current = start', () => {
    const k = outcomeReport(evaluateAt(plan, '2024-07-09'), 'K');
    expect(k.current).toBe(0);
    expect(k.progress).toBe(0);
    expect(k.currentFrom).toBe('start');
    expect(k.currentAt).toBeUndefined();
  });

  it('a check-in dated exactly `at` counts', () => {
    expect(outcomeReport(evaluateAt(plan, '2024-07-10'), 'K').current).toBe(20);
  });

  it('check-ins after `at` are ignored', () => {
    const k = outcomeReport(evaluateAt(plan, '2024-08-19'), 'K');
    expect(k.current).toBe(40);
    expect(k.progress).toBe(0.4);
    expect(k.confidence).toBe(0.6);
    expect(outcomeReport(evaluateAt(plan, '2024-08-20'), 'K').current).toBe(60);
  });

  it('no check-ins at all → current = start', () => {
    const p = planOf([outcomeKr('K', { start: 73, target: 75 })]);
    const k = outcomeReport(evaluateAt(p, '2024-09-30'), 'K');
    expect(k.current).toBe(73);
    expect(k.progress).toBe(0);
  });

  it('two check-ins on the same date: the one written last wins (a correction)', () => {
    const p = planOf([outcomeKr('K', { checkIns: [checkIn('2024-08-01', 3), checkIn('2024-08-01', 7)] })]);
    expect(outcomeReport(evaluateAt(p, '2024-08-01'), 'K').current).toBe(7);
    const entries = [
      { at: toIsoDate('2024-08-01'), value: 1 },
      { at: toIsoDate('2024-08-01'), value: 2 },
      { at: toIsoDate('2024-07-01'), value: 3 },
    ];
    expect(latestOnOrBefore(entries, toIsoDate('2024-08-01'))?.value).toBe(2);
    expect(latestOnOrBefore(entries, toIsoDate('2024-07-31'))?.value).toBe(3);
    expect(latestOnOrBefore(entries, toIsoDate('2024-06-30'))).toBeUndefined();
    expect(latestOnOrBefore(undefined, toIsoDate('2024-06-30'))).toBeUndefined();
  });

  it('dates compare as calendar days across month and year boundaries', () => {
    const p = planOf([outcomeKr('K', { checkIns: [checkIn('2023-12-31', 1), checkIn('2024-01-01', 2), checkIn('2024-10-01', 9)] })]);
    expect(outcomeReport(evaluateAt(p, '2024-09-30'), 'K').current).toBe(2);
    expect(outcomeReport(evaluateAt(p, '2023-12-31'), 'K').current).toBe(1);
  });
});

describe('SPEC §2 outcome KR with kpiRef: current is the KPI latest reading on or before `at`', () => {
  const plan = planOf([outcomeKr('K', { kpiRef: 'churn', start: 11, target: 7.5 })], {
    kpis: [kpi('churn', { readings: [{ at: '2024-07-31', value: 11 }, { at: '2024-08-31', value: 9.25 }, { at: '2024-09-30', value: 6 }] })],
  });

  it('takes the latest reading on or before `at`', () => {
    const k = outcomeReport(evaluateAt(plan, '2024-09-15'), 'K');
    expect(k.current).toBe(9.25);
    expect(k.progress).toBe(0.5);
    expect(k.currentFrom).toBe('kpi-reading');
    expect(k.currentAt).toBe('2024-08-31');
  });

  it('ignores readings after `at`', () => {
    expect(outcomeReport(evaluateAt(plan, '2024-09-29'), 'K').current).toBe(9.25);
    expect(outcomeReport(evaluateAt(plan, '2024-09-30'), 'K').progress).toBe(1);
  });

  it('no reading yet → current = start', () => {
    const k = outcomeReport(evaluateAt(plan, '2024-07-30'), 'K');
    expect(k.current).toBe(11);
    expect(k.currentFrom).toBe('start');
    expect(k.progress).toBe(0);
  });

  it('a KPI with no readings at all → current = start', () => {
    const p = planOf([outcomeKr('K', { kpiRef: 'churn', start: 11, target: 7.5 })], { kpis: [kpi('churn')] });
    expect(outcomeReport(evaluateAt(p, '2024-09-30'), 'K').current).toBe(11);
  });
});
