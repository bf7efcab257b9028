// Before and after, in words, when an action moves progress (issue 10 §5): linking more work to
// an effort KR adds scope and can lower its percentage, and focusing a KPI adds a KR at 0% to an
// objective. A number that drops with no word of why reads as a bug, so the notice says both.
import type { KeyResultReport } from '../../core/report/types';
import { percent } from './numbers';

/** "KR-CRM: 57% → 50% done (4 of 7 → 4 of 8 units): the new work adds to its scope." */
export function keyResultChange(before: KeyResultReport | undefined, after: KeyResultReport): string {
  if (before === undefined || percent(before.progress) === percent(after.progress)) return `${after.id} is ${percent(after.progress)} done.`;
  const units = before.type === 'effort' && after.type === 'effort' && !before.countsWithheld && !after.countsWithheld ? ` (${before.units.done} of ${before.units.total} → ${after.units.done} of ${after.units.total} units)` : '';
  const why = after.progress < before.progress && after.type === 'effort' ? ': the new work adds to its scope, so the same done work is a smaller share.' : '.';
  return `${after.id}: ${percent(before.progress)} → ${percent(after.progress)} done${units}${why}`;
}

/** "O-LOYAL: 47% → 38% done: a new key result starts at 0%." */
export function objectiveChange(id: string, before: number | undefined, after: number): string {
  if (before === undefined || percent(before) === percent(after)) return `${id} is ${percent(after)} done.`;
  const why = after < before ? ': a new key result starts at 0% and counts in its average.' : '.';
  return `${id}: ${percent(before)} → ${percent(after)} done${why}`;
}
