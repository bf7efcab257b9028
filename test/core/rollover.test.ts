// SPEC §10: rolling a closed period over into the next one.
import { describe, expect, it } from 'vitest';
import { closePeriod, previewRollover, rolloverPlan, PeriodRefusedError, toIsoDate, validatePlan, type Plan, type RolloverOptions } from '../../src/core';
import { buildPlan, effortKr, evaluateAt, item, kpi, lintsOf, objective, objectiveReport, outcomeKr, outcomeReport, Q3 } from './builders';

const Q4 = { id: 'Q4', start: '2024-10-01', end: '2024-12-31' };
const day = toIsoDate;

/**
 * Q3, closed on 10-01: O (owner maria) with KPI KR K (73 → 75, at 74 when closed, weight 2),
 * unfinished outcome U (no check-in), finished effort E; P aligns to K, Q aligns to O and
 * holds only a finished KR; R (another period) aligns to O.
 */
function closedQ3(periods: unknown[] = [Q3]): Plan {
  const plan = buildPlan({
    periods: periods as Record<string, unknown>[],
    teams: [{ id: 'company', name: 'Company' }, { id: 'eng', name: 'Eng', parent: 'company' }],
    objectives: [
      objective('O', [
        outcomeKr('K', { start: 73, target: 75, unit: '%', kpi: true, weight: 2, owner: 'ana', links: ['jira:W-9'], checkIns: [{ at: '2024-08-01', value: 74 }] }),
        outcomeKr('U', { kpiRef: 'churn', start: 11, target: 7.5 }),
        effortKr('E', ['jira:W-1'], { weighting: 'estimate' }),
      ], { owner: 'maria' }),
      objective('P', [outcomeKr('PK', { kpi: true, start: 0, target: 5, checkIns: [{ at: '2024-09-01', value: 1 }] })], { team: 'eng', aligns: 'K' }),
      objective('Q', [effortKr('QE', ['jira:W-1'])], { team: 'eng', aligns: 'O' }),
    ],
    kpis: [kpi('churn', { readings: [{ at: '2024-09-15', value: 9 }] })],
    workItems: [item('jira:W-1', 'done'), item('jira:W-9', 'todo')],
  });
  return closePeriod(plan, 'Q3', day('2024-10-01'));
}

const roll = (plan: Plan, options: Partial<RolloverOptions> = {}) => rolloverPlan(plan, { from: 'Q3', to: 'Q4', start: day(Q4.start), end: day(Q4.end), ...options });

