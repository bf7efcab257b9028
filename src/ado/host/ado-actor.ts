// The Azure DevOps viewer as an Actor (src/app/permissions.ts): Azure DevOps' own security
// service answers, as the signed-in user, through the "Has Permissions" REST API
// (`GET {org}/_apis/permissions/{namespace}/{bits}?tokens=...`). The extension has no server,
// so these answers guard the extension's own code path; docs/azure-devops.md says plainly what
// Azure DevOps enforces and what only the extension does.
import { parseRef, type WorkItemRef } from '../../core/model/work-item';
import type { WorkItemSource } from '../../core/ports/work-item-source';
import type { Actor } from '../../app/permissions';

/** Security namespace "Project"; GENERIC_WRITE is "Edit project-level information" (project administrators). */
export const PROJECT_NAMESPACE = '52d39943-cb85-4d7f-8fa8-c6baac873819';
export const PROJECT_GENERIC_WRITE = 2;
/** Security namespace "CSS" (area paths); WORK_ITEM_WRITE is "Edit work items in this node". */
export const CSS_NAMESPACE = '83e28ad4-2d72-4ceb-97b0-c7726d5502c3';
export const CSS_WORK_ITEM_WRITE = 32;

/** A JSON GET against the organization (`https://dev.azure.com/{org}/`), as the signed-in user. */
export type AdoGet = (path: string) => Promise<unknown>;

export interface AdoActorDeps {
  /** SDK.getUser(): the identity id and the unique name (usually the e-mail address). */
  user: { id: string; name: string };
  project: { id: string; name: string };
  get: AdoGet;
  /** The work items as this user reads them (a hidden one cannot be edited either). */
  source?: WorkItemSource;
}

export function adoActor(deps: AdoActorDeps): Actor {
  // A page asks each question once: its views record history only for admins, and a page is
  // reloaded to pick up a changed permission, like the rest of Azure DevOps' UI.
  let rootArea: Promise<string | undefined> | undefined;
  let admin: Promise<boolean> | undefined;
  let editor: Promise<boolean> | undefined;
  const has = async (namespace: string, bits: number, token: string): Promise<boolean> => {
    const query = new URLSearchParams({ tokens: token, alwaysAllowAdministrators: 'true', 'api-version': '7.1' });
    const answer = (await deps.get(`_apis/permissions/${namespace}/${bits}?${query.toString()}`)) as { value?: unknown } | boolean[] | null;
    const values = Array.isArray(answer) ? answer : Array.isArray(answer?.value) ? (answer.value as unknown[]) : [];
    return values.length > 0 && values.every((v) => v === true);
  };
  const rootAreaToken = async (): Promise<string | undefined> => {
    const node = (await deps.get(`${encodeURIComponent(deps.project.name)}/_apis/wit/classificationnodes/areas?$depth=0&api-version=7.1`)) as { identifier?: unknown } | null;
    return typeof node?.identifier === 'string' ? `vstfs:///Classification/Node/${node.identifier}` : undefined;
  };
  const isEditor = (): Promise<boolean> =>
    (editor ??= (async () => {
      const token = await (rootArea ??= rootAreaToken());
      return token !== undefined && has(CSS_NAMESPACE, CSS_WORK_ITEM_WRITE, token);
    })());
  return {
    id: deps.user.id,
    ownerIds: [deps.user.id, deps.user.name].filter((s) => s !== ''),
    isAdmin: () => (admin ??= has(PROJECT_NAMESPACE, PROJECT_GENERIC_WRITE, `$PROJECT:vstfs:///Classification/TeamProject/${deps.project.id}`)),
    isEditor,
    async mayEditWorkItems(refs) {
      // Only Azure DevOps work items can be asked about; Jira items here are a stored snapshot.
      const ado = refs.filter((r) => parseRef(r)?.system === 'ado');
      if (ado.length === 0 || !deps.source || !(await isEditor())) return new Set<WorkItemRef>();
      return new Set((await deps.source.getItems(ado)).items.map((i) => i.ref));
    },
  };
}
