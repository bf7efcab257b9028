// The plan (SPEC §1): the unit of import/export and of "OKRs as code". These are the
// validated, in-memory shapes; `plan/schema.ts` turns untrusted text into them.
import type { IsoDate } from './dates';
import type { Measure, ValueSource } from './measure';
import type { WorkItem, WorkItemRef } from './work-item';

export interface Period {
  id: string;
  start: IsoDate;
  /** Inclusive. */
  end: IsoDate;
  /** The day the period was closed (SPEC §9): its KRs' numbers are frozen in their `final`. */
  closed?: IsoDate;
}

export interface Team {
  id: string;
  name: string;
  parent?: string;
}

export interface CheckIn {
  at: IsoDate;
  value: number;
  /** 0..1: how sure the owner is that the KR will land. */
  confidence?: number;
  note?: string;
  by?: string;
  // §8 measured values: who wrote it and how many items the query matched.
  source?: ValueSource;
  count?: number;
}

interface KeyResultBase {
  id: string;
  title: string;
  owner?: string;
  /** Relative weight in the objective's progress; default 1. */
  weight?: number;
  /** This KR is also one of the plan's KPIs (only quantifiable KRs may be). */
  kpi?: boolean;
  /**
   * Work items linked to the KR. For an effort KR they are its scope and drive progress.
   * For an outcome KR they are the work meant to move the number: shown, never counted.
   */
  links?: WorkItemRef[];
  /** A hand-set score from 0 to 1 (SPEC §9); it overrides the score, never the progress. */
  grade?: number;
  /** What the owner learned, written at the close. */
  reflection?: string;
  /** Id of the KR this one was carried from by a rollover (SPEC §10); may name a KR since deleted. */
  carriedFrom?: string;
}

/** A KR's evaluation frozen when its period closed (SPEC §9). */
export interface FinalBase {
  /** 0..1. */
  progress: number;
}

export interface OutcomeFinal extends FinalBase {
  current?: number;
}

export interface EffortFinal extends FinalBase {
  /** Counts, not weights. */
  units?: { done: number; total: number };
}

export type Final = OutcomeFinal | EffortFinal;

export interface OutcomeKeyResult extends KeyResultBase {
  type: 'outcome';
  start?: number;
  /** Lower than start means "decrease to". */
  target?: number;
  unit?: string;
  /** Current value = that KPI's latest reading. */
  kpiRef?: string;
  checkIns?: CheckIn[];
  final?: OutcomeFinal;
  /** §8: the value comes from a tracker query (never together with `kpiRef`). */
  measure?: Measure;
}

export type EffortWeighting = 'count' | 'estimate';

export interface EffortKeyResult extends KeyResultBase {
  type: 'effort';
  weighting?: EffortWeighting;
  final?: EffortFinal;
}

export type KeyResult = OutcomeKeyResult | EffortKeyResult;

export interface Objective {
  id: string;
  title: string;
  team: string;
  period: string;
  owner?: string;
  /** Id of a parent objective or key result. */
  aligns?: string | null;
  /** Id of the objective this one was carried from by a rollover (SPEC §10). */
  carriedFrom?: string;
  keyResults: KeyResult[];
}

export type KpiDirection = 'up' | 'down';
export type KpiFrequency = 'weekly' | 'monthly' | 'quarterly';

export interface Reading {
  at: IsoDate;
  value: number;
  note?: string;
  // §8 measured values: who wrote it and how many items the query matched.
  source?: ValueSource;
  count?: number;
}

export interface Kpi {
  id: string;
  title: string;
  unit?: string;
  direction: KpiDirection;
  target?: number;
  /** Guardrail on the bad side of target. */
  threshold?: number;
  frequency?: KpiFrequency;
  source?: string;
  owner?: string;
  team?: string;
  readings?: Reading[];
  /** §8: the readings come from a tracker query. */
  measure?: Measure;
}

export interface Plan {
  okr: 1;
  organization?: string;
  /** SPEC §7: how often, in days, an outcome KR is expected to get a new value; default 7. */
  checkInDays?: number;
  periods: Period[];
  teams: Team[];
  objectives: Objective[];
  kpis: Kpi[];
  workItems: WorkItem[];
}

export function emptyPlan(): Plan {
  return { okr: 1, periods: [], teams: [], objectives: [], kpis: [], workItems: [] };
}

/** SPEC §7's default cadence: OKRs are "weekly tracked". */
export const DEFAULT_CHECK_IN_DAYS = 7;
