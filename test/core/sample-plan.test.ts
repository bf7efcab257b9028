// The Rain Town Tea sample plan, evaluated at 2026-11-15, against figures worked out by hand
// from the file (each expectation says how).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportPlan, parsePlanText, type Report } from '../../src/core';
import { effortReport, evaluateAt, kpiReport, objectiveReport, outcomeReport } from './builders';

const text = readFileSync(new URL('../../examples/rain-town-tea.yaml', import.meta.url), 'utf8');

describe('sample plan examples/rain-town-tea.yaml at 2026-11-15', () => {
  const plan = parsePlanText(text);
  const report: Report = evaluateAt(plan, '2026-11-15');

  it('parses: 6 objectives, 5 teams, 5 KPIs, 37 work items; YAML and JSON exports round-trip', () => {
    expect([plan.objectives.length, plan.teams.length, plan.kpis.length, plan.workItems.length]).toEqual([6, 5, 5, 37]);
    expect(parsePlanText(exportPlan(plan, 'yaml'), 'yaml')).toEqual(plan);
    expect(parsePlanText(exportPlan(plan, 'json'), 'json')).toEqual(plan);
  });

  it('SPEC §2 expected pace of 2026-Q4: day 46 of 92 (Oct 31 + Nov 15) = 0.5; Q3 is over = 1', () => {
    expect(objectiveReport(report, 'O-LOYAL').expected).toBe(0.5);
    expect(objectiveReport(report, 'O-SUMMER').expected).toBe(1);
  });

  it('KR-RETENTION: 73 → 75, latest check-in 74.1 (Nov 12) → 1.1 / 2 = 0.55, on-track; a KPI, healthy', () => {
    const k = outcomeReport(report, 'KR-RETENTION');
    expect(k.current).toBe(74.1);
    expect(k.currentAt).toBe('2026-11-12');
    expect(k.progress).toBeCloseTo(0.55, 12);
    expect(k.status).toBe('on-track');
    expect(kpiReport(report, 'KR-RETENTION')).toMatchObject({ source: 'kr', health: 'healthy', value: 74.1 });
  });

  it('KR-HEALTHY: 40 → 48 at 42 → 0.25; gap exactly 0.25 → at-risk; as a KPI, warning', () => {
    const k = outcomeReport(report, 'KR-HEALTHY');
    expect(k.progress).toBe(0.25);
    expect(k.status).toBe('at-risk');
    expect(kpiReport(report, 'KR-HEALTHY').health).toBe('warning');
  });

  it('KR-CHURN (kpiRef churn, 11 → 7.5): the Oct 31 reading 9.8 → 1.2 / 3.5, at-risk', () => {
    const k = outcomeReport(report, 'KR-CHURN');
    expect(k).toMatchObject({ current: 9.8, currentFrom: 'kpi-reading', currentAt: '2026-10-31', status: 'at-risk' });
    expect(k.progress).toBeCloseTo(1.2 / 3.5, 12);
  });

  it('KR-LEADTIME (decrease 5 → 3.5 days) at 4.6 → 0.4 / 1.5, at-risk', () => {
    const k = outcomeReport(report, 'KR-LEADTIME');
    expect(k.progress).toBeCloseTo(0.4 / 1.5, 12);
    expect(k.status).toBe('at-risk');
  });

  it('KR-SUMMER-STORES overshot (41 of 40): clamped to 1, done', () => {
    expect(outcomeReport(report, 'KR-SUMMER-STORES')).toMatchObject({ progress: 1, status: 'done' });
  });

  it('KR-CRM: CS-1 and ado:101 → units CS-2✓ CS-4✓ CS-5 CS-6 CS-8✓ ado:102✓ ado:103 (CS-3 is a parent, CS-7 cancelled) → 4/7', () => {
    const k = effortReport(report, 'KR-CRM');
    expect(k.units).toEqual({ done: 4, total: 7 });
    expect(k.progress).toBeCloseTo(4 / 7, 15);
    expect(k.explanation.units.filter((u) => u.done).map((u) => u.ref)).toEqual(['ado:102', 'jira:CS-2', 'jira:CS-4', 'jira:CS-8']);
    expect(k.explanation.cancelled).toEqual(['jira:CS-7']);
  });

  it('KR-PIPELINE: ado:201✓ ado:203✓ ado:204 ado:205 (ado:206 cancelled, ado:202 a parent) → 2/4', () => {
    const k = effortReport(report, 'KR-PIPELINE');
    expect(k.units).toEqual({ done: 2, total: 4 });
    expect(k.progress).toBe(0.5);
    expect(k.explanation.cancelled).toEqual(['ado:206']);
  });

  it('KR-PREVIEW-ENVS by estimate: 8✓ + 3✓ + 5 + (no estimate: mean 16/3) → 11 / (64/3) = 33/64', () => {
    const k = effortReport(report, 'KR-PREVIEW-ENVS');
    expect(k.progress).toBeCloseTo(33 / 64, 15);
    expect(k.units).toEqual({ done: 2, total: 4 });
    expect(k.explanation.units.find((u) => u.ref === 'ado:304')).toMatchObject({ estimated: true });
    expect(k.explanation.units.find((u) => u.ref === 'ado:304')?.weight).toBeCloseTo(16 / 3, 15);
  });

  it('KR-SUMMER-SITE: the done epic SHOP-1 → 1, done', () => {
    expect(effortReport(report, 'KR-SUMMER-SITE')).toMatchObject({ progress: 1, status: 'done', units: { done: 1, total: 1 } });
  });

  it('objectives: O-LOYAL = mean(0.55, 0.25, 2/4, 4/7); O-SUBSCRIPTIONS = mean(2.5/13, 3/12, 1/2) → at-risk; O-SUMMER done', () => {
    expect(objectiveReport(report, 'O-LOYAL').progress).toBeCloseTo((0.55 + 0.25 + 0.5 + 4 / 7) / 4, 12);
    expect(objectiveReport(report, 'O-LOYAL').status).toBe('on-track');
    const subs = objectiveReport(report, 'O-SUBSCRIPTIONS');
    expect(subs.progress).toBeCloseTo((2.5 / 13 + 3 / 12 + 0.5) / 3, 12);
    expect(subs.status).toBe('at-risk');
    expect(objectiveReport(report, 'O-SUMMER')).toMatchObject({ progress: 1, status: 'done' });
  });

  it('KPIs: churn 9.8 breached but focused by KR-CHURN; lead time 4.6 warning; change failure 23 breached; 7 in all', () => {
    expect(kpiReport(report, 'churn')).toMatchObject({ value: 9.8, health: 'breached', focusedBy: ['KR-CHURN'] });
    expect(kpiReport(report, 'deploy-frequency')).toMatchObject({ value: 12.5, health: 'healthy' });
    expect(kpiReport(report, 'lead-time')).toMatchObject({ value: 4.6, health: 'warning' });
    expect(kpiReport(report, 'mttr')).toMatchObject({ value: 0.6, health: 'healthy' });
    expect(kpiReport(report, 'change-failure-rate')).toMatchObject({ value: 23, health: 'breached', focusedBy: [] });
    expect(report.kpis).toHaveLength(7);
  });

  it('lints: O-BORING-DEPLOYS has 2 KRs, change failure rate is breached unfocused, sales objective aligns nowhere, four KRs not checked in for over a week', () => {
    expect(report.lints.map((l) => [l.code, l.subject])).toEqual([
      ['kr-count', 'O-BORING-DEPLOYS'],
      ['kpi-breached', 'change-failure-rate'],
      ['orphan-objective', 'O-SUBSCRIPTIONS'],
      ['stale-check-in', 'KR-LEADTIME'],
      ['stale-check-in', 'KR-TEST-PASS'],
      ['stale-check-in', 'KR-MRR'],
      ['stale-check-in', 'KR-CAFES'],
    ]);
  });

  it('SPEC §4: the report carries the required fields and survives JSON unrounded', () => {
    const json = JSON.parse(JSON.stringify(report)) as Report;
    expect(json.at).toBe('2026-11-15');
    for (const o of json.objectives) expect(Object.keys(o)).toEqual(expect.arrayContaining(['id', 'progress', 'expected', 'status', 'keyResults']));
    for (const k of json.keyResults) {
      expect(Object.keys(k)).toEqual(expect.arrayContaining(['id', 'objective', 'type', 'progress', 'status', k.type === 'effort' ? 'units' : 'current']));
    }
    for (const k of json.kpis) expect(Object.keys(k)).toEqual(expect.arrayContaining(['id', 'health']));
    for (const l of json.lints) expect(Object.keys(l).sort()).toEqual(['code', 'message', 'severity', 'subject']);
    expect(outcomeReport(json, 'KR-CHURN').progress).toBe(outcomeReport(report, 'KR-CHURN').progress);
  });
});
