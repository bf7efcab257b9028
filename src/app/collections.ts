// The storage layout of OKR data over the DocumentStore port: many small documents, never one
// giant one. Forge KVS caps a value at 240 KiB and pages at 20, and Azure DevOps keeps documents
// per collection, so a plan is split the way it is edited: one document per team, period,
// objective (with its KR definitions), KPI, check-in, reading, link and snapshot. Things that
// grow over time (check-ins, readings, links, snapshots) never live inside the document they
// belong to, so an objective stays small however long it has been tracked.
import type { IsoDate } from '../core/model/dates';
import type { CheckIn, Kpi, KeyResult, Objective, Period, Reading, Team } from '../core/model/plan';
import type { WorkItem, WorkItemRef } from '../core/model/work-item';
import type { MeasureRun, SnapshotPoint } from './api';

export const C = {
  /** One document `plan`: the plan's own fields. */
  settings: 'settings',
  periods: 'periods',
  teams: 'teams',
  /** Objective + its KR definitions (no links, no check-ins). Indexed by team and period. */
  objectives: 'objectives',
  /** KR id → its objective: objectives, KRs and KPIs share one id namespace (SPEC §1). */
  keyResults: 'keyResults',
  /**
   * One per check-in, indexed by kr; id `<kr>#<seq>` (imported) or `<kr>#<seq>-<random>` (checked
   * in), which keeps the order they were made in and never collides (next-seq.ts).
   */
  checkIns: 'checkIns',
  /** KPI definitions without readings. */
  kpis: 'kpis',
  /** One per reading, indexed by kpi; ids as check-ins. */
  readings: 'readings',
  /** One per KR + work item, indexed by kr and by ref (the panel looks links up by item). */
  links: 'links',
  /** One progress point per KR per day, indexed by kr; id `<kr>#<date>` sorts by day. */
  snapshots: 'snapshots',
  /** The latest snapshot of each KR, so recording a point costs one read, not a history scan. */
  snapshotHeads: 'snapshotHeads',
  /** The plan's offline work item snapshot, kept so that export gives back what was imported. */
  workItems: 'workItems',
  // Measured values (SPEC §8): the run log and each measure's latest run, history about the
  // plan like snapshots, so neither is part of PLAN_COLLECTIONS.
  /** One per run of a measure, indexed by measure; id `<measure>#<ISO time>-<random>`. */
  measureRuns: 'measureRuns',
  /** The latest run of each measure (id: the KR or KPI id): its age and the hourly claim. */
  measureHeads: 'measureHeads',
  // Cadence (issue 10 §2): history about the plan, not part of it, so an import keeps them.
  /** The audit trail of check-ins and readings: one per correction or deletion, indexed by subject (KR or KPI). */
  revisions: 'revisions',
  /** Notification settings; id `digest`: the weekly digest's webhook (a secret: admins only). */
  notify: 'notify',
} as const;

export type CollectionName = (typeof C)[keyof typeof C];

/** Everything the plan owns; snapshots are history about the plan, not part of it. */
export const PLAN_COLLECTIONS = [
  C.settings,
  C.periods,
  C.teams,
  C.objectives,
  C.keyResults,
  C.checkIns,
  C.kpis,
  C.readings,
  C.links,
  C.workItems,
] as const;

export const SETTINGS_ID = 'plan';

export interface SettingsDoc {
  organization?: string;
  /** SPEC §7 cadence, kept so that export gives back what was imported. */
  checkInDays?: number;
}

/**
 * `order` keeps the plan's own order across stores that list by id, so that export gives back
 * exactly what was imported.
 */
export type Ordered<T> = T & { order: number };

export type PeriodDoc = Ordered<Period>;
export type TeamDoc = Ordered<Team>;
export type WorkItemDoc = Ordered<WorkItem>;

/**
 * A KR as stored inside its objective. `links` and `checkIns` live in their own collections;
 * here they are only `[]` when the plan wrote an empty list, so an import round-trips exactly.
 */
export type KeyResultDef = KeyResult;

export type ObjectiveDoc = Ordered<Omit<Objective, 'keyResults'> & { keyResults: KeyResultDef[] }>;

export interface KeyResultIndexDoc {
  objective: string;
}

export type KpiDoc = Ordered<Omit<Kpi, 'readings'> & { readings?: [] }>;

export type CheckInDoc = CheckIn & { kr: string };
/** `by`: who recorded it (storage only: a plan's readings carry no author, SPEC §1). */
export type ReadingDoc = Reading & { kpi: string; by?: string };

/** What a check-in or reading said, for the audit trail. */
export interface EntryValues {
  at: IsoDate;
  value: number;
  confidence?: number;
  note?: string;
}

/** One line of the audit trail of a check-in or a reading. */
export interface RevisionDoc {
  kind: 'check-in' | 'reading';
  /** The KR (check-ins) or KPI (readings) the entry belongs to. */
  subject: string;
  /** The check-in's or reading's document id. */
  entry: string;
  action: 'corrected' | 'deleted';
  by: string;
  on: IsoDate;
  /** What it was before a correction or deletion. */
  before?: EntryValues;
  /** What it is after a creation or correction. */
  after?: EntryValues;
}

export const DIGEST_SETTINGS_ID = 'digest';

export interface DigestSettingsDoc {
  /** The Slack incoming webhook or Teams workflow URL: a secret. */
  webhook: string;
  format: 'slack' | 'teams';
  /** The board's address, shown as a button in the message. */
  link?: string;
}

export interface LinkDoc {
  kr: string;
  ref: WorkItemRef;
  /** Position among the KR's links. */
  seq: number;
}

export type SnapshotDoc = SnapshotPoint & { kr: string };

export const linkId = (kr: string, ref: WorkItemRef): string => `${kr}#${ref}`;
export const snapshotId = (kr: string, at: IsoDate): string => `${kr}#${at}`;
/** Fixed width so that id order is creation order. */
export const seqId = (owner: string, seq: number): string => `${owner}#${String(seq).padStart(6, '0')}`;
/**
 * The id of a document appended after `seq` others were seen: sorts after every one of them, and
 * the random suffix keeps concurrent appends from colliding (next-seq.ts says why).
 */
export const appendId = (owner: string, seq: number, suffix: string): string => `${seqId(owner, seq)}-${suffix}`;

export type MeasureRunDoc = MeasureRun;

/**
 * A measure's latest run. `claimedAt` is set, under the head's version, by whoever is about to
 * run a due measure, so two clients opening the board at once (Azure DevOps, where every editor's
 * browser measures) run it once: the second one's write conflicts and it leaves the run alone.
 */
export interface MeasureHeadDoc {
  measure: string;
  claimedAt?: string;
  lastRunAt?: string;
  /** When a run last yielded a value; a failed run leaves it, so the value's age stays true. */
  lastValueAt?: string;
  lastError?: string;
}

export const measureRunId = (measure: string, at: string, suffix: string): string => `${measure}#${at}-${suffix}`;
