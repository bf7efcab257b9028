// SPEC §7 lints: a KR nobody has updated for longer than the plan's cadence, a KPI not read at
// its own frequency. The detection lives in cadence.ts, shared with the apps' marks and digest.
import type { Lint } from '../report/types';
import { daysText, overdueCheckIns, overdueReadings } from './cadence';
import type { LintRule } from './context';

export const staleCheckIn: LintRule = ({ plan, at }) =>
  overdueCheckIns(plan, at).map(({ kr, lastAt, days, every }): Lint => {
    const owner = kr.owner !== undefined ? `${kr.owner}, ` : '';
    const when = lastAt === undefined ? `has never been checked in (${daysText(days)} into its period)` : `was last checked in ${daysText(days)} ago (${lastAt})`;
    return {
      code: 'stale-check-in',
      severity: 'warning',
      subject: kr.id,
      message: `Key result "${kr.title}" ${when}: ${owner}check in its current value, at least every ${daysText(every)}.`,
    };
  });

export const kpiReadingOverdue: LintRule = ({ plan, at }) =>
  overdueReadings(plan, at).map(({ kpi, lastAt, days, every }): Lint => {
    const owner = kpi.owner !== undefined ? `${kpi.owner}, ` : '';
    const when = lastAt === undefined || days === undefined ? 'has never been read' : `was last read ${daysText(days)} ago (${lastAt})`;
    return {
      code: 'kpi-reading-overdue',
      severity: 'warning',
      subject: kpi.id,
      message: `KPI "${kpi.title}" ${when}, but it is read ${String(kpi.frequency)}: ${owner}record a reading, at least every ${daysText(every)}.`,
    };
  });
