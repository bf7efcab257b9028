// SPEC §8: the rules of `measure`, the value a run yields, and how a measured value is recorded.
import { describe, expect, it } from 'vitest';
import {
  exportPlan,
  InvalidInputError,
  measuredValue,
  measureSpec,
  parsePlanText,
  planMeasures,
  recordMeasured,
  toIsoDate,
  validatePlan,
  type Problem,
} from '../../src/core';
import { buildPlan, effortKr, evaluateAt, kpi, krReport, objective, outcomeKr, planOf, Q3, type Input } from './builders';

function problemsOf(input: Input): Problem[] {
  try {
    validatePlan(input);
  } catch (e) {
    if (e instanceof InvalidInputError) return e.problems;
    throw e;
  }
  throw new Error('expected the plan to be refused');
}

/** The problems of a plan whose one outcome KR has this measure (and these extra fields). */
const krProblems = (measure: unknown, extra: Input = {}) =>
  problemsOf({ okr: 1, periods: [Q3], teams: [{ id: 'company', name: 'Company' }], objectives: [objective('O', [outcomeKr('KR', { measure, ...extra })])] });
const KR = 'objectives[0].keyResults[0]';

describe('measure: the rules (SPEC §8)', () => {
  it('accepts each aggregate in its valid shape, on outcome KRs and KPIs', () => {
    const plan = buildPlan({
      objectives: [
        objective('O', [
          outcomeKr('open-bugs', { measure: { jql: 'project = CS AND type = Bug AND statusCategory != Done' } }),
          outcomeKr('points', { measure: { wiql: 'SELECT [System.Id] FROM WorkItems WHERE [System.State] = "Done"', aggregate: 'sum', field: 'estimate' } }),
          outcomeKr('avg', { measure: { jql: 'project = CS', aggregate: 'average', field: 'customfield_10016' } }),
        ]),
      ],
      kpis: [kpi('p1-sla', { measure: { jql: 'priority = P1 AND resolved <= due', aggregate: 'percent', of: 'priority = P1' } })],
    });
    expect(planMeasures(plan).map((m) => [m.id, m.kind, m.path])).toEqual([
      ['open-bugs', 'key-result', 'objectives[0].keyResults[0].measure'],
      ['points', 'key-result', 'objectives[0].keyResults[1].measure'],
      ['avg', 'key-result', 'objectives[0].keyResults[2].measure'],
      ['p1-sla', 'kpi', 'kpis[0].measure'],
    ]);
  });

  it('refuses two queries, and none', () => {
    expect(krProblems({ jql: 'a = 1', wiql: 'SELECT [System.Id] FROM WorkItems' })).toEqual([
      { path: `${KR}.measure.wiql`, message: expect.stringContaining('exactly one query') as string },
    ]);
    expect(krProblems({ aggregate: 'count' })).toEqual([{ path: `${KR}.measure.jql`, message: expect.stringContaining('required') as string }]);
  });

  it('requires `field` for sum and average and refuses it otherwise', () => {
    expect(krProblems({ jql: 'a = 1', aggregate: 'sum' })).toEqual([{ path: `${KR}.measure.field`, message: expect.stringContaining('required for "sum"') as string }]);
    expect(krProblems({ jql: 'a = 1', aggregate: 'average' })).toEqual([{ path: `${KR}.measure.field`, message: expect.stringContaining('required for "average"') as string }]);
    expect(krProblems({ jql: 'a = 1', field: 'estimate' })).toEqual([{ path: `${KR}.measure.field`, message: expect.stringContaining('only "sum" and "average"') as string }]);
  });

  it('requires `of` for percent and refuses it otherwise', () => {
    expect(krProblems({ jql: 'a = 1', aggregate: 'percent' })).toEqual([{ path: `${KR}.measure.of`, message: expect.stringContaining('required for "percent"') as string }]);
    expect(krProblems({ jql: 'a = 1', aggregate: 'count', of: 'a = 2' })).toEqual([{ path: `${KR}.measure.of`, message: expect.stringContaining('only "percent"') as string }]);
  });

  it('refuses `measure` together with `kpiRef`', () => {
    const problems = problemsOf({
      okr: 1,
      periods: [Q3],
      teams: [{ id: 'company', name: 'Company' }],
      objectives: [objective('O', [outcomeKr('KR', { kpiRef: 'churn', measure: { jql: 'a = 1' } })])],
      kpis: [kpi('churn')],
    });
    expect(problems).toEqual([{ path: `${KR}.measure`, message: expect.stringContaining('kpiRef') as string }]);
  });

  it('refuses `measure` on an effort KR, and a link query in `wiql`', () => {
    expect(problemsOf({ okr: 1, periods: [Q3], teams: [{ id: 'company', name: 'Company' }], objectives: [objective('O', [effortKr('E', [], { measure: { jql: 'a = 1' } })])] })).toEqual([
      { path: `${KR}.measure`, message: expect.stringContaining('check `type`') as string },
    ]);
    expect(krProblems({ wiql: 'SELECT [System.Id] FROM WorkItemLinks WHERE [Source].[System.Id] = 1' })).toEqual([
      { path: `${KR}.measure.wiql`, message: expect.stringContaining('flat query') as string },
    ]);
  });

  it('names misspelt fields and values with a "did you mean"', () => {
    expect(krProblems({ jql: 'a = 1', agregate: 'sum' })).toEqual([{ path: `${KR}.measure.agregate`, message: 'unknown field (did you mean "aggregate"?)' }]);
    expect(krProblems({ jql: 'a = 1', aggregate: 'total' })).toEqual([{ path: `${KR}.measure.aggregate`, message: 'expected one of "count", "sum", "average", "percent"' }]);
    expect(krProblems({ jql: 'a = 1' }, { mesure: { jql: 'a' } })).toEqual([{ path: `${KR}.mesure`, message: 'unknown field (did you mean "measure"?)' }]);
  });

  it('checks `source` and `count` on check-ins and readings', () => {
    const problems = krProblems(undefined, { checkIns: [{ at: '2024-07-02', value: 1, source: 'robot', count: -1 }] });
    expect(problems.map((p) => p.path)).toEqual([`${KR}.checkIns[0].source`, `${KR}.checkIns[0].count`]);
    const kpiProblems = problemsOf({ okr: 1, kpis: [kpi('k', { readings: [{ at: '2024-07-02', value: 1, count: 2.5 }] })] });
    expect(kpiProblems).toEqual([{ path: 'kpis[0].readings[0].count', message: 'expected a whole number of items' }]);
  });

  it('exports losslessly, leaving the default aggregate unwritten', () => {
    const plan = buildPlan({
      objectives: [objective('O', [outcomeKr('KR', { measure: { jql: 'labels = "a: b" ORDER BY created' }, checkIns: [{ at: '2024-07-02', value: 4, source: 'measured', count: 4 }] })])],
      kpis: [kpi('k', { measure: { wiql: "SELECT [System.Id] FROM WorkItems WHERE [System.Tags] CONTAINS 'x'", aggregate: 'percent', of: 'SELECT [System.Id] FROM WorkItems' } })],
    });
    for (const format of ['yaml', 'json'] as const) {
      const text = exportPlan(plan, format);
      expect(parsePlanText(text, format)).toEqual(plan);
    }
    expect(exportPlan(plan, 'yaml')).not.toContain('aggregate: count');
  });
});

