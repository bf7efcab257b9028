// Plain geometry for the SVG charts (no chart library: two line charts do not justify 100 KB).

/** Maps [d0, d1] onto [r0, r1]; a degenerate domain maps everything to the middle. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** A round upper bound for an axis: 7 → 8, 23 → 25, 0 → 1. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 1.25, 2, 2.5, 5, 10]) {
    if (step * magnitude >= max) return step * magnitude;
  }
  return 10 * magnitude;
}

export interface Point {
  x: number;
  y: number;
}

/** SVG `points` attribute for a polyline, rounded to 0.1 px to keep the markup small. */
export function polylinePoints(points: readonly Point[]): string {
  return points.map((p) => `${Math.round(p.x * 10) / 10},${Math.round(p.y * 10) / 10}`).join(' ');
}

/** A step line (value holds until the next point), as burn-ups are drawn: scope jumps, it does not slide. */
export function stepPoints(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  points.forEach((p, i) => {
    const prev = points[i - 1];
    if (prev && prev.y !== p.y) out.push({ x: p.x, y: prev.y });
    out.push(p);
  });
  return out;
}
