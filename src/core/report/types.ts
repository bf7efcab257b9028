// The report (SPEC §4): what every surface shows. Required fields are the SPEC's; the rest
// explain the numbers (which units counted, what the current value came from).
import type { IsoDate } from '../model/dates';
import type { KpiDirection } from '../model/plan';
import type { WorkItemRef, WorkItemStatus } from '../model/work-item';

/** A fraction in [0, 1]. */
export type Progress = number & { readonly __brand?: 'Progress' };

/** `closed`: the period is closed (SPEC §9) and the KR or objective did not reach its target. */
export type Status = 'not-started' | 'on-track' | 'at-risk' | 'off-track' | 'done' | 'closed';
/** `no-target`: readings exist but the KPI has no target to judge them against. */
export type KpiHealth = 'healthy' | 'warning' | 'breached' | 'no-data' | 'no-target';
export type Severity = 'error' | 'warning' | 'info';

export type LintCode =
  | 'objective-without-krs'
  | 'kr-count'
  | 'outcome-kr-without-target'
  | 'effort-kr-without-work'
  | 'unknown-work-item'
  | 'effort-kr-as-kpi'
  | 'every-kr-a-kpi'
  | 'kpi-count'
  | 'kpi-incomplete'
  | 'kpi-breached'
  | 'too-many-objectives'
  | 'double-counted-work'
  | 'orphan-objective'
  | 'stale-check-in'
  | 'kpi-reading-overdue';

export interface Lint {
  code: LintCode;
  severity: Severity;
  /** The id the lint is about (objective, KR, KPI, team or work item ref). */
  subject: string;
  message: string;
}

export interface ObjectiveReport {
  id: string;
  title: string;
  team: string;
  period: string;
  owner?: string;
  aligns?: string;
  progress: Progress;
  expected: Progress;
  status: Status;
  keyResults: string[];
  /** Closed periods only (SPEC §9): the weighted mean of the KRs' scores. */
  score?: number;
  /** The day the objective's period was closed. */
  closed?: IsoDate;
  carriedFrom?: string;
}

/** One unit of an effort KR's scope and how it counted (SPEC §2, "explainable progress"). */
export interface UnitReport {
  ref: WorkItemRef;
  title: string | undefined;
  status: WorkItemStatus;
  /** Counted done: its own status is done, or a done ancestor closed it. */
  done: boolean;
  /** The done ancestor that closed it, when that is why it counts done. */
  closedBy: WorkItemRef | undefined;
  weight: number;
  /** The weight was filled in with the mean estimate because the item has none. */
  estimated: true | undefined;
}

export interface EffortDetail {
  units: UnitReport[];
  /** Items removed with their subtree because they (or an ancestor) were cancelled. */
  cancelled: WorkItemRef[];
  /** Links that name no known work item. */
  unknownLinks: WorkItemRef[];
  doneWeight: number;
  totalWeight: number;
}

interface KeyResultReportBase {
  id: string;
  title: string;
  objective: string;
  progress: Progress;
  expected: Progress;
  status: Status;
  weight: number;
  kpi: boolean;
  owner?: string;
  links: WorkItemRef[];
  /** Closed periods only (SPEC §9): `grade` when set, else the frozen progress. */
  score?: number;
  /** The day the KR's period was closed: progress, current and units are its frozen `final`. */
  closed?: IsoDate;
  grade?: number;
  reflection?: string;
  carriedFrom?: string;
}

export interface OutcomeKeyResultReport extends KeyResultReportBase {
  type: 'outcome';
  current: number;
  start?: number;
  target?: number;
  unit?: string;
  kpiRef?: string;
  /** Where `current` came from; `final`: the value frozen when the period closed. */
  currentFrom: 'check-in' | 'kpi-reading' | 'start' | 'final';
  /** Date of that check-in or reading. */
  currentAt?: IsoDate;
  confidence?: number;
}

export interface EffortKeyResultReport extends KeyResultReportBase {
  type: 'effort';
  /** Zero, with `countsWithheld`, when the counts are not this viewer's to see. */
  units: { done: number; total: number };
  weighting: 'count' | 'estimate';
  explanation: EffortDetail;
  /**
   * The progress is a stored one (the tracker did not answer in time) and its unit counts are
   * withheld: they were counted over the KR's whole scope, which may hold items this viewer
   * may not see, and a count of hidden items must not reach them.
   */
  countsWithheld?: true;
}

export type KeyResultReport = OutcomeKeyResultReport | EffortKeyResultReport;

export interface KpiReport {
  id: string;
  title: string;
  value?: number;
  valueAt?: IsoDate;
  health: KpiHealth;
  unit?: string;
  direction?: KpiDirection;
  target?: number;
  threshold?: number;
  /** `kr`: a key result marked `kpi: true`, its health taken from its status. */
  source: 'kpi' | 'kr';
  /** KRs that focus on this KPI through `kpiRef`. */
  focusedBy: string[];
  /** Readings on or before `at`, oldest first (for sparklines and trends). */
  trend: { at: IsoDate; value: number }[];
}

/**
 * A progress the caller already knows, used instead of computing it (the one evaluation path of
 * ARCHITECTURE.md): a closed KR's `final`, or an effort KR's stored snapshot when the tracker
 * cannot answer. `countsWithheld`: the unit counts are not this viewer's to see.
 */
export interface KnownProgress {
  progress: number;
  /** Outcome KRs. */
  current?: number;
  /** Effort KRs: counts, not weights. */
  units?: { done: number; total: number };
  countsWithheld?: true;
}

export interface EvaluateOptions {
  /** By KR id. A closed KR's own `final` always wins: frozen means frozen. */
  known?: ReadonlyMap<string, KnownProgress>;
}

export interface Report {
  at: IsoDate;
  objectives: ObjectiveReport[];
  keyResults: KeyResultReport[];
  kpis: KpiReport[];
  lints: Lint[];
}
