// The app API: every use case a surface calls, host-neutral. One typed map, so each host can
// carry it its own way with no per-call glue: Forge resolvers (one definition per key),
// the workbench's HTTP (`POST /api/<name>`), the ADO extension in the browser.
import type { IsoDate } from '../core/model/dates';
import type { Measure, MeasureAggregate, MeasureTracker } from '../core/model/measure';
import type { ClosePreview, GradeInput, LineageStep, PeriodClosed, RolledOver, RolloverInput, RolloverPreview } from './close-types';
// The close and rollover shapes are part of the API the UI sees (issue 12).
export type * from './close-types';
import type { Kpi, KpiDirection, KpiFrequency, Period, Plan, Team } from '../core/model/plan';
import type { WorkItem, WorkItemRef } from '../core/model/work-item';
import type { Version } from '../core/ports/document-store';
import type { Person } from '../core/ports/people-directory';
import type { KeyResultReport, KpiReport, Lint, ObjectiveReport, Status } from '../core/report/types';
import type { Review } from '../core/review/types';
import type { Digest } from '../core/digest';

/** An objective in a KR's chain up to the company objective, nearest first. */
export interface ChainLink {
  id: string;
  title: string;
  team: string;
  teamName: string;
  kind: 'objective' | 'key-result';
  progress: number;
  status: Status;
}

export interface PanelKeyResult {
  kr: KeyResultReport;
  objective: ObjectiveReport;
  /** The objective, then what it aligns to, up to the top. */
  chain: ChainLink[];
  /** How this KR reaches the item: linked to the item itself, or to an ancestor. */
  via: WorkItemRef;
  /** The item's own subtree within the KR's units (effort KRs): what this item contributes. */
  contribution?: { done: number; total: number };
  /** Cadence (SPEC §7): the stale-check-in message when this KR needs a check-in. */
  needsUpdate?: string;
}

export interface PanelView {
  item: WorkItem;
  /** Ancestors, nearest first (only those the viewer may see). */
  ancestors: WorkItem[];
  keyResults: PanelKeyResult[];
  at: IsoDate;
  /** Some scopes could not be read in time; progress shown is from the last stored snapshot. */
  stale?: boolean;
}

export interface KeyResultHit {
  id: string;
  title: string;
  type: 'outcome' | 'effort';
  objective: string;
  objectiveTitle: string;
  team: string;
  period: string;
}

export interface BoardFilters {
  period?: string;
  team?: string;
  status?: Status;
  owner?: string;
  text?: string;
}

export interface BoardTeam {
  id: string;
  name: string;
  parent?: string;
  objectives: (ObjectiveReport & { version: Version })[];
}

export interface BoardView {
  at: IsoDate;
  periods: { id: string; start: IsoDate; end: IsoDate; closed?: IsoDate }[];
  /** Teams in tree order (parents before children), only those with matching objectives unless unfiltered. */
  teams: BoardTeam[];
  keyResults: Record<string, KeyResultReport>;
  lints: Lint[];
  owners: string[];
  /** Carried KRs shown (SPEC §10): the quarters each was carried through, oldest first. */
  lineage?: Record<string, LineageStep[]>;
}

export interface SnapshotPoint {
  at: IsoDate;
  progress: number;
  /** Effort KRs: done and total units (scope), so scope creep shows apart from progress. */
  done?: number;
  total?: number;
  /** Outcome KRs: the measured value. */
  value?: number;
}

export interface KeyResultDetail {
  kr: KeyResultReport;
  objective: ObjectiveReport;
  history: SnapshotPoint[];
  /** `id` and `version` (cadence): what correcting or deleting the entry names. */
  checkIns: { at: IsoDate; value: number; confidence?: number; note?: string; by?: string; id?: string; version?: Version }[];
  /** Cadence: the audit trail of these check-ins (or of the KPI's readings, for a `kpiRef` KR), oldest first. */
  revisions?: RevisionView[];
}

