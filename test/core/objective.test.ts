import { describe, expect, it } from 'vitest';
import { buildPlan, effortKr, evaluateAt, item, objective, objectiveReport, outcomeKr, planOf } from './builders';

const at = (value: number) => ({ checkIns: [{ at: '2024-07-01', value }] });

describe('SPEC §2 objective: progress = weighted mean of its KRs', () => {
  it('equal weights by default', () => {
    const plan = planOf([outcomeKr('A', at(10)), outcomeKr('B', at(5)), outcomeKr('C', at(0))]);
    const o = objectiveReport(evaluateAt(plan, '2024-08-15'), 'O');
    expect(o.progress).toBeCloseTo(0.5, 15);
    expect(o.keyResults).toEqual(['A', 'B', 'C']);
  });

  it('KR weights tilt the mean', () => {
    const plan = planOf([outcomeKr('A', { ...at(10), weight: 3 }), outcomeKr('B', { ...at(0), weight: 1 })]);
    expect(objectiveReport(evaluateAt(plan, '2024-08-15'), 'O').progress).toBe(0.75);
  });

  it('fractional weights', () => {
    const plan = planOf([outcomeKr('A', { ...at(10), weight: 0.5 }), outcomeKr('B', { ...at(4), weight: 2 })]);
    // (1 * 0.5 + 0.4 * 2) / 2.5 = 0.52
    expect(objectiveReport(evaluateAt(plan, '2024-08-15'), 'O').progress).toBeCloseTo(0.52, 15);
  });

  it('effort and outcome KRs mix', () => {
    const plan = planOf([outcomeKr('A', at(10)), effortKr('B', ['jira:W-1'])], {
      workItems: [item('jira:W-1', 'todo'), item('jira:W-2', 'done', { parent: 'jira:W-1' }), item('jira:W-3', 'todo', { parent: 'jira:W-1' })],
    });
    expect(objectiveReport(evaluateAt(plan, '2024-08-15'), 'O').progress).toBe(0.75);
  });

  it('all KRs done → the objective is done', () => {
    const plan = planOf([outcomeKr('A', at(10)), outcomeKr('B', at(12))]);
    expect(objectiveReport(evaluateAt(plan, '2024-07-02'), 'O')).toMatchObject({ progress: 1, status: 'done' });
  });

  it('an objective with no KRs is at 0 and paced like any other (never NaN)', () => {
    const plan = buildPlan({ objectives: [objective('E', [])] });
    const report = evaluateAt(plan, '2024-08-15');
    const o = objectiveReport(report, 'E');
    expect(o.progress).toBe(0);
    expect(o.keyResults).toEqual([]);
    expect(o.status).toBe('off-track');
    expect(objectiveReport(evaluateAt(plan, '2024-06-30'), 'E').status).toBe('not-started');
  });

  it('alignment does not feed progress', () => {
    const aligned = buildPlan({
      teams: [{ id: 'company', name: 'Company' }, { id: 'cs', name: 'CS', parent: 'company' }],
      objectives: [objective('TOP', [outcomeKr('T', at(0))]), objective('SUB', [outcomeKr('S', at(10))], { team: 'cs', aligns: 'TOP' })],
    });
    const report = evaluateAt(aligned, '2024-08-15');
    expect(objectiveReport(report, 'TOP').progress).toBe(0);
    expect(objectiveReport(report, 'SUB')).toMatchObject({ progress: 1, aligns: 'TOP' });
  });
});
