// Words that differ by key result kind, chosen by an exhaustive switch so that a new kind must
// say its own words instead of borrowing an outcome KR's.
import { assertNever } from '../../core/model/assert-never';
import type { KeyResultReport } from '../../core/report/types';
import { withUnit } from './numbers';

/** The button that opens a KR's row on the board. */
export function detailsButtonLabel(kr: KeyResultReport): string {
  switch (kr.type) {
    case 'effort':
      return 'Contributing items';
    case 'outcome':
      return 'Details';
    default:
      return assertNever(kr);
  }
}

/** The heading over a KR's history chart. */
export function historyHeading(kr: KeyResultReport): string {
  switch (kr.type) {
    case 'effort':
      return 'Burn-up';
    case 'outcome':
      return 'Progress over time';
    default:
      return assertNever(kr);
  }
}

/** The short figure beside a progress bar: units done, or the current value. */
export function shortFigure(kr: KeyResultReport): string {
  switch (kr.type) {
    case 'effort':
      return `${kr.units.done}/${kr.units.total}`;
    case 'outcome':
      return withUnit(kr.current, kr.unit);
    default:
      return assertNever(kr);
  }
}