// Cadence (issue 10 §2): corrections with an audit trail, My key results, the weekly digest.
export interface EntryValuesView {
  at: IsoDate;
  value: number;
  confidence?: number;
  note?: string;
}

export interface RevisionView {
  kind: 'check-in' | 'reading';
  subject: string;
  entry: string;
  action: 'corrected' | 'deleted';
  by: string;
  on: IsoDate;
  before?: EntryValuesView;
  after?: EntryValuesView;
}

export interface ReadingsView {
  kpi: string;
  readings: (EntryValuesView & { id: string; version: Version; by?: string })[];
  revisions: RevisionView[];
}

export interface MyKeyResult {
  kr: KeyResultReport;
  objectiveTitle: string;
  team: string;
  teamName: string;
  period: string;
  /** SPEC §7: overdue for a check-in; `lastAt` undefined means never. */
  needsUpdate?: { days: number; lastAt?: IsoDate };
}

export interface MyKpi {
  kpi: KpiReport;
  needsUpdate?: { days?: number; lastAt?: IsoDate };
}

export interface MyKeyResultsView {
  at: IsoDate;
  /** Overdue first (longest overdue first), then off-track, at-risk, the rest; by id within. */
  keyResults: MyKeyResult[];
  kpis: MyKpi[];
}

/** Only admins ever get this: the webhook URL is a secret. */
export interface DigestSettingsView {
  webhook?: string;
  format?: 'slack' | 'teams';
  link?: string;
}

export interface KpiReadout {
  at: IsoDate;
  /**
   * `dataSource` is the KPI's `source` from the plan (where the number comes from); it cannot be
   * called `source`, which KpiReport already uses for 'kpi' | 'kr'.
   */
  kpis: (KpiReport & { frequency?: KpiFrequency; dataSource?: string; team?: string; owner?: string })[];
  lints: Lint[];
}

export interface ObjectiveInput {
  id?: string;
  title: string;
  team: string;
  period: string;
  owner?: string;
  aligns?: string | null;
}

export interface KeyResultInput {
  objective: string;
  id?: string;
  title: string;
  type: 'outcome' | 'effort';
  start?: number;
  target?: number;
  unit?: string;
  kpiRef?: string;
  kpi?: boolean;
  weight?: number;
  weighting?: 'count' | 'estimate';
  owner?: string;
  /** Outcome KRs without kpiRef: measured by a tracker query (SPEC §8); null removes it, none keeps it. */
  measure?: Measure | null;
}

export interface KpiInput {
  id?: string;
  title: string;
  unit?: string;
  direction: KpiDirection;
  target?: number;
  threshold?: number;
  frequency?: KpiFrequency;
  source?: string;
  team?: string;
  /** Measured by a tracker query (SPEC §8); null removes it, none keeps it. */
  measure?: Measure | null;
  owner?: string;
}

// Authoring (issue 10 §1): teams, periods, deletes, owners, and the outline the forms edit.
export interface TeamInput {
  /** Omitted for a new team: one is made from the name. */
  id?: string;
  name: string;
  parent?: string;
}

export interface PeriodInput {
  id: string;
  start: IsoDate;
  end: IsoDate;
}

/** What the authoring forms choose from and edit, each with the version an edit must name. */
export interface PlanOutline {
  teams: (Team & { version: Version })[];
  periods: (Period & { version: Version })[];
  kpis: (Omit<Kpi, 'readings'> & { version: Version })[];
}

/**
 * What the caller may do, so a surface can hide what would be refused. Only a hint: every call
 * is still checked by the app. Per-KR ownership: a KR whose `owner` is one of `ownerIds`.
 */
export interface PermissionsView {
  actor: string;
  ownerIds: string[];
  admin: boolean;
  editor: boolean;
}

