import { describe, expect, it } from 'vitest';
import type { SnapshotPoint } from '../../../src/app/api';
import { burnUp } from '../../../src/ui/charts/burn-up';
import { sparkline } from '../../../src/ui/charts/sparkline';

const box = { width: 110, height: 60, left: 10, right: 0, top: 0, bottom: 10 };
const at = (d: string) => d as SnapshotPoint['at'];

describe('burn-up geometry', () => {
  it('draws scope and done as separate lines, so scope creep shows apart from progress', () => {
    const history: SnapshotPoint[] = [
      { at: at('2024-07-11'), progress: 0.5, done: 2, total: 4 },
      { at: at('2024-07-01'), progress: 0, done: 0, total: 4 },
      { at: at('2024-07-21'), progress: 0.4, done: 2, total: 5 },
    ];
    const g = burnUp(history, box);
    expect(g?.kind).toBe('units');
    expect(g?.yMax).toBe(5);
    expect(g?.first).toBe('2024-07-01');
    expect(g?.last).toBe('2024-07-21');
    // y: 0 units at 50, 5 units at 0 → 10 px per unit. x: 20 days over 100 px.
    expect(g?.scope).toEqual([
      { x: 10, y: 10 },
      { x: 60, y: 10 },
      { x: 110, y: 10 },
      { x: 110, y: 0 },
    ]);
    expect(g?.done).toEqual([
      { x: 10, y: 50 },
      { x: 60, y: 50 },
      { x: 60, y: 30 },
      { x: 110, y: 30 },
    ]);
  });
  it('draws progress in percent for outcome KRs, and nothing without history', () => {
    const g = burnUp([{ at: at('2024-07-01'), progress: 0.5, value: 74 }], box);
    expect(g?.kind).toBe('progress');
    expect(g?.scope).toEqual([]);
    expect(g?.done[0]?.y).toBe(25);
    expect(burnUp([], box)).toBeUndefined();
  });
});

describe('sparkline geometry', () => {
  it('spans the readings and the target, latest reading last', () => {
    const g = sparkline(
      [
        { at: '2024-07-31', value: 11 },
        { at: '2024-06-30', value: 4.6 },
      ],
      { width: 100, height: 40, pad: 0 },
      5,
    );
    expect(g?.min).toBe(4.6);
    expect(g?.max).toBe(11);
    expect(g?.line[0]).toEqual({ x: 0, y: 40 });
    expect(g?.last).toEqual({ x: 100, y: 0 });
    expect(g?.targetY).toBeCloseTo(40 - (0.4 / 6.4) * 40, 6);
    expect(sparkline([], { width: 100, height: 40, pad: 0 })).toBeUndefined();
  });
});
