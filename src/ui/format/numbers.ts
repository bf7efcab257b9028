// How numbers read on screen. Progress is a fraction in the report (SPEC §4 keeps it
// unrounded); people read whole percents, and a value keeps its unit.
import { unitFor } from '../../core/report/unit-text';
import { wholePercent } from '../../core/report/whole-percent';

/** 0.753 → "75%": the nearest whole percent, 100% only when done (core/report/whole-percent.ts). */
export function percent(fraction: number): string {
  return `${wholePercent(fraction)}%`;
}

/** Whole percent for aria-valuenow, matching `percent()`. */
export function percentNumber(fraction: number): number {
  return Number.parseInt(percent(fraction), 10);
}

/** Up to two decimals, no trailing zeros: 7.5 → "7.5", 74 → "74", 1/3 → "0.33". */
export function decimal(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Math.round(value * 100) / 100);
}

/** A measured value with its unit: "%" sticks to the number, other units follow a space. */
export function withUnit(value: number, unit?: string): string {
  if (!unit) return decimal(value);
  return unit === '%' ? `${decimal(value)}%` : `${decimal(value)} ${unitFor(value, unit)}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
