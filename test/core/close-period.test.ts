// SPEC §9: closing a period freezes its KRs' numbers; scores, statuses, KPIs of closed periods.
import { describe, expect, it } from 'vitest';
import { closePeriod, evaluate, PeriodRefusedError, reopenPeriod, toIsoDate, validatePlan, type Plan } from '../../src/core';
import { buildPlan, effortKr, effortReport, evaluateAt, item, kpi, lintsOf, objective, objectiveReport, outcomeKr, outcomeReport, Q3 } from './builders';

const day = toIsoDate;

/** O (Q3): outcome A 0→10 checked in at 4 on 08-01 and 9 on 10-05 (after the end), effort B over W-1. */
function quarter(extra: { a?: Record<string, unknown>; b?: Record<string, unknown> } = {}): Plan {
  return buildPlan({
    objectives: [
      objective('O', [
        outcomeKr('A', { checkIns: [{ at: '2024-08-01', value: 4 }, { at: '2024-10-05', value: 9 }], ...extra.a }),
        effortKr('B', ['jira:W-1'], { weight: 3, ...extra.b }),
      ]),
    ],
    workItems: [item('jira:W-1', 'todo'), item('jira:W-2', 'done', { parent: 'jira:W-1' }), item('jira:W-3', 'todo', { parent: 'jira:W-1' })],
  });
}

function withItems(plan: Plan, statuses: Record<string, 'todo' | 'done' | 'cancelled' | 'in-progress'>): Plan {
  return {
    ...plan,
    workItems: plan.workItems.map((w) => {
      const status = statuses[w.ref];
      return status ? { ...w, status } : w;
    }),
  };
}

describe('closePeriod', () => {
  it('sets closed and writes each KR its evaluation as of the earlier of the close and the period end', () => {
    const closed = closePeriod(quarter(), 'Q3', day('2024-10-10'));
    expect(closed.periods.find((p) => p.id === 'Q3')?.closed).toBe('2024-10-10');
    const [a, b] = closed.objectives[0]?.keyResults ?? [];
    // The check-in of 10-05 is after the period's end (09-30): it does not count.
    expect(a?.final).toEqual({ progress: 0.4, current: 4 });
    expect(b?.final).toEqual({ progress: 0.5, units: { done: 1, total: 2 } });
    // The result is a valid plan, and the input is untouched.
    expect(validatePlan(JSON.parse(JSON.stringify(closed)))).toEqual(closed);
    expect(quarter().periods[0]?.closed).toBeUndefined();
  });

  it('an early close freezes the numbers of the close day', () => {
    const closed = closePeriod(quarter(), 'Q3', day('2024-07-15'));
    expect(closed.objectives[0]?.keyResults[0]?.final).toEqual({ progress: 0, current: 0 });
  });

  it('keeps grades and reflections written before the close', () => {
    const closed = closePeriod(quarter({ a: { grade: 0.7, reflection: 'renewals slipped' } }), 'Q3', day('2024-10-01'));
    expect(closed.objectives[0]?.keyResults[0]).toMatchObject({ grade: 0.7, reflection: 'renewals slipped', final: { progress: 0.4 } });
  });

  it('refuses an unknown period, a closed one and a close before the start, with a typed error', () => {
    const once = closePeriod(quarter(), 'Q3', day('2024-10-01'));
    const refusal = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(PeriodRefusedError);
        return [(e as PeriodRefusedError).reason, (e as PeriodRefusedError).message];
      }
      throw new Error('not refused');
    };
    expect(refusal(() => closePeriod(quarter(), 'Q9', day('2024-10-01')))).toEqual(['unknown-period', expect.stringContaining('unknown period "Q9" (known: Q3, TEN)')]);
    expect(refusal(() => closePeriod(once, 'Q3', day('2024-10-02')))).toEqual(['already-closed', expect.stringContaining('already closed on 2024-10-01')]);
    expect(refusal(() => closePeriod(quarter(), 'Q3', day('2024-06-30')))).toEqual(['closed-before-start', expect.stringContaining('before period "Q3" starts')]);
    expect(refusal(() => reopenPeriod(quarter(), 'Q3'))).toEqual(['not-closed', expect.stringContaining('"Q3" is not closed')]);
  });

  it('reopen removes closed and every final of that period, and evaluation is live again', () => {
    const plan = quarter({ a: { grade: 0.5 } });
    const reopened = reopenPeriod(closePeriod(plan, 'Q3', day('2024-10-01')), 'Q3');
    expect(reopened).toEqual(plan);
  });
});

