// The app API: every use case a surface calls, host-neutral. One typed map, so each host can
// carry it its own way with no per-call glue: Forge resolvers (one definition per key),
// the workbench's HTTP (`POST /api/<name>`), the ADO extension in the browser.
import type { IsoDate } from '../core/model/dates';
import type { KpiDirection, KpiFrequency, Plan } from '../core/model/plan';
import type { WorkItem, WorkItemRef } from '../core/model/work-item';
import type { Version } from '../core/ports/document-store';
import type { KeyResultReport, KpiReport, Lint, ObjectiveReport, Status } from '../core/report/types';
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
  periods: { id: string; start: IsoDate; end: IsoDate }[];
  /** Teams in tree order (parents before children), only those with matching objectives unless unfiltered. */
  teams: BoardTeam[];
  keyResults: Record<string, KeyResultReport>;
  lints: Lint[];
  owners: string[];
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
  kpis: (KpiReport & { frequency?: KpiFrequency; dataSource?: string; team?: string })[];
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
