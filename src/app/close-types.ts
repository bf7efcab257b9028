// What the close and rollover use cases take and give (SPEC §9–§10, issue 12), apart from
// api.ts so that the shared API map gains one line per call, not a screenful.
import type { IsoDate } from '../core/model/dates';

/** A hand-set score and a reflection on one KR; `null` clears what was set. */
export interface GradeInput {
  kr: string;
  grade?: number | null;
  reflection?: string | null;
}

/** One KR in the close review: its score as it will be frozen, and why it may need a look. */
export interface CloseReviewKeyResult {
  id: string;
  title: string;
  objective: string;
  objectiveTitle: string;
  type: 'outcome' | 'effort';
  owner?: string;
  /** The computed score (the frozen progress), 0..1. */
  score: number;
  current?: number;
  unit?: string;
  units?: { done: number; total: number };
  grade?: number;
  reflection?: string;
  /** Set when the number may be out of date: no check-in in the last week of the period, or none at all. */
  warning?: string;
}

export interface ClosePreview {
  period: { id: string; start: IsoDate; end: IsoDate; closed?: IsoDate };
  /** The date the evaluation is frozen at: the earlier of the close date and the period's end. */
  asOf: IsoDate;
  keyResults: CloseReviewKeyResult[];
}

export interface PeriodClosed {
  period: string;
  closed: IsoDate;
  keyResults: number;
}

export interface RolloverInput {
  from: string;
  to: string;
  /** Needed when `to` is not a period yet. */
  start?: IsoDate;
  end?: IsoDate;
}

/** A KR that rolling over may carry, as it would start in the next period. */
export interface RolloverCandidate {
  kr: string;
  title: string;
  objective: string;
  objectiveTitle: string;
  type: 'outcome' | 'effort';
  /** KPI KRs are always carried; others only when chosen. */
  always: boolean;
  /** The old KR's frozen progress and score. */
  progress: number;
  score: number;
  /** Id of the copy in the next period. */
  newId: string;
  start?: number;
  target?: number;
  unit?: string;
}

export interface RolloverPreview {
  from: string;
  to: string;
  /** The period `to` as it is, or as it would be created. */
  period: { id: string; start: IsoDate; end: IsoDate; created: boolean };
  candidates: RolloverCandidate[];
}

export interface RolledOver {
  period: string;
  objectives: number;
  keyResults: number;
}

/** One quarter a carried KR went through: the KR there and its score when it closed. */
export interface LineageStep {
  kr: string;
  period: string;
  progress: number;
  /** Set once that period is closed. */
  score?: number;
}
