// SPEC §7: what is overdue for a new value. OKRs are "weekly tracked", KPIs read at least at their
// own frequency. One pure function per kind, so the lints, the "needs an update" marks, "My key
// results" and the weekly digest all agree on what is overdue and by how long.
import { daysOf, type IsoDate } from '../model/dates';
import { DEFAULT_CHECK_IN_DAYS, type Kpi, type KpiFrequency, type OutcomeKeyResult, type Period, type Plan } from '../model/plan';

export interface OverdueCheckIn {
  kr: OutcomeKeyResult;
  objective: string;
  /** The latest check-in on or before `at`; undefined: never checked in. */
  lastAt?: IsoDate;
  /** Whole days since the latest check-in, or since the period started when there is none. */
  days: number;
  /** The cadence it was judged by (`checkInDays`). */
  every: number;
}

export interface OverdueReading {
  kpi: Kpi;
  lastAt?: IsoDate;
  /** Whole days since the latest reading; undefined when there is none. */
  days?: number;
  every: number;
}

/** SPEC §7: the longest gap a KPI's frequency allows between readings. */
export const READING_DAYS: Record<KpiFrequency, number> = { weekly: 7, monthly: 31, quarterly: 92 };

/** A period closed by §9 (`closed: DATE`): its KRs are frozen, so nothing is overdue there. */
export function isClosed(period: Period): boolean {
  return period.closed !== undefined;
}

export function isRunning(period: Period, at: IsoDate): boolean {
  return !isClosed(period) && period.start <= at && at <= period.end;
}

function latestAt(entries: readonly { at: IsoDate }[] | undefined, at: IsoDate): IsoDate | undefined {
  let best: IsoDate | undefined;
  for (const e of entries ?? []) if (e.at <= at && (best === undefined || e.at > best)) best = e.at;
  return best;
}

/** Outcome KRs without `kpiRef` of running, unclosed periods whose check-in is overdue at `at`. */
export function overdueCheckIns(plan: Plan, at: IsoDate): OverdueCheckIn[] {
  const every = plan.checkInDays ?? DEFAULT_CHECK_IN_DAYS;
  const periods = new Map(plan.periods.map((p) => [p.id, p]));
  const today = daysOf(at);
  const out: OverdueCheckIn[] = [];
  for (const o of plan.objectives) {
    const period = periods.get(o.period);
    if (period === undefined || !isRunning(period, at)) continue;
    for (const kr of o.keyResults) {
      if (kr.type !== 'outcome' || kr.kpiRef !== undefined) continue;
      const lastAt = latestAt(kr.checkIns, at);
      const days = today - daysOf(lastAt ?? period.start);
      if (days > every) out.push({ kr, objective: o.id, days, every, ...(lastAt !== undefined ? { lastAt } : {}) });
    }
  }
  return out;
}

/** KPIs of `kpis` with a frequency whose reading is overdue (or missing) at `at`. */
export function overdueReadings(plan: Plan, at: IsoDate): OverdueReading[] {
  const today = daysOf(at);
  return plan.kpis.flatMap((kpi): OverdueReading[] => {
    if (kpi.frequency === undefined) return [];
    const every = READING_DAYS[kpi.frequency];
    const lastAt = latestAt(kpi.readings, at);
    if (lastAt === undefined) return [{ kpi, every }];
    const days = today - daysOf(lastAt);
    return days > every ? [{ kpi, lastAt, days, every }] : [];
  });
}

/** "3 days", "1 day", "2 weeks" and a half are still days: owners count check-ins in days. */
export function daysText(days: number): string {
  return `${String(days)} day${days === 1 ? '' : 's'}`;
}
