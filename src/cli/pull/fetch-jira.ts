// Live Jira Cloud work items for `okr pull jira`: the same JiraWorkItemSource the hosts use, over
// `fetch` with the account's email and API token (basic auth), so it reads exactly what that
// account may browse. The site's story point field is discovered by name, as the workbench does.
// The request function is wrapped only to watch: it counts the issues in each answer as it passes.
import type { WorkItem, WorkItemRef } from '../../core';
import { JiraClient, JiraWorkItemSource, discoverSiteFields, fetchJiraRequest, type JiraRequest, type RetryPolicy } from '../../trackers/jira';
import type { Progress } from './progress';
import type { Snapshot } from './snapshot';

export interface JiraTarget {
  siteUrl: string;
  email: string;
  apiToken: string;
}

export async function fetchJiraSnapshot(refs: readonly WorkItemRef[], target: JiraTarget, progress: Progress): Promise<Snapshot> {
  let requests = 0;
  let issues = 0;
  const request = countingIssues(fetchJiraRequest(target.siteUrl, { email: target.email, apiToken: target.apiToken }), (n) => {
    issues += n;
    progress.update({ items: issues });
  });
  const retry: RetryPolicy = {
    sleep: (ms) => {
      progress.throttled(ms);
      return new Promise((resolve) => setTimeout(resolve, ms));
    },
  };
  const onRequest = (): void => {
    requests++;
    progress.update({ requests });
  };
  const siteFields = await discoverSiteFields(new JiraClient(request, { retry, onRequest }));
  const source = new JiraWorkItemSource({ request, ...siteFields, retry, onRequest });
  const linked = await source.getItems(refs);
  // Descendants only under what the account can see: a hidden epic's children stay hidden too.
  const descendants = linked.items.length > 0 ? await source.getDescendants(linked.items.map((i) => i.ref)) : [];
  const byRef = new Map<WorkItemRef, WorkItem>();
  for (const item of [...linked.items, ...descendants]) if (!byRef.has(item.ref)) byRef.set(item.ref, item);
  return { items: [...byRef.values()], missing: linked.missing, requests };
}

/** The same requests, with each successful answer's `issues` counted on the way through. */
function countingIssues(inner: JiraRequest, onIssues: (count: number) => void): JiraRequest {
  return async (path, init) => {
    const response = await inner(path, init);
    if (response.status < 200 || response.status >= 300) return response;
    return {
      status: response.status,
      headers: response.headers,
      text: async () => {
        const text = await response.text();
        onIssues(issueCount(text));
        return text;
      },
      json: async () => {
        const text = await response.text();
        onIssues(issueCount(text));
        return JSON.parse(text) as unknown;
      },
    };
  };
}

function issueCount(text: string): number {
  try {
    const body = JSON.parse(text) as { issues?: unknown };
    return Array.isArray(body.issues) ? body.issues.length : 0;
  } catch {
    return 0;
  }
}
