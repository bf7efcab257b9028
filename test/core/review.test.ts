// SPEC §11: the review's four parts from plain plans, and its Markdown.
import { describe, expect, it } from 'vitest';
import { reviewMarkdown } from '../../src/core/review/markdown';
import { review } from '../../src/core/review/review';
import { buildPlan, effortKr, evaluateAt, item, kpi, objective, outcomeKr, TEN } from './builders';

const at = (plan: ReturnType<typeof buildPlan>, date: string, options = {}) => review(plan, evaluateAt(plan, date), options);

describe('review: KPIs', () => {
  it('lists every KPI with its change since the value before the latest on or before `at`', () => {
    const plan = buildPlan({
      kpis: [
        kpi('churn', { readings: [{ at: '2024-06-30', value: 4.6 }, { at: '2024-07-31', value: 11 }, { at: '2024-09-01', value: 3 }] }),
        kpi('nps', { direction: 'up', target: 50, readings: [{ at: '2024-07-01', value: 40 }] }),
        kpi('empty', { readings: [] }),
      ],
    });
    const r = at(plan, '2024-08-15');
    expect(r.kpis.map((k) => [k.id, k.value, k.health, k.change, k.previousAt])).toEqual([
      ['churn', 11, 'breached', 11 - 4.6, '2024-06-30'],
      ['nps', 40, 'breached', undefined, undefined],
      ['empty', undefined, 'no-data', undefined, undefined],
    ]);
  });

  it('takes the previous value of one day as the entry written before the latest that day', () => {
    const plan = buildPlan({ kpis: [kpi('k', { readings: [{ at: '2024-07-02', value: 9 }, { at: '2024-07-02', value: 6 }, { at: '2024-07-01', value: 8 }] })] });
    const [k] = at(plan, '2024-07-10').kpis;
    expect(k?.value).toBe(6);
    expect(k?.change).toBe(6 - 9);
  });

  it('gives a KR kept as a KPI the change between its last two check-ins', () => {
    const plan = buildPlan({
      objectives: [objective('O', [outcomeKr('KR1', { kpi: true, checkIns: [{ at: '2024-07-05', value: 2 }, { at: '2024-07-20', value: 5 }, { at: '2024-09-01', value: 9 }] })])],
    });
    const k = at(plan, '2024-08-01').kpis.find((x) => x.id === 'KR1');
    expect(k).toMatchObject({ source: 'kr', value: 5, change: 3, previousAt: '2024-07-05' });
  });
});

