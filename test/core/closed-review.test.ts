// SPEC §9 and §11 together: a closed period leaves the review of running periods, shows its
// scores when asked for by --period, and its KRs no longer count as focusing a KPI.
import { describe, expect, it } from 'vitest';
import { closePeriod, scoreText, toIsoDate } from '../../src/core';
import { reviewMarkdown } from '../../src/core/review/markdown';
import { review } from '../../src/core/review/review';
import { buildPlan, evaluateAt, kpi, objective, outcomeKr } from './builders';

const Q4 = { id: 'Q4', start: '2024-07-01', end: '2024-12-31' };

function plan() {
  return buildPlan({
    periods: [{ id: 'Q3', start: '2024-07-01', end: '2024-09-30' }, Q4],
    objectives: [
      objective('O', [outcomeKr('A', { checkIns: [{ at: '2024-08-01', value: 4 }], grade: 0.7, reflection: 'renewals *slipped*\nlate' }), outcomeKr('F', { kpiRef: 'churn', start: 10, target: 5 })]),
      objective('N', [outcomeKr('B')], { period: 'Q4' }),
    ],
    kpis: [kpi('churn', { readings: [{ at: '2024-09-01', value: 9 }] })],
  });
}

describe('scoreText', () => {
  it('reads on the 0.0–1.0 scale and as a whole percent', () => {
    expect([0, 0.7, 0.55, 0.333, 1, 0.996].map(scoreText)).toEqual(['0.0 (0%)', '0.7 (70%)', '0.55 (55%)', '0.33 (33%)', '1.0 (100%)', '0.99 (99%)']);
  });
});

describe('the review of a plan with a closed period', () => {
  const closed = closePeriod(plan(), 'Q3', toIsoDate('2024-09-20'));

  it('leaves closed periods out of the running ones, and a closed KR focuses no KPI any more', () => {
    const open = review(plan(), evaluateAt(plan(), '2024-09-20'));
    expect(open.objectives.map((o) => o.id)).toEqual(['O', 'N']);
    expect(open.spotlight.kpis).toEqual([]);
    const r = review(closed, evaluateAt(closed, '2024-09-20'));
    expect(r.objectives.map((o) => o.id)).toEqual(['N']);
    expect(r.spotlight.kpis).toEqual(['churn']);
  });

  it('shows the scores, the grade and the reflection of a closed period named with --period', () => {
    const r = review(closed, evaluateAt(closed, '2024-12-01'), { period: 'Q3' });
    // A: progress 0.4, graded 0.7; F: kpi reading 9 → progress 0.2: score (0.7 + 0.2) / 2.
    expect(r.objectives[0]).toMatchObject({ id: 'O', status: 'closed', closed: '2024-09-20' });
    expect(r.objectives[0]?.score).toBeCloseTo(0.45, 12);
    const text = reviewMarkdown(r);
    expect(text).toContain('30% done, score 0.45 (45%), closed 2024-09-20: closed.');
    expect(text).toContain('- KR A (A): 40%, closed; 4 at the close, from 0 to 10; score 0.7 (70%), graded. Reflection: renewals \\*slipped\\* late');
  });
});
