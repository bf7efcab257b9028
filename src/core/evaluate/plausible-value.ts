// "Far outside the range" (issue 10 §2): a value typed for a KR or a KPI that is probably a slip
// (-5 for a percentage going from 40 to 48) is saved only once the person confirms it.
//
// The rule (docs/plan-format.md §7): take the reference points (a KR's start and target; a KPI's
// target, threshold and latest reading), lo = the smallest, hi = the largest, span = hi - lo (when
// they are all equal: the largest magnitude among them, at least 1). A value is far outside when it
// is more than one span below lo or above hi, or negative while every reference point is 0 or more.

export interface FarOutside {
  lo: number;
  hi: number;
}

export function farOutside(value: number, points: readonly (number | undefined)[]): FarOutside | undefined {
  const known = points.filter((p): p is number => p !== undefined && Number.isFinite(p));
  if (known.length === 0) return undefined;
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  const span = hi > lo ? hi - lo : Math.max(1, ...known.map(Math.abs));
  const far = value < lo - span || value > hi + span || (value < 0 && lo >= 0);
  return far ? { lo, hi } : undefined;
}
