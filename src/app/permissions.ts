// Who may do what, decided once for every host (ARCHITECTURE: "Decisions the app owns, facts the
// hosts supply"). Each use case declares the role it needs (`requires`, checked by the compiler
// for every ApiName); the app checks it against the Actor the host supplies before the use case
// runs. A host answers questions about its own platform (is this user a Jira administrator, may
// they edit this work item) and never re-decides the policy.
import type { WorkItemRef } from '../core/model/work-item';
import type { ApiInput, ApiName } from './api';
import { PlanReader } from './plan-reader';
import type { DocumentStore } from '../core/ports/document-store';

/** The person calling, as the host's own permission system sees them. */
export interface Actor {
  /** Who is calling (an Atlassian accountId, an Azure DevOps identity id, the local user). */
  readonly id: string;
  /**
   * The strings a KR's `owner` may hold for this person: the plan stores the owner as a plain id,
   * so each host says which of its user's identifiers count (Forge: the accountId; Azure DevOps:
   * the identity id and the unique name; the workbench: the local user's name).
   */
  readonly ownerIds: readonly string[];
  /** Settings, importing or replacing the plan, deleting objectives, closing periods. */
  isAdmin(): Promise<boolean>;
  /** Creating and editing objectives, KRs and KPIs; check-ins; readings; focusing a KPI. */
  isEditor(): Promise<boolean>;
  /** Of these items, those the person may edit in their tracker (asked as that person). */
  mayEditWorkItems(refs: readonly WorkItemRef[]): Promise<ReadonlySet<WorkItemRef>>;
}

/**
 * What a use case needs. `editor-or-owner` lets the owner of an existing KR act on it without
 * being an editor; `work-item-editor` needs only the right to edit the work item in its tracker.
 * Admins may do everything editors may; anyone who may use the app is a viewer.
 */
export type Requirement<K extends ApiName> =
  | { role: 'viewer' }
  | { role: 'editor' }
  | { role: 'admin' }
  | { role: 'editor-or-owner'; kr: (input: ApiInput<K>) => string | undefined }
  // Grading a KR of a closed period (issue 12): its owner judges it, or an admin; editors do not.
  | { role: 'admin-or-owner'; kr: (input: ApiInput<K>) => string }
  | { role: 'work-item-editor'; ref: (input: ApiInput<K>) => WorkItemRef }
  // Cadence: correcting or deleting a check-in or reading: its author, the owner of its KR or
  // KPI, or an editor (issue 10 §2).
  | { role: 'author-owner-or-editor'; entry: (input: ApiInput<K>) => { kind: 'check-in' | 'reading'; id: string } };

export type Role = Requirement<ApiName>['role'];

/** A call the actor's role does not allow; nothing was read beyond what the check needed. */
export class ForbiddenError extends Error {
  readonly code = 'forbidden';
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

export const viewer = { role: 'viewer' } as const;
export const editor = { role: 'editor' } as const;
export const admin = { role: 'admin' } as const;

/** Memoizes the actor's answers for one call: a use case may ask twice, the host is asked once. */
export function rememberingActor(actor: Actor): Actor {
  let adminAnswer: Promise<boolean> | undefined;
  let editorAnswer: Promise<boolean> | undefined;
  return {
    id: actor.id,
    ownerIds: actor.ownerIds,
    isAdmin: () => (adminAnswer ??= actor.isAdmin()),
    // An admin may do what an editor may, whatever the host's editor groups say.
    isEditor: () => (editorAnswer ??= actor.isEditor().then(async (yes) => yes || (await (adminAnswer ??= actor.isAdmin())))),
    mayEditWorkItems: (refs) => actor.mayEditWorkItems(refs),
  };
}

/** Throws ForbiddenError, naming the role needed, unless the actor holds it for this input. */
export async function authorize<K extends ApiName>(
  name: K,
  requirement: Requirement<K>,
  input: ApiInput<K>,
  actor: Actor,
  store: DocumentStore,
): Promise<void> {
  switch (requirement.role) {
    case 'viewer':
      return;
    case 'editor':
      if (await actor.isEditor()) return;
      throw new ForbiddenError(`${name} needs the editor role: ask a Harmony admin to add you to an editor group`);
    case 'admin':
      if (await actor.isAdmin()) return;
      throw new ForbiddenError(`${name} needs the admin role: only Harmony admins may do this`);
    case 'editor-or-owner': {
      if (await actor.isEditor()) return;
      const kr = requirement.kr(input);
      if (kr !== undefined && (await isOwner(store, kr, actor))) return;
      throw new ForbiddenError(`${name} needs the editor role, or to be the owner of ${kr === undefined ? 'the key result' : `key result ${kr}`}`);
    }
    case 'admin-or-owner': {
      if (await actor.isAdmin()) return;
      const kr = requirement.kr(input);
      if (await isOwner(store, kr, actor)) return;
      throw new ForbiddenError(`${name} needs the admin role, or to be the owner of key result ${kr}`);
    }
    case 'author-owner-or-editor': {
      if (await actor.isEditor()) return;
      const { kind, id } = requirement.entry(input);
      if (await isAuthorOrOwner(store, kind, id, actor)) return;
      throw new ForbiddenError(`${name} needs the editor role, or to have made this ${kind}, or to own its ${kind === 'check-in' ? 'key result' : 'KPI'}`);
    }
    case 'work-item-editor': {
      const ref = requirement.ref(input);
      if ((await actor.mayEditWorkItems([ref])).has(ref)) return;
      throw new ForbiddenError(`${name} needs permission to edit ${ref} in its tracker (or it does not exist)`);
    }
  }
}

/** The KR's stored owner (never the one in the payload: an edit must not grant itself). */
async function isOwner(store: DocumentStore, kr: string, actor: Actor): Promise<boolean> {
  const found = await new PlanReader(store).keyResult(kr);
  const owner = found?.def.owner;
  return owner !== undefined && owner !== '' && actor.ownerIds.includes(owner);
}

/** The stored entry's author, or the owner of its KR or KPI (never what the payload claims). */
async function isAuthorOrOwner(store: DocumentStore, kind: 'check-in' | 'reading', id: string, actor: Actor): Promise<boolean> {
  const mine = (who: string | undefined) => who !== undefined && who !== '' && (who === actor.id || actor.ownerIds.includes(who));
  if (kind === 'check-in') {
    const doc = await store.get<{ kr: string; by?: string }>('checkIns', id);
    return doc !== undefined && (mine(doc.value.by) || (await isOwner(store, doc.value.kr, actor)));
  }
  const doc = await store.get<{ kpi: string; by?: string }>('readings', id);
  if (doc === undefined) return false;
  if (mine(doc.value.by)) return true;
  return mine((await new PlanReader(store).kpi(doc.value.kpi))?.value.owner);
}
