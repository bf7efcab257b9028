// The words after a KR's percentage: units for effort KRs, the measured value for outcome KRs.
import type { KeyResultReport } from '../../core/report/types';
import { plural, withUnit } from './numbers';

export function progressDetail(kr: KeyResultReport): string {
  if (kr.type === 'effort') return kr.countsWithheld ? 'as last stored' : `${kr.units.done} of ${plural(kr.units.total, 'unit')} done`;
  const target = kr.target !== undefined ? ` of target ${withUnit(kr.target, kr.unit)}` : '';
  return `now ${withUnit(kr.current, kr.unit)}${target}`;
}
