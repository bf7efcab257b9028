// Outcome KR (SPEC §2): current = latest check-in on or before `at` (for `kpiRef`, the KPI's
// latest reading); none → start. progress = clamp((current - start) / (target - start), 0, 1),
// which covers "decrease to" targets as well.
import type { IsoDate } from '../model/dates';
import type { Kpi, OutcomeKeyResult } from '../model/plan';

export interface Measured {
  value: number;
  at: IsoDate;
  confidence?: number;
}

/** The latest entry dated on or before `at`; on a tie, the one written last (a correction). */
export function latestOnOrBefore<T extends { at: IsoDate }>(entries: readonly T[] | undefined, at: IsoDate): T | undefined {
  let best: T | undefined;
  for (const e of entries ?? []) if (e.at <= at && (best === undefined || e.at >= best.at)) best = e;
  return best;
}

export interface OutcomeResult {
  current: number;
  currentFrom: 'check-in' | 'kpi-reading' | 'start' | 'final';
  currentAt?: IsoDate;
  confidence?: number;
  progress: number;
}

export function evaluateOutcome(kr: OutcomeKeyResult, kpis: ReadonlyMap<string, Kpi>, at: IsoDate): OutcomeResult {
  const measured: Measured | undefined =
    kr.kpiRef !== undefined ? latestOnOrBefore(kpis.get(kr.kpiRef)?.readings, at) : latestOnOrBefore(kr.checkIns, at);
  const from = measured ? (kr.kpiRef !== undefined ? 'kpi-reading' : 'check-in') : 'start';
  const current = measured?.value ?? kr.start ?? 0;
  const result: OutcomeResult = { current, currentFrom: from, progress: outcomeProgress(kr.start, kr.target, current) };
  if (measured) result.currentAt = measured.at;
  if (measured?.confidence !== undefined) result.confidence = measured.confidence;
  return result;
}

/** 0 when start or target is missing or equal: the KR cannot be scored (and is linted). */
export function outcomeProgress(start: number | undefined, target: number | undefined, current: number): number {
  if (start === undefined || target === undefined || start === target) return 0;
  return clamp01((current - start) / (target - start));
}

export function clamp01(x: number): number {
  // `<= 0` also maps -0 (a decreasing KR at its start: 0 / -3.5) to 0, which formats as "0%", not "-0%".
  return x <= 0 ? 0 : x > 1 ? 1 : x;
}