describe('measure: the value of a run', () => {
  it('counts, sums, averages over items with the field, and takes a percent', () => {
    expect(measuredValue('count', { matched: 23 })).toEqual({ value: 23 });
    expect(measuredValue('sum', { matched: 3, sum: 8, withField: 2 })).toEqual({ value: 8 });
    expect(measuredValue('sum', { matched: 0, sum: 0, withField: 0 })).toEqual({ value: 0 });
    expect(measuredValue('average', { matched: 3, sum: 8, withField: 2 })).toEqual({ value: 4 });
    expect(measuredValue('percent', { matched: 3, denominator: 4 })).toEqual({ value: 75 });
  });

  it('yields no value for an average of nothing and a percent of an empty denominator', () => {
    expect(measuredValue('average', { matched: 3, sum: 0, withField: 0 })).toEqual({ noValue: 'no-field-values' });
    expect(measuredValue('percent', { matched: 0, denominator: 0 })).toEqual({ noValue: 'empty-denominator' });
  });

  it('resolves the plan shape into one case per aggregate', () => {
    expect(measureSpec({ jql: 'a = 1' })).toEqual({ tracker: 'jira', query: 'a = 1', aggregate: 'count' });
    expect(measureSpec({ wiql: 'SELECT', aggregate: 'sum', field: 'estimate' })).toEqual({ tracker: 'ado', query: 'SELECT', aggregate: 'sum', field: 'estimate' });
    expect(measureSpec({ jql: 'a', aggregate: 'percent', of: 'b' })).toEqual({ tracker: 'jira', query: 'a', aggregate: 'percent', of: 'b' });
    expect(() => measureSpec({ jql: 'a', aggregate: 'average' })).toThrow(/field/);
  });
});