// Review page (issue 10 §3): the core's review plus what its filters offer and its Markdown.
export interface ReviewView extends Review {
  /** The same text `okr review` prints, for "Copy as Markdown". */
  markdown: string;
  /** Every team in tree order and every period, for the filters. */
  teams: { id: string; name: string; parent?: string }[];
  periods: { id: string; start: IsoDate; end: IsoDate }[];
}

// Measured values (SPEC §8): previews, runs and the run log.
/** How a run was started: a person pressing "Measure now", a schedule, or the board opening. */
export type MeasureTrigger = 'viewer' | 'schedule' | 'board' | 'timer';

/** One run of a measure, as the run log keeps it: enough to explain the value it recorded. */
export interface MeasureRun {
  /** The KR or KPI measured. */
  measure: string;
  kind: 'kr' | 'kpi';
  /** When it ran (ISO date-time, UTC) and the day its value is dated. */
  at: string;
  day: IsoDate;
  /** Whose tracker access the query ran with (an account id, identity id or local user). */
  by: string;
  trigger: MeasureTrigger;
  tracker: MeasureTracker;
  query: string;
  aggregate: MeasureAggregate;
  field?: string;
  of?: string;
  matched?: number;
  denominator?: number;
  value?: number;
  /** The run worked but yields nothing to record (SPEC §8), in words. */
  noValue?: string;
  requests: number;
  /** The tracker's own search for the same query. */
  url?: string;
  /** The run failed: the tracker's words. The last good value stays. */
  error?: string;
}

export type MeasurePreview =
  | { ok: true; matched: number; denominator?: number; value?: number; noValue?: string; url: string; requests: number }
  | { ok: false; error: string };

/** A measured KR or KPI with its latest runs, newest first. */
export interface MeasureLogEntry {
  id: string;
  kind: 'kr' | 'kpi';
  title: string;
  measure: Measure;
  owner?: string;
  /** When a run last yielded a value (ISO date-time), if one ever did. */
  lastValueAt?: string;
  runs: MeasureRun[];
}