describe('a closed KR, evaluated at any date', () => {
  const closed = closePeriod(quarter(), 'Q3', day('2024-10-01'));

  it('takes progress, current and units from final, whatever happens afterwards', () => {
    const later = withItems(closed, { 'jira:W-3': 'done' });
    const moved = { ...later, objectives: later.objectives.map((o) => ({ ...o, keyResults: o.keyResults.map((kr) => (kr.type === 'outcome' ? { ...kr, checkIns: [...(kr.checkIns ?? []), { at: day('2024-09-20'), value: 10 }] } : kr)) })) };
    for (const at of ['2024-08-01', '2024-10-01', '2025-06-01']) {
      const r = evaluateAt(moved, at);
      expect(outcomeReport(r, 'A')).toMatchObject({ progress: 0.4, current: 4, currentFrom: 'final', status: 'closed', score: 0.4, closed: '2024-10-01' });
      expect(effortReport(r, 'B')).toMatchObject({ progress: 0.5, units: { done: 1, total: 2 }, status: 'closed', score: 0.5 });
    }
  });

  it('a grade overrides the score but not the progress', () => {
    const graded = { ...closed, objectives: closed.objectives.map((o) => ({ ...o, keyResults: o.keyResults.map((kr) => (kr.id === 'A' ? { ...kr, grade: 0.7 } : kr)) })) };
    const r = evaluateAt(graded, '2024-12-01');
    expect(outcomeReport(r, 'A')).toMatchObject({ progress: 0.4, score: 0.7, grade: 0.7 });
    // Objective: progress (0.4 + 3 × 0.5) / 4, score (0.7 + 3 × 0.5) / 4.
    expect(objectiveReport(r, 'O')).toMatchObject({ status: 'closed', closed: '2024-10-01' });
    expect(objectiveReport(r, 'O').progress).toBeCloseTo(0.475, 12);
    expect(objectiveReport(r, 'O').score).toBeCloseTo(0.55, 12);
  });

  it('done when the frozen progress reached 1, even with a lower grade', () => {
    const plan = closePeriod(quarter({ a: { checkIns: [{ at: '2024-09-01', value: 10 }], grade: 0.9 } }), 'Q3', day('2024-10-01'));
    const r = evaluateAt(plan, '2024-12-01');
    expect(outcomeReport(r, 'A')).toMatchObject({ progress: 1, status: 'done', score: 0.9 });
  });

  it('open periods carry no score or closed flag', () => {
    const r = evaluateAt(quarter(), '2024-08-15');
    expect(outcomeReport(r, 'A')).not.toHaveProperty('score');
    expect(objectiveReport(r, 'O')).not.toHaveProperty('score');
    expect(objectiveReport(r, 'O')).not.toHaveProperty('closed');
  });

  it('closed KRs leave the KPI list, no longer focus a KPI, and do not count in kpi-count', () => {
    const krs = Array.from({ length: 8 }, (_, i) => outcomeKr(`K${i}`, { kpi: true }));
    const plan = buildPlan({
      periods: [Q3, { id: 'Q4', start: '2024-10-01', end: '2024-12-31' }],
      objectives: [objective('O', krs), objective('P', [outcomeKr('F', { kpiRef: 'churn', start: 10, target: 5 })]), objective('N', [outcomeKr('N1', { kpi: true })], { period: 'Q4' })],
      kpis: [kpi('churn', { readings: [{ at: '2024-09-01', value: 9 }] })],
    });
    const before = evaluateAt(plan, '2024-11-01');
    expect(lintsOf(before, 'kpi-count')).toHaveLength(1);
    const after = evaluateAt(closePeriod(plan, 'Q3', day('2024-10-01')), '2024-11-01');
    expect(after.kpis.map((k) => k.id)).toEqual(['churn', 'N1']);
    expect(after.kpis[0]?.focusedBy).toEqual([]);
    expect(lintsOf(after, 'kpi-count')).toEqual([]);
    expect(lintsOf(after, 'kpi-breached').map((l) => l.subject)).toEqual(['churn']);
  });

  it('caller-known progress values never move a closed KR (frozen means frozen)', () => {
    const r = evaluate(closed, day('2024-12-01'), { known: new Map([['B', { progress: 1, countsWithheld: true as const }]]) });
    expect(effortReport(r, 'B')).toMatchObject({ progress: 0.5, units: { done: 1, total: 2 } });
    expect(effortReport(r, 'B')).not.toHaveProperty('countsWithheld');
  });
});

