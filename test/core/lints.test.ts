import { describe, expect, it } from 'vitest';
import type { LintCode } from '../../src/core';
import { buildPlan, effortKr, evaluateAt, item, kpi, lintsOf, objective, outcomeKr, type Input, type PlanParts } from './builders';

const AT = '2024-08-15';

/** n well-formed outcome KRs with ids `${prefix}1`… */
const krs = (n: number, prefix = 'K', extra: Input = {}) => Array.from({ length: n }, (_, i) => outcomeKr(`${prefix}${i + 1}`, extra));

const lints = (parts: PlanParts, code: LintCode) => lintsOf(evaluateAt(buildPlan(parts), AT), code);

const workItems = [item('jira:W-1', 'in-progress'), item('jira:W-2', 'done', { parent: 'jira:W-1' }), item('jira:W-3', 'todo', { parent: 'jira:W-1' })];

describe('SPEC §3 lints: a plan that follows the doctrine has none', () => {
  it('three measurable KRs, a complete healthy KPI, linked known work', () => {
    const report = evaluateAt(
      buildPlan({
        objectives: [objective('O', [...krs(2, 'K', { checkIns: [{ at: '2024-08-10', value: 5 }] }), effortKr('E', ['jira:W-1'])])],
        kpis: [kpi('churn', { readings: [{ at: '2024-08-01', value: 4 }] })],
        workItems,
      }),
      AT,
    );
    expect(report.lints).toEqual([]);
  });
});

describe('SPEC §3 objective-without-krs (error)', () => {
  it('fires for an objective with no key results', () => {
    expect(lints({ objectives: [objective('O', [])] }, 'objective-without-krs')).toEqual([
      expect.objectContaining({ severity: 'error', subject: 'O', message: expect.stringMatching(/add 3–5/) as unknown }),
    ]);
  });

  it('does not fire once it has one', () => {
    expect(lints({ objectives: [objective('O', krs(1))] }, 'objective-without-krs')).toEqual([]);
  });
});

describe('SPEC §3 kr-count (warning): 3–5 KRs', () => {
  it.each([1, 2, 6, 7])('%i KRs warn', (n) => {
    expect(lints({ objectives: [objective('O', krs(n))] }, 'kr-count')).toEqual([
      expect.objectContaining({ severity: 'warning', subject: 'O', message: expect.stringContaining(`${n} key result`) as unknown }),
    ]);
  });

  it.each([3, 4, 5])('%i KRs are fine', (n) => {
    expect(lints({ objectives: [objective('O', krs(n))] }, 'kr-count')).toEqual([]);
  });

  it('0 KRs is objective-without-krs only, not also kr-count', () => {
    expect(lints({ objectives: [objective('O', [])] }, 'kr-count')).toEqual([]);
  });
});

describe('SPEC §3 outcome-kr-without-target (error)', () => {
  const one = (kr: Input) => lints({ objectives: [objective('O', [kr, ...krs(2, 'X')])] }, 'outcome-kr-without-target');

  it('fires when start is missing', () => {
    expect(one({ id: 'K', title: 'k', type: 'outcome', target: 5 })).toEqual([expect.objectContaining({ severity: 'error', subject: 'K', message: expect.stringMatching(/no start/) as unknown })]);
  });

  it('fires when target is missing', () => {
    expect(one({ id: 'K', title: 'k', type: 'outcome', start: 5 })).toEqual([expect.objectContaining({ subject: 'K', message: expect.stringMatching(/no target/) as unknown })]);
  });

  it('fires when both are missing', () => {
    expect(one({ id: 'K', title: 'k', type: 'outcome' })).toHaveLength(1);
  });

  it('fires when start equals target', () => {
    expect(one(outcomeKr('K', { start: 5, target: 5 }))).toEqual([expect.objectContaining({ subject: 'K', message: expect.stringMatching(/starts at its target/) as unknown })]);
  });

  it('does not fire with distinct start and target, either direction, including 0', () => {
    expect(one(outcomeKr('K', { start: 0, target: 1 }))).toEqual([]);
    expect(one(outcomeKr('K', { start: 11, target: 7.5 }))).toEqual([]);
  });

  it('never fires for an effort KR', () => {
    expect(one(effortKr('K', ['jira:W-1']))).toEqual([]);
  });
});

