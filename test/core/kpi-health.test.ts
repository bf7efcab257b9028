import { describe, expect, it } from 'vitest';
import { healthFromStatus, kpiHealth } from '../../src/core';
import { TEN, buildPlan, effortKr, evaluateAt, kpi, kpiReport, objective, outcomeKr, krReport } from './builders';

describe('SPEC §2 KPI health, direction down (lower is better)', () => {
  const churn = { direction: 'down', target: 5, threshold: 7.5 } as const;

  it('at or under target is healthy', () => {
    expect(kpiHealth(churn, 4.6)).toBe('healthy');
    expect(kpiHealth(churn, 5)).toBe('healthy');
  });

  it('above target, at or under threshold is warning', () => {
    expect(kpiHealth(churn, 5.01)).toBe('warning');
    expect(kpiHealth(churn, 7.5)).toBe('warning');
  });

  it('above threshold is breached', () => {
    expect(kpiHealth(churn, 7.51)).toBe('breached');
    expect(kpiHealth(churn, 11)).toBe('breached');
  });

  it('without threshold, anything above target is breached', () => {
    expect(kpiHealth({ direction: 'down', target: 5 }, 5)).toBe('healthy');
    expect(kpiHealth({ direction: 'down', target: 5 }, 5.01)).toBe('breached');
  });
});

describe('SPEC §2 KPI health, direction up (higher is better) mirrors down', () => {
  const deploys = { direction: 'up', target: 10, threshold: 7 } as const;

  it('at or above target is healthy', () => {
    expect(kpiHealth(deploys, 12.5)).toBe('healthy');
    expect(kpiHealth(deploys, 10)).toBe('healthy');
  });

  it('below target, at or above threshold is warning', () => {
    expect(kpiHealth(deploys, 9.99)).toBe('warning');
    expect(kpiHealth(deploys, 7)).toBe('warning');
  });

  it('below threshold is breached', () => {
    expect(kpiHealth(deploys, 6.99)).toBe('breached');
  });

  it('without threshold, anything below target is breached', () => {
    expect(kpiHealth({ direction: 'up', target: 10 }, 10)).toBe('healthy');
    expect(kpiHealth({ direction: 'up', target: 10 }, 9.99)).toBe('breached');
  });

  it('negative values work too', () => {
    expect(kpiHealth({ direction: 'up', target: -2, threshold: -5 }, -3)).toBe('warning');
  });
});

describe('SPEC §2 KPI health without data or target', () => {
  it('no reading → no-data, whatever the target', () => {
    expect(kpiHealth({ direction: 'down', target: 5 }, undefined)).toBe('no-data');
    expect(kpiHealth({ direction: 'up' }, undefined)).toBe('no-data');
  });

  it('a reading but no target → no-target (the SPEC is silent; nothing to judge against)', () => {
    expect(kpiHealth({ direction: 'down' }, 3)).toBe('no-target');
    expect(kpiHealth({ direction: 'up', threshold: 2 }, 3)).toBe('no-target');
  });
});

describe('SPEC §2 KPI health through evaluate: latest reading on or before `at`', () => {
  const plan = buildPlan({
    kpis: [
      kpi('churn', { target: 5, threshold: 7.5, readings: [{ at: '2024-06-30', value: 4.6 }, { at: '2024-07-31', value: 11 }, { at: '2024-08-31', value: 7 }] }),
      kpi('empty', { target: 1 }),
      kpi('free', { target: undefined, readings: [{ at: '2024-06-30', value: 3 }] }),
    ],
  });

  it('health follows the reading in force at each date', () => {
    expect(kpiReport(evaluateAt(plan, '2024-06-29'), 'churn')).toMatchObject({ health: 'no-data', source: 'kpi' });
    expect(kpiReport(evaluateAt(plan, '2024-06-29'), 'churn').value).toBeUndefined();
    expect(kpiReport(evaluateAt(plan, '2024-07-30'), 'churn')).toMatchObject({ value: 4.6, valueAt: '2024-06-30', health: 'healthy' });
    expect(kpiReport(evaluateAt(plan, '2024-07-31'), 'churn')).toMatchObject({ value: 11, health: 'breached' });
    expect(kpiReport(evaluateAt(plan, '2024-09-01'), 'churn')).toMatchObject({ value: 7, health: 'warning' });
  });

  it('the trend lists only readings on or before `at`, oldest first', () => {
    expect(kpiReport(evaluateAt(plan, '2024-08-01'), 'churn').trend).toEqual([
      { at: '2024-06-30', value: 4.6 },
      { at: '2024-07-31', value: 11 },
    ]);
  });

  it('a KPI without readings is no-data; one without a target is no-target', () => {
    const report = evaluateAt(plan, '2024-09-01');
    expect(kpiReport(report, 'empty').health).toBe('no-data');
    expect(kpiReport(report, 'free').health).toBe('no-target');
  });
});

describe('SPEC §2 KRs marked kpi are listed among the KPIs, health from status', () => {
  it('maps every status', () => {
    expect(healthFromStatus('done')).toBe('healthy');
    expect(healthFromStatus('on-track')).toBe('healthy');
    expect(healthFromStatus('at-risk')).toBe('warning');
    expect(healthFromStatus('off-track')).toBe('breached');
    expect(healthFromStatus('not-started')).toBe('no-data');
  });

  it('through evaluate, with the KR current value and direction', () => {
    const value = (v: number) => ({ kpi: true, checkIns: [{ at: '2024-01-01', value: v }] });
    const plan = buildPlan({
      periods: [TEN, { id: 'LATER', start: '2024-02-01', end: '2024-02-29' }],
      objectives: [
        objective('O', [outcomeKr('DONE', value(10)), outcomeKr('ON', value(5)), outcomeKr('RISK', value(3)), outcomeKr('OFF', value(0)), outcomeKr('PLAIN', value(0))], { period: 'TEN' }),
        objective('L', [outcomeKr('LATE', { kpi: true, start: 10, target: 4 })], { period: 'LATER' }),
      ],
    });
    // PLAIN is not a KPI.
    const p = { ...plan, objectives: plan.objectives.map((o) => ({ ...o, keyResults: o.keyResults.map((k) => (k.id === 'PLAIN' ? { ...k, kpi: false } : k)) })) };
    const report = evaluateAt(p, '2024-01-05'); // expected 0.5
    const health = Object.fromEntries(report.kpis.map((k) => [k.id, k.health]));
    expect(health).toEqual({ DONE: 'healthy', ON: 'healthy', RISK: 'warning', OFF: 'breached', LATE: 'no-data' });
    expect(krReport(report, 'RISK').status).toBe('at-risk');
    expect(kpiReport(report, 'ON')).toMatchObject({ source: 'kr', value: 5, valueAt: '2024-01-01', direction: 'up', target: 10 });
    expect(kpiReport(report, 'LATE')).toMatchObject({ source: 'kr', value: 10, direction: 'down' });
  });

  it('plan KPIs come first, then KRs marked kpi (an effort KR too, which is also linted)', () => {
    const plan = buildPlan({
      objectives: [objective('O', [effortKr('E', [], { kpi: true }), outcomeKr('K', { kpi: true })])],
      kpis: [kpi('churn')],
    });
    const report = evaluateAt(plan, '2024-08-01');
    expect(report.kpis.map((k) => [k.id, k.source])).toEqual([
      ['churn', 'kpi'],
      ['E', 'kr'],
      ['K', 'kr'],
    ]);
    expect(kpiReport(report, 'E').health).toBe('breached'); // effort KR with no work, off pace
  });
});
