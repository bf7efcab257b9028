// The monthly review (SPEC §11): the KPI readout first, then the OKRs, then the spotlight on what
// needs help, then the lints. Every surface shows this one shape (CLI Markdown and JSON, the
// Review page of each host), so the meeting's agenda reads the same wherever it is opened.
import type { IsoDate } from '../model/dates';
import type { KpiHealth, KeyResultReport, KpiReport, Lint, ObjectiveReport, Severity } from '../report/types';

export interface ReviewKpi extends KpiReport {
  /** Its value minus the value before it (the previous reading or check-in); absent when there is none. */
  change?: number;
  /** Date of the value `change` is measured from. */
  previousAt?: IsoDate;
  health: KpiHealth;
}

export interface ReviewObjective extends ObjectiveReport {
  keyResultReports: KeyResultReport[];
}

export interface ReviewOptions {
  /** This team and the teams below it; default every team. */
  team?: string;
  /** Objectives of this period; default the periods running at `at` that are not closed. */
  period?: string;
}

export interface Review {
  at: IsoDate;
  /** The filters as applied, so a reader of the minutes knows what they cover. */
  team?: string;
  period?: string;
  kpis: ReviewKpi[];
  objectives: ReviewObjective[];
  spotlight: {
    /** Off-track and at-risk KRs of those objectives, widest gap first, at most five. */
    keyResults: string[];
    /** KPIs of the plan's `kpis` that are breached with no KR focusing on them, in plan order. */
    kpis: string[];
  };
  lints: Record<Severity, number> & { errors: Lint[] };
}

/** At most this many KRs in the spotlight: a meeting can discuss five, not twenty. */
export const SPOTLIGHT_SIZE = 5;