describe('SPEC §3 effort-kr-without-work (warning)', () => {
  const one = (kr: Input, items = workItems) => lints({ objectives: [objective('O', [kr, ...krs(2, 'X')])], workItems: items }, 'effort-kr-without-work');

  it('fires with no links', () => {
    expect(one(effortKr('E', []))).toEqual([expect.objectContaining({ severity: 'warning', subject: 'E' })]);
    expect(one({ id: 'E', title: 'e', type: 'effort' })).toHaveLength(1);
  });

  it('fires when the only link is cancelled', () => {
    expect(one(effortKr('E', ['jira:C-1']), [item('jira:C-1', 'cancelled'), item('jira:C-2', 'done', { parent: 'jira:C-1' })])).toHaveLength(1);
  });

  it('fires when the only link is unknown', () => {
    expect(one(effortKr('E', ['jira:NOPE-1']))).toHaveLength(1);
  });

  it('does not fire when the scope has units, even none done', () => {
    expect(one(effortKr('E', ['jira:W-3']))).toEqual([]);
  });

  it('never fires for an outcome KR without links', () => {
    expect(one(outcomeKr('K'))).toEqual([]);
  });
});

describe('SPEC §3 unknown-work-item (error)', () => {
  it('fires once per unknown ref, for effort and outcome KRs alike, with the ref as subject', () => {
    const found = lints(
      { objectives: [objective('O', [effortKr('E', ['jira:W-1', 'jira:GONE-1', 'jira:GONE-1']), outcomeKr('K', { links: ['ado:404'] }), outcomeKr('X')])], workItems },
      'unknown-work-item',
    );
    expect(found.map((l) => [l.severity, l.subject])).toEqual([
      ['error', 'jira:GONE-1'],
      ['error', 'ado:404'],
    ]);
    expect(found[0]?.message).toMatch(/does not exist or which you cannot see/);
  });

  it('does not fire when every link is known (a known parent outside the links is fine too)', () => {
    expect(lints({ objectives: [objective('O', [effortKr('E', ['jira:W-2']), ...krs(2)])], workItems }, 'unknown-work-item')).toEqual([]);
  });
});

describe('SPEC §3 effort-kr-as-kpi (error)', () => {
  it('fires for an effort KR marked kpi', () => {
    expect(lints({ objectives: [objective('O', [effortKr('E', ['jira:W-1'], { kpi: true }), ...krs(2)])], workItems }, 'effort-kr-as-kpi')).toEqual([
      expect.objectContaining({ severity: 'error', subject: 'E' }),
    ]);
  });

  it('does not fire for an outcome KR marked kpi, nor an effort KR with kpi: false', () => {
    expect(lints({ objectives: [objective('O', [effortKr('E', ['jira:W-1'], { kpi: false }), outcomeKr('K', { kpi: true }), outcomeKr('X')])], workItems }, 'effort-kr-as-kpi')).toEqual([]);
  });
});

describe('SPEC §3 every-kr-a-kpi (warning)', () => {
  it('fires when an objective with 2 or more KRs has every KR marked kpi', () => {
    expect(lints({ objectives: [objective('O', krs(2, 'K', { kpi: true }))] }, 'every-kr-a-kpi')).toEqual([expect.objectContaining({ severity: 'warning', subject: 'O' })]);
    expect(lints({ objectives: [objective('O', krs(3, 'K', { kpi: true }))] }, 'every-kr-a-kpi')).toHaveLength(1);
  });

  it('does not fire with a single KR, or when one KR is not a KPI', () => {
    expect(lints({ objectives: [objective('O', krs(1, 'K', { kpi: true }))] }, 'every-kr-a-kpi')).toEqual([]);
    expect(lints({ objectives: [objective('O', [...krs(2, 'K', { kpi: true }), outcomeKr('N')])] }, 'every-kr-a-kpi')).toEqual([]);
  });
});

describe('SPEC §3 kpi-count (warning): at most 7 KPIs, KRs marked kpi included', () => {
  const plan = (kpiCount: number, krKpis: number) => ({
    objectives: [objective('O', [...krs(krKpis, 'Q', { kpi: true }), ...krs(3, 'N')])],
    kpis: Array.from({ length: kpiCount }, (_, i) => kpi(`k${i}`)),
  });

  it('7 is fine (5 KPIs + 2 KRs, or 7 KPIs)', () => {
    expect(lints(plan(5, 2), 'kpi-count')).toEqual([]);
    expect(lints(plan(7, 0), 'kpi-count')).toEqual([]);
  });

  it('8 warns (6 KPIs + 2 KRs, or 8 KPIs)', () => {
    expect(lints(plan(6, 2), 'kpi-count')).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('8 KPIs') as unknown })]);
    expect(lints(plan(8, 0), 'kpi-count')).toHaveLength(1);
  });
});

