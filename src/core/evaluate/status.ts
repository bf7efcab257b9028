// Pace and status (SPEC §2): progress compared with the share of the period that has passed.
import { daysOf, type IsoDate } from '../model/dates';
import type { Period } from '../model/plan';
import type { Status } from '../report/types';
import { clamp01 } from './outcome';

/** Gaps are compared with a tolerance so 0.8 - 0.7 (0.1000…09 in floating point) is still 0.10. */
const EPSILON = 1e-9;

export function expectedProgress(period: Period, at: IsoDate): number {
  const periodDays = daysOf(period.end) - daysOf(period.start) + 1;
  const elapsedDays = daysOf(at) - daysOf(period.start) + 1;
  return clamp01(elapsedDays / periodDays);
}

export function statusOf(progress: number, expected: number, period: Period, at: IsoDate): Status {
  if (progress >= 1) return 'done';
  if (at < period.start) return 'not-started';
  const gap = expected - progress;
  if (gap <= 0.1 + EPSILON) return 'on-track';
  if (gap <= 0.25 + EPSILON) return 'at-risk';
  return 'off-track';
}