describe('review: objectives and spotlight', () => {
  const plan = buildPlan({
    periods: [TEN, { id: 'NEXT', start: '2024-02-01', end: '2024-02-29' }],
    teams: [{ id: 'company', name: 'Company' }, { id: 'eng', name: 'Engineering', parent: 'company' }, { id: 'web', name: 'Web', parent: 'eng' }, { id: 'sales', name: 'Sales', parent: 'company' }],
    objectives: [
      // Day 8 of TEN: expected 0.8.
      objective('OA', [outcomeKr('A1', { checkIns: [{ at: '2024-01-02', value: 1 }] }), outcomeKr('A2', { checkIns: [{ at: '2024-01-02', value: 6 }] }), outcomeKr('A3', { checkIns: [{ at: '2024-01-02', value: 8 }] })], { period: 'TEN', team: 'web' }),
      objective('OB', [outcomeKr('B1', { checkIns: [{ at: '2024-01-02', value: 1 }] }), outcomeKr('B2', { checkIns: [{ at: '2024-01-02', value: 1 }] }), outcomeKr('B3', { checkIns: [{ at: '2024-01-02', value: 5 }] }), outcomeKr('B4', { checkIns: [{ at: '2024-01-02', value: 3 }] })], { period: 'TEN', team: 'sales' }),
      objective('OC', [outcomeKr('C1')], { period: 'NEXT', team: 'eng' }),
    ],
    kpis: [kpi('churn', { readings: [{ at: '2024-01-01', value: 9 }] }), kpi('focused', { readings: [{ at: '2024-01-01', value: 9 }] }), kpi('fine', { readings: [{ at: '2024-01-01', value: 1 }] })],
  });
  const withFocus = buildPlan({ ...plan, objectives: [...plan.objectives, objective('OF', [outcomeKr('F1', { kpiRef: 'focused', start: 12, target: 5 })], { period: 'NEXT' })] } as never);

  it('reviews the objectives of the periods running at `at`, with their KRs', () => {
    const r = at(plan, '2024-01-08');
    expect(r.objectives.map((o) => o.id)).toEqual(['OA', 'OB']);
    expect(r.objectives[0]?.keyResultReports.map((k) => k.id)).toEqual(['A1', 'A2', 'A3']);
    expect(at(plan, '2024-02-10').objectives.map((o) => o.id)).toEqual(['OC']);
    expect(at(plan, '2024-03-10').objectives).toEqual([]);
  });

  it('filters by a team and the teams below it, and by a named period', () => {
    expect(at(plan, '2024-01-08', { team: 'eng' }).objectives.map((o) => o.id)).toEqual(['OA']);
    expect(at(plan, '2024-01-08', { team: 'company' }).objectives.map((o) => o.id)).toEqual(['OA', 'OB']);
    expect(at(plan, '2024-01-08', { period: 'NEXT' }).objectives.map((o) => o.id)).toEqual(['OC']);
    expect(at(plan, '2024-01-08', { period: 'NEXT', team: 'sales' }).objectives).toEqual([]);
  });

  it('spotlights at most five off-track or at-risk KRs, widest gap first, then by id', () => {
    // Expected 0.8: gaps A1 0.7, A2 0.2, A3 0 (on track), B1 0.7, B2 0.7, B3 0.3, B4 0.5.
    const r = at(plan, '2024-01-08');
    expect(r.spotlight.keyResults).toEqual(['A1', 'B1', 'B2', 'B4', 'B3']);
    expect(at(plan, '2024-01-08', { team: 'eng' }).spotlight.keyResults).toEqual(['A1', 'A2']);
  });

  it('spotlights breached KPIs of `kpis` that no KR focuses on, in plan order', () => {
    expect(at(plan, '2024-01-08').spotlight.kpis).toEqual(['churn', 'focused']);
    expect(at(withFocus, '2024-01-08').spotlight.kpis).toEqual(['churn']);
  });

  it('counts the lints per severity and lists the errors', () => {
    const broken = buildPlan({ objectives: [objective('O', [effortKr('E', ['jira:NOPE-1'])])], workItems: [item('jira:X-1', 'done')] });
    const r = at(broken, '2024-08-01');
    const report = evaluateAt(broken, '2024-08-01');
    expect(r.lints.error).toBe(report.lints.filter((l) => l.severity === 'error').length);
    expect(r.lints.warning).toBe(report.lints.filter((l) => l.severity === 'warning').length);
    expect(r.lints.error).toBeGreaterThan(0);
    expect(r.lints.errors.map((l) => l.code)).toContain('unknown-work-item');
  });
});

describe('review as Markdown', () => {
  it('puts the KPIs before the objectives, then the spotlight and the lints', () => {
    const plan = buildPlan({ objectives: [objective('O', [outcomeKr('KR1', { checkIns: [{ at: '2024-07-02', value: 1 }] })])], kpis: [kpi('churn', { unit: '%', readings: [{ at: '2024-07-01', value: 9 }, { at: '2024-08-01', value: 7.5 }] })] });
    const text = reviewMarkdown(at(plan, '2024-08-15'));
    const order = ['## KPIs', '## Objectives', '## Spotlight', '## Lints'].map((h) => text.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('| KPI churn (churn) | 7.5% | 5% | – | breached | −1.5% |');
    expect(text).toContain('1. **KR KR1** (KR1): 10% done, 50% expected, off track');
  });

  it('escapes user-written text so it cannot become HTML, a link, a heading or a broken row', () => {
    const plan = buildPlan({
      objectives: [objective('O', [outcomeKr('KR1')], { title: '<img src=x onerror=alert(1)> [click](http://evil.example)\n# owned | cell' })],
    });
    const text = reviewMarkdown(at(plan, '2024-08-15'));
    expect(text).not.toContain('<img');
    expect(text).not.toMatch(/[^\\]\]\(http/); // a bracket that closes a link is escaped
    expect(text).not.toMatch(/^# owned/m);
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt; \\[click\\](http://evil.example) \\# owned \\| cell');
  });
});
