// A KPI's readings as a sparkline, with its target drawn as a reference line when it falls in view.
import { dayNumber } from '../../core/model/dates';
import { linearScale, type Point } from './scale';

export interface SparklineGeometry {
  line: Point[];
  last: Point;
  /** y of the target, when the KPI has one. */
  targetY?: number;
  min: number;
  max: number;
}

export function sparkline(
  readings: readonly { at: string; value: number }[],
  size: { width: number; height: number; pad: number },
  target?: number,
): SparklineGeometry | undefined {
  const points = readings
    .map((r) => ({ day: dayNumber(r.at), value: r.value }))
    .filter((r): r is { day: number; value: number } => r.day !== undefined && Number.isFinite(r.value))
    .sort((a, b) => a.day - b.day);
  const first = points[0];
  const lastReading = points[points.length - 1];
  if (!first || !lastReading) return undefined;
  const values = points.map((p) => p.value).concat(target !== undefined ? [target] : []);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const x = linearScale(first.day, lastReading.day, size.pad, size.width - size.pad);
  const y = linearScale(min, max, size.height - size.pad, size.pad);
  const line = points.map((p) => ({ x: x(p.day), y: y(p.value) }));
  const last = line[line.length - 1] as Point;
  return { line, last, targetY: target !== undefined ? y(target) : undefined, min, max };
}