/** name → payload in, answer out. */
export interface ApiMethods {
  getPanel: { in: { ref: WorkItemRef; at?: IsoDate }; out: PanelView };
  searchKeyResults: { in: { text: string; period?: string; limit?: number }; out: KeyResultHit[] };
  searchWorkItems: { in: { text: string; limit?: number }; out: WorkItem[] };
  linkWorkItem: { in: { kr: string; ref: WorkItemRef }; out: PanelKeyResult['kr'] };
  unlinkWorkItem: { in: { kr: string; ref: WorkItemRef }; out: PanelKeyResult['kr'] };
  checkIn: { in: { kr: string; value: number; confidence?: number; note?: string; at?: IsoDate; confirm?: boolean }; out: KeyResultReport };
  getBoard: { in: BoardFilters & { at?: IsoDate }; out: BoardView };
  getKeyResult: { in: { kr: string; at?: IsoDate }; out: KeyResultDetail };
  getKpis: { in: { at?: IsoDate; team?: string }; out: KpiReadout };
  recordReading: { in: { kpi: string; value: number; at?: IsoDate; note?: string; confirm?: boolean }; out: KpiReport };
  focusKpi: {
    in: { kpi: string; objective: string; target: number; title?: string; start?: number };
    out: KeyResultReport;
  };
  saveObjective: { in: { objective: ObjectiveInput; expected: Version | null }; out: ObjectiveReport & { version: Version } };
  deleteObjective: { in: { id: string; expected: Version }; out: { deleted: string } };
  saveKeyResult: { in: { keyResult: KeyResultInput; expected: Version }; out: KeyResultReport };
  saveKpi: { in: { kpi: KpiInput; expected: Version | null }; out: KpiReport };
  importPlan: { in: { text: string; format?: 'yaml' | 'json' }; out: { objectives: number; keyResults: number; kpis: number } };
  exportPlan: { in: { format: 'yaml' | 'json' }; out: { text: string; plan: Plan } };
  getPermissions: { in: Record<string, never>; out: PermissionsView };
  // Closing a period and rolling over (issue 12, SPEC §9–§10): close-types.ts.
  previewClose: { in: { period: string; at?: IsoDate }; out: ClosePreview };
  closePeriod: { in: { period: string; at?: IsoDate; grades?: GradeInput[] }; out: PeriodClosed };
  reopenPeriod: { in: { period: string }; out: { period: string } };
  gradeKeyResult: { in: GradeInput; out: KeyResultReport };
  previewRollover: { in: RolloverInput; out: RolloverPreview };
  rolloverPeriod: { in: RolloverInput & { keyResults: string[]; targets?: Record<string, number> }; out: RolledOver };
  // Review page (issue 10 §3).
  getReview: { in: { at?: IsoDate; team?: string; period?: string }; out: ReviewView };
  // Measured values (SPEC §8)
  previewMeasure: { in: { measure: Measure }; out: MeasurePreview };
  measureNow: { in: { id?: string }; out: MeasureRun[] };
  measureDue: { in: { trigger?: 'board' | 'timer' }; out: MeasureRun[] };
  getMeasureRuns: { in: { id?: string; limit?: number }; out: MeasureLogEntry[] };
  // Authoring (issue 10 §1)
  getPlanOutline: { in: Record<string, never>; out: PlanOutline };
  saveTeam: { in: { team: TeamInput; expected: Version | null }; out: Team & { version: Version } };
  deleteTeam: { in: { id: string; expected: Version }; out: { deleted: string } };
  savePeriod: { in: { period: PeriodInput; expected: Version | null }; out: Period & { version: Version } };
  deletePeriod: { in: { id: string; expected: Version }; out: { deleted: string } };
  /** `expected`: the version of the KR's objective (a KR lives in its objective's document). */
  deleteKeyResult: { in: { id: string; expected: Version }; out: { deleted: string } };
  deleteKpi: { in: { id: string; expected: Version }; out: { deleted: string } };
  searchPeople: { in: { text: string; limit?: number }; out: Person[] };
  resolvePeople: { in: { ids: string[] }; out: Person[] };
  // Cadence (issue 10 §2): corrections with an audit trail, My key results, the weekly digest.
  correctCheckIn: {
    in: { id: string; value: number; confidence?: number; note?: string; at: IsoDate; expected: Version; confirm?: boolean };
    out: KeyResultReport;
  };
  deleteCheckIn: { in: { id: string; expected: Version }; out: KeyResultReport };
  getReadings: { in: { kpi: string }; out: ReadingsView };
  correctReading: { in: { id: string; value: number; note?: string; at: IsoDate; expected: Version; confirm?: boolean }; out: KpiReport };
  deleteReading: { in: { id: string; expected: Version }; out: KpiReport };
  getMyKeyResults: { in: { at?: IsoDate }; out: MyKeyResultsView };
  getDigest: { in: { at?: IsoDate; team?: string }; out: Digest };
  getDigestSettings: { in: Record<string, never>; out: DigestSettingsView };
  saveDigestSettings: { in: { webhook: string | null; format?: 'slack' | 'teams'; link?: string }; out: DigestSettingsView };
}

export type ApiName = keyof ApiMethods;
export type ApiInput<K extends ApiName> = ApiMethods[K]['in'];
export type ApiOutput<K extends ApiName> = ApiMethods[K]['out'];

/** What every host hands the UI: one function to call any use case. */
export type ApiClient = <K extends ApiName>(name: K, payload: ApiInput<K>) => Promise<ApiOutput<K>>;

/**
 * Every code an error envelope may carry. `tracker-data`: the tracker answered with data Harmony
 * will not guess at (a status without a category): the message says what to fix there.
 */
export const API_ERROR_CODES = ['invalid-input', 'conflict', 'not-found', 'forbidden', 'rate-limited', 'tracker-data', 'internal'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The response envelope hosts put on the wire. */
export type ApiEnvelope<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ApiErrorCode; message: string; problems?: { path: string; message: string }[] } };