describe('recordMeasured: one measured value per day', () => {
  const day = toIsoDate('2024-07-10');
  const manual = { at: '2024-07-10', value: 7, note: 'typed' };

  it('records a check-in with source and count, and replaces a measured value of the same day', () => {
    const plan = planOf([outcomeKr('KR', { measure: { jql: 'a = 1' }, checkIns: [{ at: '2024-07-09', value: 1, source: 'measured', count: 1 }] })]);
    const once = recordMeasured(plan, 'KR', { at: day, value: 5, count: 5 });
    const twice = recordMeasured(once, 'KR', { at: day, value: 6, count: 6 });
    const kr = twice.objectives[0]?.keyResults[0];
    expect(kr?.type === 'outcome' && kr.checkIns).toEqual([
      { at: '2024-07-09', value: 1, source: 'measured', count: 1 },
      { at: '2024-07-10', value: 6, source: 'measured', count: 6 },
    ]);
    expect(validatePlan(twice)).toEqual(twice);
    expect(krReport(evaluateAt(twice, '2024-07-10'), 'KR')).toMatchObject({ current: 6 });
    // The plan it was given is untouched.
    expect(plan.objectives[0]?.keyResults[0]).toMatchObject({ checkIns: [{ at: '2024-07-09' }] });
  });

  it('never replaces or removes a manual value; the later written wins the day', () => {
    const plan = planOf([outcomeKr('KR', { measure: { jql: 'a = 1' }, checkIns: [manual, { ...manual, value: 8, source: 'manual' }] })]);
    const after = recordMeasured(recordMeasured(plan, 'KR', { at: day, value: 5, count: 5 }), 'KR', { at: day, value: 4, count: 4 });
    const kr = after.objectives[0]?.keyResults[0];
    expect(kr?.type === 'outcome' && kr.checkIns).toEqual([manual, { ...manual, value: 8, source: 'manual' }, { at: '2024-07-10', value: 4, source: 'measured', count: 4 }]);
  });

  it('records a KPI reading, and refuses an effort KR or an unknown id', () => {
    const plan = buildPlan({ objectives: [objective('O', [effortKr('E', [])])], kpis: [kpi('k', { readings: [{ at: '2024-07-10', value: 2 }] })] });
    expect(recordMeasured(plan, 'k', { at: day, value: 3, count: 30 }).kpis[0]?.readings).toEqual([
      { at: '2024-07-10', value: 2 },
      { at: '2024-07-10', value: 3, source: 'measured', count: 30 },
    ]);
    expect(() => recordMeasured(plan, 'E', { at: day, value: 1, count: 1 })).toThrow(/effort/);
    expect(() => recordMeasured(plan, 'nope', { at: day, value: 1, count: 1 })).toThrow(/does not exist/);
  });
});
