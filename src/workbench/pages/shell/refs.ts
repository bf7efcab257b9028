// Workbench URLs for work items: a Jira issue at /jira/browse/<KEY>, an ADO work item at
// /ado/workitem/<id>, as the workbench server routes them.
import { parseRef, type WorkItemRef } from '../../../core/model/work-item';

export function frameHref(ref: WorkItemRef): string | undefined {
  const parsed = parseRef(ref);
  if (!parsed) return undefined;
  return parsed.system === 'jira' ? `/jira/browse/${parsed.id}` : `/ado/workitem/${parsed.id}`;
}

/** The item a frame page shows, from its path; undefined when the path names none. */
export function refFromPath(pathname: string): WorkItemRef | undefined {
  const jira = /^\/jira\/browse\/([^/]+)\/?$/.exec(pathname);
  if (jira) {
    const ref = `jira:${decodeURIComponent(jira[1] as string).toUpperCase()}`;
    return parseRef(ref) ? ref : undefined;
  }
  const ado = /^\/ado\/workitem\/([^/]+)\/?$/.exec(pathname);
  if (ado) {
    const ref = `ado:${decodeURIComponent(ado[1] as string)}`;
    return parseRef(ref) ? ref : undefined;
  }
  return undefined;
}
