// Timing helpers shared by the benches: each run starts after a full collection (when node runs
// with --expose-gc, as `npm run bench` does), and a figure is the median of its runs.

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Milliseconds one call of `fn` takes, after a collection so earlier garbage is not billed to it. */
export function time(fn: () => unknown): number {
  gc();
  const t = performance.now();
  fn();
  return performance.now() - t;
}