describe('SPEC §3 kpi-incomplete (warning)', () => {
  const one = (k: Input) => lints({ kpis: [k] }, 'kpi-incomplete');

  it.each([
    ['target', { target: undefined }, 'a target'],
    ['source', { source: undefined }, 'a source'],
    ['blank source', { source: '  ' }, 'a source'],
    ['frequency', { frequency: undefined }, 'a frequency'],
  ])('fires when the KPI lacks a %s', (_what, change, says) => {
    expect(one(kpi('k', change))).toEqual([expect.objectContaining({ severity: 'warning', subject: 'k', message: expect.stringContaining(says) as unknown })]);
  });

  it('lists everything missing in one lint', () => {
    const found = one({ id: 'k', title: 'bare', direction: 'up' });
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/a target, a source, a frequency/);
  });

  it('does not fire for a complete KPI', () => {
    expect(one(kpi('k'))).toEqual([]);
  });
});

describe('SPEC §3 kpi-breached (warning)', () => {
  const breached = kpi('churn', { target: 5, threshold: 7.5, readings: [{ at: '2024-07-31', value: 11 }] });

  it('fires for a breached KPI no KR focuses on', () => {
    expect(lints({ kpis: [breached] }, 'kpi-breached')).toEqual([expect.objectContaining({ severity: 'warning', subject: 'churn', message: expect.stringContaining('kpiRef: churn') as unknown })]);
  });

  it('does not fire once a KR refers to it with kpiRef', () => {
    expect(lints({ kpis: [breached], objectives: [objective('O', [outcomeKr('K', { kpiRef: 'churn', start: 11, target: 7.5 }), ...krs(2)])] }, 'kpi-breached')).toEqual([]);
  });

  it('does not fire before the breaching reading, nor for a warning', () => {
    expect(lintsOf(evaluateAt(buildPlan({ kpis: [breached] }), '2024-07-30'), 'kpi-breached')).toEqual([]);
    expect(lints({ kpis: [kpi('churn', { target: 5, threshold: 7.5, readings: [{ at: '2024-07-31', value: 7 }] })] }, 'kpi-breached')).toEqual([]);
  });

  it('does not fire for a KR marked kpi that is off-track (it is already a KR)', () => {
    expect(lints({ objectives: [objective('O', [outcomeKr('K', { kpi: true }), ...krs(2, 'X')])] }, 'kpi-breached')).toEqual([]);
  });
});

describe('SPEC §3 too-many-objectives (warning): at most 5 per team and period', () => {
  const objectives = (n: number, extra: (i: number) => Input = () => ({})) => Array.from({ length: n }, (_, i) => objective(`O${i}`, krs(3, `O${i}K`), extra(i)));
  const teams = [{ id: 'company', name: 'Company' }, { id: 'other', name: 'Other' }];

  it('5 objectives are fine', () => {
    expect(lints({ objectives: objectives(5) }, 'too-many-objectives')).toEqual([]);
  });

  it('6 in one team and period warn, with the team as subject', () => {
    expect(lints({ objectives: objectives(6) }, 'too-many-objectives')).toEqual([expect.objectContaining({ severity: 'warning', subject: 'company', message: expect.stringContaining('6 objectives in Q3') as unknown })]);
  });

  it('6 spread over two periods, or two teams, are fine', () => {
    expect(lints({ objectives: objectives(6, (i) => ({ period: i % 2 ? 'Q3' : 'TEN' })) }, 'too-many-objectives')).toEqual([]);
    expect(lints({ teams, objectives: objectives(6, (i) => ({ team: i % 2 ? 'company' : 'other' })) }, 'too-many-objectives')).toEqual([]);
  });
});

