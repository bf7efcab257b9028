// How a progress fraction reads as a whole percent, on every surface (the CLI's table, the apps'
// bars, the review's Markdown), so one KR never reads 54% in one place and 55% in another.
// Nearest whole percent, except that a KR reads 100% only when it is done: 0.996 is 99%, not a
// "100%" that is still on track rather than done.

/** 0.546 → 55; 0.999 → 99; 1 → 100; outside [0, 1] clamped; NaN → 0. */
export function wholePercent(fraction: number): number {
  if (!Number.isFinite(fraction) || fraction <= 0) return 0;
  if (fraction >= 1) return 100;
  return Math.min(99, Math.round(fraction * 100));
}
