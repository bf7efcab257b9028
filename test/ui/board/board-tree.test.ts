import { describe, expect, it } from 'vitest';
import type { BoardView } from '../../../src/app/api';
import { mergeTeamOptions, objectiveCount, teamRows } from '../../../src/ui/board/board-tree';

const view = (teams: { id: string; name: string; parent?: string; objectives?: number }[]): BoardView =>
  ({
    at: '2024-08-15',
    periods: [],
    keyResults: {},
    lints: [],
    owners: [],
    teams: teams.map((t) => ({ id: t.id, name: t.name, parent: t.parent, objectives: Array.from({ length: t.objectives ?? 0 }, () => ({})) })),
  }) as unknown as BoardView;

describe('board tree', () => {
  it('gives each team its depth under its parents; a parent outside the answer counts as a root', () => {
    const rows = teamRows(view([{ id: 'company', name: 'Rain Town Tea' }, { id: 'sales', name: 'Sales', parent: 'company' }, { id: 'emea', name: 'EMEA', parent: 'sales' }, { id: 'ops', name: 'Ops', parent: 'gone' }]));
    expect(rows.map((r) => [r.team.id, r.depth])).toEqual([
      ['company', 0],
      ['sales', 1],
      ['emea', 2],
      ['ops', 0],
    ]);
  });
  it('keeps team options seen before when a filtered answer lists fewer teams', () => {
    const all = mergeTeamOptions([], view([{ id: 'company', name: 'Rain Town Tea' }, { id: 'sales', name: 'Sales' }]));
    const filtered = mergeTeamOptions(all, view([{ id: 'sales', name: 'Sales' }]));
    expect(filtered).toEqual([
      { id: 'company', name: 'Rain Town Tea' },
      { id: 'sales', name: 'Sales' },
    ]);
    expect(mergeTeamOptions(filtered, view([{ id: 'ops', name: 'Ops' }])).map((t) => t.id)).toEqual(['company', 'sales', 'ops']);
  });
  it('counts objectives across teams', () => {
    expect(objectiveCount(view([{ id: 'a', name: 'A', objectives: 2 }, { id: 'b', name: 'B', objectives: 3 }]))).toBe(5);
  });
});
