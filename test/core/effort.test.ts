import { describe, expect, it } from 'vitest';
import { indexWorkItems, rollupEffort, type WorkItem } from '../../src/core';
import { effortKr, effortReport, evaluateAt, item, planOf } from './builders';

const roll = (links: string[], items: WorkItem[], weighting?: 'count' | 'estimate') =>
  rollupEffort({ links, ...(weighting ? { weighting } : {}) }, indexWorkItems(items));

const doneRefs = (r: ReturnType<typeof roll>) => r.detail.units.filter((u) => u.done).map((u) => u.ref);
const unitRefs = (r: ReturnType<typeof roll>) => r.detail.units.map((u) => u.ref);

// An epic with two stories, one of which has two sub-tasks.
const epic: WorkItem[] = [
  item('jira:E-1', 'in-progress'),
  item('jira:E-2', 'done', { parent: 'jira:E-1' }),
  item('jira:E-3', 'in-progress', { parent: 'jira:E-1' }),
  item('jira:E-4', 'done', { parent: 'jira:E-3' }),
  item('jira:E-5', 'todo', { parent: 'jira:E-3' }),
];

describe('SPEC §2 effort KR rule 1: scope = linked items plus all descendants, each once', () => {
  it('walks descendants at every depth; units are the leaves', () => {
    const r = roll(['jira:E-1'], epic);
    expect(unitRefs(r)).toEqual(['jira:E-2', 'jira:E-4', 'jira:E-5']);
    expect(r.units).toEqual({ done: 2, total: 3 });
    expect(r.progress).toBeCloseTo(2 / 3, 15);
  });

  it('the same link twice counts once', () => {
    expect(roll(['jira:E-1', 'jira:E-1'], epic)).toEqual(roll(['jira:E-1'], epic));
  });

  it('an epic and its descendant both linked: the descendant is counted once', () => {
    expect(roll(['jira:E-1', 'jira:E-3', 'jira:E-5'], epic)).toEqual(roll(['jira:E-1'], epic));
  });

  it('a linked child alone: only its own subtree is in scope, not its parent or siblings', () => {
    const r = roll(['jira:E-3'], epic);
    expect(unitRefs(r)).toEqual(['jira:E-4', 'jira:E-5']);
    expect(r.progress).toBe(0.5);
  });

  it('a parent outside the snapshot is allowed (SPEC §1) and changes nothing', () => {
    const r = roll(['jira:X-2'], [item('jira:X-2', 'done', { parent: 'jira:X-1' })]);
    expect(r.units).toEqual({ done: 1, total: 1 });
  });

  it('links mixing Jira and Azure DevOps items roll up together', () => {
    const r = roll(['jira:E-1', 'ado:7'], [...epic, item('ado:7', 'in-progress'), item('ado:8', 'done', { parent: 'ado:7' })]);
    expect(r.units).toEqual({ done: 3, total: 4 });
  });

  it('a link to an unknown item adds nothing to scope and is reported', () => {
    const r = roll(['jira:E-1', 'jira:NOPE-1'], epic);
    expect(r.units).toEqual({ done: 2, total: 3 });
    expect(r.detail.unknownLinks).toEqual(['jira:NOPE-1']);
  });
});

describe('SPEC §2 effort KR rule 2: a cancelled item leaves with its whole subtree', () => {
  it('a cancelled leaf is dropped from the units', () => {
    const items = [...epic, item('jira:E-6', 'cancelled', { parent: 'jira:E-1' })];
    const r = roll(['jira:E-1'], items);
    expect(r.units).toEqual({ done: 2, total: 3 });
    expect(r.detail.cancelled).toEqual(['jira:E-6']);
  });

  it('a cancelled story takes its sub-tasks with it, done or not', () => {
    const items = epic.map((w) => (w.ref === 'jira:E-3' ? { ...w, status: 'cancelled' as const } : w));
    const r = roll(['jira:E-1'], items);
    expect(unitRefs(r)).toEqual(['jira:E-2']);
    expect(r.progress).toBe(1);
    // docs/spec-decisions.md: listed once, at the top of the removed subtree.
    expect(r.detail.cancelled).toEqual(['jira:E-3']);
  });

  it('a cancelled root: no units, progress 0', () => {
    const items = epic.map((w) => (w.ref === 'jira:E-1' ? { ...w, status: 'cancelled' as const } : w));
    const r = roll(['jira:E-1'], items);
    expect(r.units).toEqual({ done: 0, total: 0 });
    expect(r.progress).toBe(0);
    expect(r.detail.cancelled).toEqual(['jira:E-1']);
  });

  it('a descendant linked directly under a cancelled linked ancestor is still out (it lies in the cancelled subtree)', () => {
    const items = epic.map((w) => (w.ref === 'jira:E-3' ? { ...w, status: 'cancelled' as const } : w));
    const r = roll(['jira:E-1', 'jira:E-5'], items);
    expect(unitRefs(r)).toEqual(['jira:E-2']);
  });

  it('a parent whose children are all cancelled becomes a unit itself', () => {
    const items = [
      item('jira:P-1', 'in-progress'),
      item('jira:P-2', 'cancelled', { parent: 'jira:P-1' }),
      item('jira:P-3', 'cancelled', { parent: 'jira:P-1' }),
    ];
    const r = roll(['jira:P-1'], items);
    expect(unitRefs(r)).toEqual(['jira:P-1']);
    expect(r.units).toEqual({ done: 0, total: 1 });
    const doneParent = items.map((w) => (w.ref === 'jira:P-1' ? { ...w, status: 'done' as const } : w));
    expect(roll(['jira:P-1'], doneParent).progress).toBe(1);
  });
});

