// A KPI's change since its previous value, in words a meeting reads aloud. The sign is spelled
// with a real minus so "−0.5" is not read as a dash, and the direction says whether the move was
// the good way (lower is better for a `down` KPI), because "+2" alone does not say that.
import type { KpiDirection } from '../../core/model/plan';
import { withUnit } from '../format/numbers';

export interface ChangeInput {
  change?: number;
  previousAt?: string;
  unit?: string;
  direction?: KpiDirection;
}

export type ChangeVerdict = 'better' | 'worse' | 'same' | 'none';

export function changeText({ change, previousAt, unit }: ChangeInput): string {
  if (change === undefined) return 'no earlier reading';
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  return `${sign}${withUnit(Math.abs(change), unit)}${previousAt !== undefined ? ` since ${previousAt}` : ''}`;
}

export function changeVerdict({ change, direction }: ChangeInput): ChangeVerdict {
  if (change === undefined) return 'none';
  if (change === 0) return 'same';
  const up = change > 0;
  return (direction === 'down' ? !up : up) ? 'better' : 'worse';
}
