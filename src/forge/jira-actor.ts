// The Jira user calling a resolver, as an Actor (src/app/permissions.ts). Jira answers, as that
// user (`api.asUser()`): admins are Jira administrators (global ADMINISTER) plus members of the
// admin groups set on the admin page; editors are members of the editor groups (none set: every
// user who may use the app, so a fresh install behaves as before, minus the admin actions);
// "may edit this issue" is Jira's own EDIT_ISSUES on that issue. The policy itself is the app's.
import type { Actor } from '../app/permissions';
import { parseRef, type WorkItemRef } from '../core/model/work-item';
import { JiraClient } from '../trackers/jira/client';
import { JiraError } from '../trackers/jira/errors';
import type { JiraRequest } from '../trackers/jira/request';
import type { JiraSettingsDoc } from './collections';

/** Issues asked about at once; a link names one, so this only bounds a misuse. */
const MAX_ITEMS = 50;

type Permissions = { permissions?: Record<string, { havePermission?: unknown }> };

export interface JiraActorDeps {
  /** The Atlassian accountId of the caller (the resolver context's `accountId`). */
  accountId: string;
  asUser: JiraRequest;
  settings: Pick<JiraSettingsDoc, 'adminGroups' | 'editorGroups'>;
}

export function jiraActor({ accountId, asUser, settings }: JiraActorDeps): Actor {
  const jira = new JiraClient(asUser);
  let groups: Promise<Set<string>> | undefined;
  // Group names and ids both match: an admin may type either on the admin page.
  const myGroups = () =>
    (groups ??= jira.get<{ groups?: { items?: { name?: unknown; groupId?: unknown }[] } }>('/rest/api/3/myself?expand=groups').then(
      (me) => new Set((me.groups?.items ?? []).flatMap((g) => [g.name, g.groupId].filter((v): v is string => typeof v === 'string'))),
    ));
  const inAny = async (wanted: readonly string[] | undefined) => {
    if (!wanted || wanted.length === 0) return false;
    const mine = await myGroups();
    return wanted.some((g) => mine.has(g));
  };
  return {
    id: accountId,
    ownerIds: [accountId],
    async isAdmin() {
      const answer = await jira.get<Permissions>('/rest/api/3/mypermissions?permissions=ADMINISTER');
      return answer.permissions?.ADMINISTER?.havePermission === true || (await inAny(settings.adminGroups));
    },
    async isEditor() {
      const editors = settings.editorGroups ?? [];
      return editors.length === 0 || inAny(editors);
    },
    async mayEditWorkItems(refs) {
      const keys = refs.filter((r) => parseRef(r)?.system === 'jira').slice(0, MAX_ITEMS);
      const allowed = await Promise.all(keys.map(async (ref) => ((await mayEditIssue(jira, parseRef(ref)?.id ?? '')) ? [ref] : [])));
      return new Set<WorkItemRef>(allowed.flat());
    },
  };
}

/** Jira's EDIT_ISSUES for this issue, as the user; an issue they cannot see answers 404: no. */
async function mayEditIssue(jira: JiraClient, key: string): Promise<boolean> {
  if (!/^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/.test(key)) return false;
  try {
    const answer = await jira.get<Permissions>(`/rest/api/3/mypermissions?permissions=EDIT_ISSUES&issueKey=${encodeURIComponent(key)}`);
    return answer.permissions?.EDIT_ISSUES?.havePermission === true;
  } catch (e) {
    if (e instanceof JiraError && (e.status === 404 || e.status === 400)) return false;
    throw e;
  }
}