describe('SPEC §2 effort KR rule 3: a done item closes all its remaining descendants', () => {
  it('a done epic with open children counts every unit done', () => {
    const items = epic.map((w) => (w.ref === 'jira:E-1' ? { ...w, status: 'done' as const } : w));
    const r = roll(['jira:E-1'], items);
    expect(r.units).toEqual({ done: 3, total: 3 });
    expect(r.progress).toBe(1);
    const e5 = r.detail.units.find((u) => u.ref === 'jira:E-5');
    expect(e5).toMatchObject({ status: 'todo', done: true, closedBy: 'jira:E-1' });
  });

  it('a done story in the middle closes only its own subtree', () => {
    const items = epic.map((w) => (w.ref === 'jira:E-3' ? { ...w, status: 'done' as const } : w));
    const r = roll(['jira:E-1'], items);
    expect(doneRefs(r)).toEqual(['jira:E-2', 'jira:E-4', 'jira:E-5']);
    expect(r.detail.units.find((u) => u.ref === 'jira:E-5')?.closedBy).toBe('jira:E-3');
    // A unit done in its own right names no closer.
    expect(r.detail.units.find((u) => u.ref === 'jira:E-4')?.closedBy).toBeUndefined();
  });

  it('the closer named in the explanation is the nearest done ancestor', () => {
    const items = epic.map((w) => (w.ref === 'jira:E-3' || w.ref === 'jira:E-1' ? { ...w, status: 'done' as const } : w));
    const r = roll(['jira:E-1'], items);
    expect(r.detail.units.find((u) => u.ref === 'jira:E-5')?.closedBy).toBe('jira:E-3');
    expect(r.detail.units.find((u) => u.ref === 'jira:E-4')?.closedBy).toBeUndefined();
    expect(r.detail.units.find((u) => u.ref === 'jira:E-2')?.closedBy).toBeUndefined();
  });

  it('a cancelled child of a done parent is still removed, not counted done', () => {
    const items = [item('jira:D-1', 'done'), item('jira:D-2', 'todo', { parent: 'jira:D-1' }), item('jira:D-3', 'cancelled', { parent: 'jira:D-1' })];
    const r = roll(['jira:D-1'], items);
    expect(r.units).toEqual({ done: 1, total: 1 });
    expect(r.detail.cancelled).toEqual(['jira:D-3']);
  });

  it('a done item outside the scope (an unlinked parent) closes nothing', () => {
    const items = [item('jira:U-1', 'done'), item('jira:U-2', 'todo', { parent: 'jira:U-1' })];
    expect(roll(['jira:U-2'], items).progress).toBe(0);
  });
});

describe('SPEC §2 effort KR rule 4: units are the leaves of what remains', () => {
  it('an open parent is not a unit; a childless linked item is', () => {
    const r = roll(['jira:E-1', 'jira:L-1'], [...epic, item('jira:L-1', 'todo')]);
    expect(unitRefs(r)).toEqual(['jira:E-2', 'jira:E-4', 'jira:E-5', 'jira:L-1']);
  });
});

