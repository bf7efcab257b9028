// One rule set (issue 10 §1): a form's part of a plan is judged by the plan file's own rules,
// with the plan file's own messages, at paths relative to the part.
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/core/model/errors';
import { partProblems } from '../../src/core/plan/part-problems';
import { parsePlanText } from '../../src/core/plan/parse';

/** What `okr lint` would say about the same mistake in a file, path made relative to the part. */
function fileProblems(yaml: string, prefix: string): { path: string; message: string }[] {
  try {
    parsePlanText(yaml);
    return [];
  } catch (e) {
    if (!(e instanceof InvalidInputError)) throw e;
    return e.problems.filter((p) => p.path.startsWith(prefix)).map((p) => ({ path: p.path.slice(prefix.length + 1), message: p.message }));
  }
}

describe('partProblems', () => {
  it('says of a period what the plan file says: it ends before it starts', () => {
    const problems = partProblems({ kind: 'period', value: { id: 'Q1', start: '2027-03-31' as never, end: '2027-01-01' as never } });
    expect(problems).toEqual([{ path: 'end', message: 'ends (2027-01-01) before it starts (2027-03-31)' }]);
    expect(problems).toEqual(fileProblems('okr: 1\nperiods:\n  - { id: Q1, start: 2027-03-31, end: 2027-01-01 }\n', 'periods[0]'));
  });

  it('says of a KPI guardrail on the wrong side what the plan file says', () => {
    const problems = partProblems({ kind: 'kpi', value: { id: 'nps', title: 'NPS', direction: 'up', target: 50, threshold: 60 } });
    expect(problems).toEqual(fileProblems('okr: 1\nkpis:\n  - { id: nps, title: NPS, direction: up, target: 50, threshold: 60 }\n', 'kpis[0]'));
    expect(problems.map((p) => p.path)).toEqual(['threshold']);
  });

  it('reports empty titles, bad dates and weights with the schema messages, at field paths', () => {
    expect(partProblems({ kind: 'objective', value: { title: ' ', team: 'x', period: 'y' } })).toEqual([{ path: 'title', message: 'must not be empty' }]);
    expect(partProblems({ kind: 'period', value: { id: 'Q1', start: '2027-02-30' as never, end: '2027-03-31' as never } })).toEqual([
      { path: 'start', message: 'expected a calendar date (YYYY-MM-DD), got "2027-02-30"' },
    ]);
    expect(partProblems({ kind: 'keyResult', value: { title: 'Ship', type: 'effort', weight: 0 } })).toEqual([{ path: 'weight', message: 'weight must be above 0' }]);
  });

  it('leaves references to other parts to the app, and a new part needs no id', () => {
    expect(partProblems({ kind: 'team', value: { name: 'Marketing', parent: 'nowhere' } })).toEqual([]);
    expect(partProblems({ kind: 'keyResult', value: { title: 'Churn down', type: 'outcome', kpiRef: 'nope', target: 2 } })).toEqual([]);
    expect(partProblems({ kind: 'objective', value: { title: 'Loved', team: 'nope', period: 'nope', aligns: 'nope' } })).toEqual([]);
  });
});