describe('known progress values in an open period (the one evaluation path)', () => {
  it('replace the computed progress, and objective progress and status follow from them', () => {
    const r = evaluate(quarter(), day('2024-09-30'), { known: new Map([['B', { progress: 1, countsWithheld: true as const }]]) });
    expect(effortReport(r, 'B')).toMatchObject({ progress: 1, status: 'done', units: { done: 0, total: 0 }, countsWithheld: true });
    expect(effortReport(r, 'B').explanation.units).toEqual([]);
    // (0.4 + 3 × 1) / 4 = 0.85 with expected 1 at the period's last day: at-risk.
    expect(objectiveReport(r, 'O')).toMatchObject({ status: 'at-risk' });
    expect(objectiveReport(r, 'O').progress).toBeCloseTo(0.85, 12);
  });
});

describe('validation of closed periods (SPEC §9)', () => {
  const problems = (input: Record<string, unknown>) => {
    try {
      validatePlan(input);
    } catch (e) {
      return (e as { problems: { path: string; message: string }[] }).problems;
    }
    return [];
  };
  const base = (periods: unknown[], krs: unknown[]) => ({ okr: 1, periods, teams: [{ id: 'c', name: 'C' }], objectives: [{ id: 'O', title: 'O', team: 'c', period: 'Q3', keyResults: krs }] });
  const closedQ3 = { ...Q3, closed: '2024-10-01' };

  it('refuses a grade or a final progress outside 0..1, and units done above total', () => {
    expect(problems(base([closedQ3], [outcomeKr('A', { grade: 1.5, final: { progress: -0.1 } }), effortKr('B', [], { final: { progress: 0.5, units: { done: 3, total: 2 } } })]))).toEqual([
      { path: 'objectives[0].keyResults[0].final.progress', message: 'progress is between 0 and 1' },
      { path: 'objectives[0].keyResults[0].grade', message: 'a grade is between 0 and 1' },
      { path: 'objectives[0].keyResults[1].final.units.done', message: 'units.done cannot exceed units.total' },
    ]);
  });

  it('refuses final on a KR of a period that is not closed, and a closed KR without final', () => {
    expect(problems(base([Q3], [outcomeKr('A', { final: { progress: 0.5, current: 5 } })]))).toEqual([
      { path: 'objectives[0].keyResults[0].final', message: expect.stringContaining('period "Q3" is not closed') as unknown },
    ]);
    expect(problems(base([closedQ3], [outcomeKr('A')]))).toEqual([{ path: 'objectives[0].keyResults[0].final', message: expect.stringContaining('required: period "Q3" is closed (2024-10-01)') as unknown }]);
  });

  it('refuses a close before the period starts and fields of the other KR kind in final', () => {
    expect(problems(base([{ ...Q3, closed: '2024-06-30' }], [outcomeKr('A', { final: { progress: 0, units: { done: 0, total: 0 } } })]))).toEqual([
      { path: 'objectives[0].keyResults[0].final.units', message: expect.stringContaining('not a field of this kind') as unknown },
      { path: 'periods[0].closed', message: 'closed on 2024-06-30, before the period starts (2024-07-01); a period closes on or after its start' },
    ]);
  });

  it('accepts a grade and reflection drafted before the close, and carriedFrom naming nothing (history)', () => {
    expect(problems(base([Q3], [outcomeKr('A', { grade: 0.3, reflection: 'draft', carriedFrom: 'GONE' })]))).toEqual([]);
  });
});
