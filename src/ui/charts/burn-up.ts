// The burn-up of a KR over time from its stored snapshots: scope (total units) and done units as
// two separate lines, so scope creep shows apart from progress (issue 3).
import type { SnapshotPoint } from '../../app/api';
import { dayNumber } from '../../core/model/dates';
import { linearScale, niceMax, stepPoints, type Point } from './scale';

export interface BurnUpGeometry {
  kind: 'units' | 'progress';
  scope: Point[];
  done: Point[];
  /** y-axis top, in units (or 100 for progress percent). */
  yMax: number;
  first: string;
  last: string;
}

export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Undefined when there is nothing to draw. Outcome KRs (no units) draw progress in percent. */
export function burnUp(history: readonly SnapshotPoint[], box: ChartBox): BurnUpGeometry | undefined {
  const points = history
    .map((p) => ({ p, day: dayNumber(p.at) }))
    .filter((e): e is { p: SnapshotPoint; day: number } => e.day !== undefined)
    .sort((a, b) => a.day - b.day);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return undefined;
  const units = points.every((e) => e.p.total !== undefined && e.p.done !== undefined);
  const yMax = units ? niceMax(Math.max(...points.map((e) => e.p.total ?? 0))) : 100;
  const x = linearScale(first.day, last.day === first.day ? first.day + 1 : last.day, box.left, box.width - box.right);
  const y = linearScale(0, yMax, box.height - box.bottom, box.top);
  const scope = units ? stepPoints(points.map((e) => ({ x: x(e.day), y: y(e.p.total ?? 0) }))) : [];
  const done = stepPoints(points.map((e) => ({ x: x(e.day), y: y(units ? (e.p.done ?? 0) : e.p.progress * 100) })));
  return { kind: units ? 'units' : 'progress', scope, done, yMax, first: first.p.at, last: last.p.at };
}
