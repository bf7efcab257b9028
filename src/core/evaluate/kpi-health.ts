// KPI health (SPEC §2) from the latest reading on or before `at`.
import type { Kpi } from '../model/plan';
import type { KpiHealth, Status } from '../report/types';

export function kpiHealth(kpi: Pick<Kpi, 'direction' | 'target' | 'threshold'>, value: number | undefined): KpiHealth {
  if (value === undefined) return 'no-data';
  if (kpi.target === undefined) return 'no-target';
  // Mirror "up" onto "down" so one comparison serves both directions.
  const sign = kpi.direction === 'down' ? 1 : -1;
  if (sign * value <= sign * kpi.target) return 'healthy';
  if (kpi.threshold !== undefined && sign * value <= sign * kpi.threshold) return 'warning';
  return 'breached';
}

/** A KR marked `kpi: true` is listed among the KPIs with a health taken from its status. */
export function healthFromStatus(status: Status): KpiHealth {
  switch (status) {
    case 'done':
    case 'on-track':
      return 'healthy';
    case 'at-risk':
      return 'warning';
    case 'off-track':
      return 'breached';
    // A closed KR is never listed among the KPIs (SPEC §9); its frozen number says nothing now.
    case 'not-started':
    case 'closed':
      return 'no-data';
  }
}