describe('rolloverPlan', () => {
  it('carries every KPI KR; objectives copied with ids <id>-<Q>, carriedFrom, title, team and owner', () => {
    const after = roll(closedQ3());
    expect(after.periods.map((p) => p.id)).toEqual(['Q3', 'Q4']);
    expect(after.periods[1]).toEqual(Q4);
    const added = after.objectives.slice(3);
    expect(added.map((o) => [o.id, o.carriedFrom, o.period, o.team, o.owner, o.keyResults.map((k) => k.id)])).toEqual([
      ['O-Q4', 'O', 'Q4', 'company', 'maria', ['K-Q4']],
      ['P-Q4', 'P', 'Q4', 'eng', undefined, ['PK-Q4']],
    ]);
    // Valid as a whole, and the closed period is untouched.
    expect(validatePlan(JSON.parse(JSON.stringify(after)))).toEqual(after);
    expect(after.objectives.slice(0, 3)).toEqual(closedQ3().objectives);
  });

  it('a carried KR keeps its fields, drops its history and starts from its actual', () => {
    const k = roll(closedQ3()).objectives[3]?.keyResults[0];
    expect(k).toEqual({ id: 'K-Q4', title: 'KR K', type: 'outcome', start: 74, target: 75, unit: '%', kpi: true, weight: 2, owner: 'ana', links: ['jira:W-9'], carriedFrom: 'K' });
  });

  it('aligns point to the carried copy when what they aligned to was carried, else stay', () => {
    const after = roll(closedQ3(), { unfinished: true });
    const byId = new Map(after.objectives.map((o) => [o.id, o]));
    expect(byId.get('P-Q4')?.aligns).toBe('K-Q4');
    // Q has no unfinished KR and no KPI: not carried, so nothing aligns to a copy of it.
    expect(byId.has('Q-Q4')).toBe(false);
    const notRealigned = rolloverPlan(closedQ3([Q3, Q4]), { from: 'Q3', to: 'Q4', keyResults: ['QE'] });
    expect(new Map(notRealigned.objectives.map((o) => [o.id, o])).get('Q-Q4')?.aligns).toBe('O-Q4');
    const onlyQ = rolloverPlan(buildPlanWithoutKpis(), { from: 'Q3', to: 'Q4', keyResults: ['QE'] });
    expect(onlyQ.objectives.find((o) => o.id === 'Q-Q4')?.aligns).toBe('O');
  });

  it('--unfinished carries every KR below 1 too; a kpiRef KR starts from the reading frozen at the close', () => {
    const after = roll(closedQ3(), { unfinished: true });
    const o = after.objectives.find((x) => x.id === 'O-Q4');
    expect(o?.keyResults.map((k) => k.id)).toEqual(['K-Q4', 'U-Q4']);
    expect(o?.keyResults[1]).toEqual({ id: 'U-Q4', title: 'KR U', type: 'outcome', kpiRef: 'churn', start: 9, target: 7.5, carriedFrom: 'U' });
  });

  it('an outcome KR with no value frozen starts from its old start; effort KRs keep links and weighting', () => {
    const plan = closePeriod(buildPlan({ periods: [Q3], objectives: [objective('O', [{ id: 'N', title: 'N', type: 'outcome', kpi: true, target: 3 }, effortKr('E', ['jira:W-1'], { weighting: 'estimate', kpi: true })])], workItems: [item('jira:W-1', 'todo')] }), 'Q3', day('2024-10-01'));
    const [n, e] = roll(plan).objectives[1]?.keyResults ?? [];
    expect(n).toEqual({ id: 'N-Q4', title: 'N', type: 'outcome', kpi: true, target: 3, carriedFrom: 'N' });
    expect(e).toEqual({ id: 'E-Q4', title: 'KR E', type: 'effort', links: ['jira:W-1'], weighting: 'estimate', kpi: true, carriedFrom: 'E' });
  });

  it('targets edited before confirming replace the old ones', () => {
    const k = roll(closedQ3(), { targets: { K: 76 } }).objectives[3]?.keyResults[0];
    expect(k).toMatchObject({ start: 74, target: 76 });
  });

  it('the carried copies evaluate live in the new period; the closed ones keep their scores', () => {
    const after = roll(closedQ3());
    const r = evaluateAt(after, '2024-11-15');
    expect(outcomeReport(r, 'K-Q4')).toMatchObject({ progress: 0, current: 74, status: 'off-track' });
    expect(outcomeReport(r, 'K')).toMatchObject({ progress: 0.5, status: 'closed', score: 0.5 });
    expect(objectiveReport(r, 'O-Q4')).toMatchObject({ carriedFrom: 'O' });
    expect(r.kpis.map((k) => k.id)).toEqual(['churn', 'K-Q4', 'PK-Q4']);
  });

  it('a carried effort KR shares its links with the closed one without a double-counted-work warning', () => {
    const plan = closePeriod(buildPlan({ periods: [Q3], objectives: [objective('O', [effortKr('E', ['jira:W-1']), effortKr('X', [])])], workItems: [item('jira:W-1', 'todo'), item('jira:W-2', 'done', { parent: 'jira:W-1' }), item('jira:W-3', 'todo', { parent: 'jira:W-1' })] }), 'Q3', day('2024-10-01'));
    const after = roll(plan, { unfinished: true });
    expect(after.objectives[1]?.keyResults.map((k) => k.id)).toEqual(['E-Q4', 'X-Q4']);
    const r = evaluateAt(after, '2024-11-01');
    expect(lintsOf(r, 'double-counted-work')).toEqual([]);
    // The closed X without work is history; its live copy X-Q4 still gets the warning.
    expect(lintsOf(r, 'effort-kr-without-work').map((l) => l.subject)).toEqual(['X-Q4']);
    // Two live KRs on the same work do get it.
    const twice = { ...after, objectives: [...after.objectives, objective('Z', [effortKr('Z1', ['jira:W-1'])], { period: 'Q4' })] } as unknown as Plan;
    expect(lintsOf(evaluateAt(validatePlan(twice), '2024-11-01'), 'double-counted-work').map((l) => l.subject)).toEqual(['jira:W-2', 'jira:W-3']);
  });

  it('into an existing period, without dates', () => {
    const after = rolloverPlan(closedQ3([Q3, Q4]), { from: 'Q3', to: 'Q4' });
    expect(after.periods).toEqual(closedQ3([Q3, Q4]).periods);
    expect(after.objectives.map((o) => o.id)).toEqual(['O', 'P', 'Q', 'O-Q4', 'P-Q4']);
  });
});

