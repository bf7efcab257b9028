// The Forge host's own documents, beside the app's (src/app/collections.ts) in the same store.
// They hold what only the Forge host needs: the Jira mapping settings, and the state the
// triggers keep so that an issue event costs a few requests instead of a KR recomputation.
import type { IsoDate } from '../core/model/dates';
import type { WorkItem, WorkItemRef } from '../core/model/work-item';

export const FC = {
  /** One document `jira`: the site's story point field(s) and cancelling resolutions. */
  settings: 'forge.settings',
  /** Per KR a head `<kr>` naming the current generation of its scope chunks. */
  scopeHeads: 'forge.scopeHeads',
  /** `<kr>#<generation>#<n>`: the work items of a KR's scope, as the app sees them, in chunks. */
  scopeChunks: 'forge.scopeChunks',
  /** `<kr>#<ref>` for every item of every KR's scope, indexed by `ref` and by `kr`. */
  members: 'forge.members',
  /** `<kr>#<ref>`: items (or `*`: the whole KR) waiting to be recomputed, indexed by `kr`. */
  dirty: 'forge.dirty',
  /** `<kr>`: who is recomputing the KR right now, and until when. */
  leases: 'forge.leases',
  /** One document `pass`: where the reconciliation pass stands. */
  reconcile: 'forge.reconcile',
  /** `<ref>`: issues whose `harmony-okr` property must be rewritten from their memberships. */
  labels: 'forge.labels',
} as const;

export const SETTINGS_ID = 'jira';
export const PASS_ID = 'pass';
/** The dirty mark that asks for a full recomputation of the KR. */
export const WHOLE_KR = '*';

export interface JiraSettingsDoc {
  /** Story point field ids in order of preference; absent until discovered or set by an admin. */
  storyPointFields?: string[];
  /** Resolution names that make a done issue cancelled (SPEC §6). */
  cancelledResolutions?: string[];
  /** Jira groups (names or ids) whose members are Harmony admins besides Jira administrators. */
  adminGroups?: string[];
  /** Jira groups whose members are editors; none: everyone who may use the app. */
  editorGroups?: string[];
  /** Epic Link field ids (type gh-epic-link), discovered with the story point fields. */
  epicLinkFields?: string[];
}

export interface ScopeHead {
  kr: string;
  generation: string;
  chunks: number;
  /** Items in the scope. */
  size: number;
  /** The KR's links that are Jira issues the app can see: the roots of the scope. */
  roots: WorkItemRef[];
  /** Links that name nothing (deleted issues, or never existed). */
  missing: WorkItemRef[];
  at: IsoDate;
}

/** Work items without titles: the stored scope never reveals what an issue is called. */
export type ScopeItem = Omit<WorkItem, 'title'>;

export interface ScopeChunk {
  items: ScopeItem[];
}

export interface MemberDoc {
  kr: string;
  ref: WorkItemRef;
}

export interface DirtyDoc {
  kr: string;
  /** A work item ref, or WHOLE_KR. */
  ref: string;
  /** The item as read when the event was handled, so the drain need not read it again. */
  item?: ScopeItem;
  /** Epoch ms of that read. */
  readAt?: number;
  /** The issue was deleted. */
  deleted?: boolean;
}

export interface LabelDoc {
  ref: WorkItemRef;
}

export interface LeaseDoc {
  owner: string;
  /** Epoch ms after which another invocation may take the lease over. */
  until: number;
}

export interface PassDoc {
  /** The day the pass started; a new day starts a new pass. */
  day: IsoDate;
  /** The last KR done, in id order; absent before the first. */
  after?: string;
  done: boolean;
}

export const memberId = (kr: string, ref: string): string => `${kr}#${ref}`;
export const dirtyId = (kr: string, ref: string): string => `${kr}#${ref}`;
export const chunkId = (kr: string, generation: string, n: number): string => `${kr}#${generation}#${String(n).padStart(4, '0')}`;