describe('SPEC §3 double-counted-work (warning)', () => {
  it('fires for a unit in the scope of two effort KRs, even reached through an epic', () => {
    const found = lints({ objectives: [objective('O', [effortKr('A', ['jira:W-1']), effortKr('B', ['jira:W-3']), outcomeKr('K')])], workItems }, 'double-counted-work');
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', subject: 'jira:W-3', message: expect.stringContaining('A, B') as unknown })]);
  });

  it('fires across objectives', () => {
    const found = lints({ objectives: [objective('O', [effortKr('A', ['jira:W-2']), ...krs(2)]), objective('P', [effortKr('B', ['jira:W-1']), ...krs(2, 'Y')])], workItems }, 'double-counted-work');
    expect(found.map((l) => l.subject)).toEqual(['jira:W-2']);
  });

  it('does not fire for disjoint scopes, one KR linking an epic and its child, or an outcome KR showing the same item', () => {
    expect(
      lints(
        { objectives: [objective('O', [effortKr('A', ['jira:W-1', 'jira:W-2']), effortKr('B', ['jira:Z-1']), outcomeKr('K', { links: ['jira:W-2'] })])], workItems: [...workItems, item('jira:Z-1', 'todo')] },
        'double-counted-work',
      ),
    ).toEqual([]);
  });

  it('does not fire when the shared item was cancelled (it is in no scope)', () => {
    const items = [item('jira:C-1', 'cancelled')];
    expect(lints({ objectives: [objective('O', [effortKr('A', ['jira:C-1']), effortKr('B', ['jira:C-1']), outcomeKr('K')])], workItems: items }, 'double-counted-work')).toEqual([]);
  });
});

describe('SPEC §3 orphan-objective (info)', () => {
  const teams = [{ id: 'company', name: 'Company' }, { id: 'cs', name: 'CS', parent: 'company' }];

  it('fires for an objective of a child team that aligns to nothing', () => {
    expect(lints({ teams, objectives: [objective('O', krs(3)), objective('S', krs(3, 'S'), { team: 'cs' })] }, 'orphan-objective')).toEqual([
      expect.objectContaining({ severity: 'info', subject: 'S', message: expect.stringContaining('team company') as unknown }),
    ]);
    expect(lints({ teams, objectives: [objective('S', krs(3, 'S'), { team: 'cs', aligns: null })] }, 'orphan-objective')).toHaveLength(1);
  });

  it('does not fire when it aligns to an objective or a KR, nor for a root team', () => {
    expect(
      lints(
        { teams, objectives: [objective('O', krs(3)), objective('S', krs(3, 'S'), { team: 'cs', aligns: 'O' }), objective('T', krs(3, 'T'), { team: 'cs', aligns: 'K1' })] },
        'orphan-objective',
      ),
    ).toEqual([]);
  });
});

describe('SPEC §3 lint shape', () => {
  it('every lint has a code, a severity, a subject and a message that says what to change', () => {
    const report = evaluateAt(
      buildPlan({
        teams: [{ id: 'company', name: 'Company' }, { id: 'cs', name: 'CS', parent: 'company' }],
        objectives: [
          objective('EMPTY', []),
          objective('O', [effortKr('E', ['jira:GONE-1'], { kpi: true }), outcomeKr('K', { kpi: true, start: 1, target: 1 })], { team: 'cs' }),
          ...Array.from({ length: 5 }, (_, i) => objective(`F${i}`, krs(3, `F${i}K`))),
        ],
        kpis: [...Array.from({ length: 7 }, (_, i) => kpi(`k${i}`)), { id: 'bad', title: 'Bad', direction: 'up', target: 9, readings: [{ at: '2024-07-01', value: 1 }] }],
      }),
      AT,
    );
    // Every code but double-counted-work, which needs shared units.
    expect(new Set(report.lints.map((l) => l.code))).toEqual(
      new Set<LintCode>([
        'objective-without-krs', 'kr-count', 'outcome-kr-without-target', 'effort-kr-without-work', 'unknown-work-item', 'effort-kr-as-kpi',
        'every-kr-a-kpi', 'kpi-count', 'kpi-incomplete', 'kpi-breached', 'too-many-objectives', 'orphan-objective',
        'stale-check-in', 'kpi-reading-overdue',
      ]),
    );
    for (const l of report.lints) {
      expect(['error', 'warning', 'info']).toContain(l.severity);
      expect(l.subject).not.toBe('');
      expect(l.message.length).toBeGreaterThan(30);
    }
  });
});
