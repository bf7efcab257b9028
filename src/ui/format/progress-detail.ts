// The words after a KR's percentage: units for effort KRs, the measured value for outcome KRs.
import { assertNever } from '../../core/model/assert-never';
import type { KeyResultReport } from '../../core/report/types';
import { plural, withUnit } from './numbers';

export function progressDetail(kr: KeyResultReport): string {
  switch (kr.type) {
    case 'effort':
      // A closed KR's counts are withheld from the apps (they may count items this viewer cannot
      // see): its progress is the one frozen at the close; otherwise a stale scope's last snapshot.
      if (kr.countsWithheld) return kr.closed !== undefined ? 'frozen at the close' : 'as last stored';
      return `${kr.units.done} of ${plural(kr.units.total, 'unit')} done`;
    case 'outcome': {
      // "of target" read as a share of the target ("9.8% of target 7.5%") for a KR going down; a
      // target named beside the value reads right whichever way the KR goes.
      const target = kr.target !== undefined ? `, target ${withUnit(kr.target, kr.unit)}` : '';
      return `now ${withUnit(kr.current, kr.unit)}${target}`;
    }
    default:
      return assertNever(kr);
  }
}