describe('SPEC §2 effort KR rule 5: weights', () => {
  const items = [
    item('ado:1', 'in-progress'),
    item('ado:2', 'done', { parent: 'ado:1', estimate: 8 }),
    item('ado:3', 'done', { parent: 'ado:1', estimate: 3 }),
    item('ado:4', 'in-progress', { parent: 'ado:1', estimate: 5 }),
    item('ado:5', 'todo', { parent: 'ado:1' }),
  ];

  it('count (the default) gives every unit weight 1, whatever its estimate', () => {
    const r = roll(['ado:1'], items);
    expect(r.progress).toBe(0.5);
    expect(r.detail.units.map((u) => u.weight)).toEqual([1, 1, 1, 1]);
    expect(roll(['ado:1'], items, 'count')).toEqual(r);
  });

  it('estimate: a unit without one takes the mean of the estimated units', () => {
    const r = roll(['ado:1'], items, 'estimate');
    // mean(8, 3, 5) = 16/3; done 11 of 16 + 16/3 = 64/3 → 33/64.
    expect(r.detail.units.find((u) => u.ref === 'ado:5')).toMatchObject({ weight: 16 / 3, estimated: true });
    expect(r.progress).toBeCloseTo(33 / 64, 15);
    expect(r.units).toEqual({ done: 2, total: 4 }); // counts, not weights
    expect(r.detail.doneWeight).toBe(11);
    expect(r.detail.totalWeight).toBeCloseTo(64 / 3, 12);
  });

  it('estimate: the mean is over units only, not over parents that carry an estimate', () => {
    const withParentEstimate = items.map((w) => (w.ref === 'ado:1' ? { ...w, estimate: 100 } : w));
    expect(roll(['ado:1'], withParentEstimate, 'estimate').progress).toBeCloseTo(33 / 64, 15);
  });

  it('estimate: when no unit has an estimate, every unit weighs 1', () => {
    const bare = items.map(({ estimate: _e, ...w }) => w);
    const r = roll(['ado:1'], bare, 'estimate');
    expect(r.detail.units.map((u) => u.weight)).toEqual([1, 1, 1, 1]);
    expect(r.progress).toBe(0.5);
  });

  it('estimate: an estimate of 0 is an estimate (it weighs 0, and enters the mean)', () => {
    const r = roll(['ado:1', 'ado:9'], [...items, item('ado:9', 'todo', { estimate: 0 })], 'estimate');
    // mean(8, 3, 5, 0) = 4 → total 8 + 3 + 5 + 0 + 4 = 20, done 11.
    expect(r.detail.units.find((u) => u.ref === 'ado:5')?.weight).toBe(4);
    expect(r.progress).toBeCloseTo(11 / 20, 15);
  });

  it('estimate: total weight 0 (every unit estimated at 0) gives 0, like no units (docs/spec-decisions.md)', () => {
    const r = roll(['ado:1'], [item('ado:1', 'todo'), item('ado:2', 'done', { parent: 'ado:1', estimate: 0 }), item('ado:3', 'done', { parent: 'ado:1', estimate: 0 })], 'estimate');
    expect(r.units).toEqual({ done: 2, total: 2 });
    expect(r.progress).toBe(0);
  });

  it('estimate: a big story outweighs many small ones', () => {
    const r = roll(['ado:1'], [item('ado:1', 'todo'), item('ado:2', 'done', { parent: 'ado:1', estimate: 1 }), item('ado:3', 'todo', { parent: 'ado:1', estimate: 9 })], 'estimate');
    expect(r.progress).toBe(0.1);
  });
});

describe('SPEC §2 effort KR rule 6: progress = done weight / total weight; no units gives 0', () => {
  it('no links at all', () => {
    const r = roll([], epic);
    expect(r).toMatchObject({ progress: 0, units: { done: 0, total: 0 } });
  });

  it('only unknown links', () => {
    expect(roll(['jira:NOPE-1'], epic).progress).toBe(0);
  });

  it('through evaluate: units and explanation are in the report', () => {
    const plan = planOf([effortKr('K', ['jira:E-1'])], { workItems: epic });
    const k = effortReport(evaluateAt(plan, '2024-08-15'), 'K');
    expect(k.units).toEqual({ done: 2, total: 3 });
    expect(k.weighting).toBe('count');
    expect(k.explanation.units.map((u) => [u.ref, u.done])).toEqual([
      ['jira:E-2', true],
      ['jira:E-4', true],
      ['jira:E-5', false],
    ]);
  });

  it('the report lists links once each, in natural ref order, whatever the input order', () => {
    const plan = planOf([effortKr('K', ['jira:E-5', 'ado:9', 'jira:E-10', 'jira:E-5', 'jira:E-2'])], { workItems: epic });
    expect(effortReport(evaluateAt(plan, '2024-08-15'), 'K').links).toEqual(['ado:9', 'jira:E-2', 'jira:E-5', 'jira:E-10']);
  });

  it('an effort KR with an empty scope evaluates to 0 and not-started/off-track by pace, never NaN', () => {
    const plan = planOf([effortKr('K', [])]);
    const k = effortReport(evaluateAt(plan, '2024-09-30'), 'K');
    expect(k.progress).toBe(0);
    expect(k.status).toBe('off-track');
  });
});

describe('SPEC §2 effort KR: unvalidated data with a parent cycle', () => {
  it('refuses with a clear error instead of walking forever', async () => {
    const { rollupEffort, indexWorkItems } = await import('../../src/core');
    const index = indexWorkItems([
      { ref: 'jira:X-1', status: 'todo', parent: 'jira:X-2' },
      { ref: 'jira:X-2', status: 'todo', parent: 'jira:X-1' },
    ]);
    expect(() => rollupEffort({ links: ['jira:X-1'] }, index)).toThrow(/work item parents form a cycle under jira:X-1/);
  });
});