function buildPlanWithoutKpis(): Plan {
  const plan = closedQ3([Q3, Q4]);
  return { ...plan, objectives: plan.objectives.map((o) => ({ ...o, keyResults: o.keyResults.map((k) => ({ ...k, kpi: false })) })) };
}

describe('previewRollover', () => {
  it('shows the copies with their new starts and targets, why each is carried, and what stays behind', () => {
    const preview = previewRollover(closedQ3(), { from: 'Q3', to: 'Q4', start: day(Q4.start), end: day(Q4.end), keyResults: ['E'] });
    expect(preview.addsPeriod).toBe(true);
    expect(preview.objectives.map((o) => [o.from, o.keyResults.map((k) => [k.from, k.keyResult.id, k.reason, k.finalProgress, k.score])])).toEqual([
      ['O', [['K', 'K-Q4', 'kpi', 0.5, 0.5], ['E', 'E-Q4', 'chosen', 1, 1]]],
      ['P', [['PK', 'PK-Q4', 'kpi', 0.2, 0.2]]],
    ]);
    expect(preview.notCarried.map((k) => k.id)).toEqual(['U', 'QE']);
    expect(rolloverPlan(closedQ3(), { from: 'Q3', to: 'Q4', start: day(Q4.start), end: day(Q4.end), keyResults: ['E'] }).objectives.slice(3)).toEqual(preview.objectives.map((o) => o.objective));
  });
});

describe('refusals (SPEC §10)', () => {
  const reason = (f: () => unknown): [string, string] => {
    try {
      f();
    } catch (e) {
      if (!(e instanceof PeriodRefusedError)) throw e;
      return [e.reason, e.problems.map((p) => `${p.path}: ${p.message}`).join('\n')];
    }
    throw new Error('not refused');
  };

  it('the source period must exist and be closed', () => {
    expect(reason(() => rolloverPlan(closedQ3(), { from: 'Q2', to: 'Q4' }))).toEqual(['unknown-period', 'from: unknown period "Q2" (known: Q3)']);
    const open = buildPlan({ periods: [Q3, Q4], objectives: [objective('O', [outcomeKr('A')])] });
    expect(reason(() => rolloverPlan(open, { from: 'Q3', to: 'Q4' }))[0]).toBe('not-closed');
  });

  it('a new period needs both dates, ends after it starts and starts after the source ends', () => {
    expect(reason(() => rolloverPlan(closedQ3(), { from: 'Q3', to: 'Q4' }))).toEqual(['missing-dates', 'start: period "Q4" is not in the plan: give its start and end (--start DATE --end DATE) to add it']);
    expect(reason(() => rolloverPlan(closedQ3(), { from: 'Q3', to: 'Q4', start: day('2024-10-01') }))[1]).toContain('give its end');
    expect(reason(() => roll(closedQ3(), { start: day('2024-09-30') }))).toEqual(['bad-dates', expect.stringContaining('not after period "Q3" ends (2024-09-30)') as unknown]);
    expect(reason(() => roll(closedQ3(), { end: day('2024-09-01') }))[0]).toBe('bad-dates');
    expect(reason(() => rolloverPlan(closedQ3([Q3, Q4]), { from: 'Q3', to: 'Q4', start: day('2024-10-02') }))[1]).toContain('--start 2024-10-02 differs from its start 2024-10-01');
  });

  it('the target period must not be closed', () => {
    const both = closePeriod(closedQ3([Q3, Q4]), 'Q4', day('2025-01-01'));
    expect(reason(() => rolloverPlan(both, { from: 'Q3', to: 'Q4' }))[0]).toBe('target-closed');
  });

  it('every id already taken is named, and nothing is returned', () => {
    const once = roll(closedQ3());
    expect(reason(() => rolloverPlan(once, { from: 'Q3', to: 'Q4' }))).toEqual([
      'id-taken',
      [
        'objectives[3].id: "O-Q4" is already used here, so the carried copy cannot take that id; rename or remove it first',
        'objectives[3].keyResults[0].id: "K-Q4" is already used here, so the carried copy cannot take that id; rename or remove it first',
        'objectives[4].id: "P-Q4" is already used here, so the carried copy cannot take that id; rename or remove it first',
        'objectives[4].keyResults[0].id: "PK-Q4" is already used here, so the carried copy cannot take that id; rename or remove it first',
      ].join('\n'),
    ]);
  });

  it('a KR chosen one by one must be a KR of the source period', () => {
    expect(reason(() => roll(closedQ3(), { keyResults: ['E', 'nope', 'O'] }))).toEqual(['unknown-key-result', 'keyResults: not key results of period "Q3": nope, O']);
  });
});
