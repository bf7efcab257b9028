// WorkItemSource over Jira Cloud REST v3 (SPEC §6), reading as whoever the injected request
// speaks for. Reads are batched to the API's limits: 100 keys per bulk fetch, many parents per
// `parent in (...)` query, the largest page Jira will give, and only the fields the mapping needs.
import type { ItemsResult, WorkItemSource } from '../../core/ports/work-item-source';
import { parseRef, type WorkItem, type WorkItemRef } from '../../core/model/work-item';
import { JiraClient, type JiraClientOptions } from './client';
import { mappingConfig, type JiraMappingConfig } from './config';
import { JiraError } from './errors';
import { batchKeys, inClause, jqlString, textSearchQuery } from './jql';
import { issueFields, issueKey, isSubtask, mapIssue } from './map-issue';
import type { JiraRequest } from './request';

/** `POST /rest/api/3/issue/bulkfetch` takes at most 100 ids or keys. */
export const BULK_FETCH_LIMIT = 100;
/** The largest `maxResults` `POST /rest/api/3/search/jql` documents; Jira may still send fewer. */
export const SEARCH_PAGE_MAX = 5000;

export interface JiraSourceOptions extends JiraClientOptions, Partial<JiraMappingConfig> {
  request: JiraRequest;
  /** Parent keys per `parent in (...)` query; default 500 (Jira caps generated lists at 1,000). */
  maxKeysPerQuery?: number;
  /** Character budget of one key list; default 12,000. */
  maxKeyListChars?: number;
  /** Rounds of re-asking for issues a bulk fetch reported in `issueErrors`; default 2. */
  issueErrorRetries?: number;
}

interface SearchPage {
  issues?: unknown[];
  nextPageToken?: string | null;
  isLast?: boolean;
}

interface BulkFetchResult {
  issues?: unknown[];
  issueErrors?: { id?: string; errorMessage?: string }[];
}

const KEY = /^[A-Z][A-Z0-9_]*-[1-9]\d*$/;
const TYPED_KEY = /^\s*([A-Za-z][A-Za-z0-9_]*-[1-9]\d*)\s*$/;

export class JiraWorkItemSource implements WorkItemSource {
  private readonly client: JiraClient;
  private readonly config: JiraMappingConfig;
  private readonly fields: string[];
  private readonly maxKeysPerQuery: number;
  private readonly maxKeyListChars: number;
  private readonly issueErrorRetries: number;

  constructor(options: JiraSourceOptions) {
    this.client = new JiraClient(options.request, options);
    this.config = mappingConfig(options);
    this.fields = issueFields(this.config);
    this.maxKeysPerQuery = options.maxKeysPerQuery ?? 500;
    this.maxKeyListChars = options.maxKeyListChars ?? 12_000;
    this.issueErrorRetries = options.issueErrorRetries ?? 2;
  }

  /** HTTP calls made so far, retries included. */
  get requestCount(): number {
    return this.client.requestCount;
  }

  async getItems(refs: readonly WorkItemRef[]): Promise<ItemsResult> {
    const keys: string[] = [];
    const missing: WorkItemRef[] = [];
    const seen = new Set<WorkItemRef>();
    for (const ref of refs) {
      if (seen.has(ref)) continue;
      seen.add(ref);
      const key = jiraKey(ref);
      // Not a Jira issue key (an `ado:` ref, or garbage): this site cannot have it.
      if (key) keys.push(key);
      else missing.push(ref);
    }
    const byKey = new Map<string, WorkItem>();
    for (let i = 0; i < keys.length; i += BULK_FETCH_LIMIT) {
      for (const issue of await this.bulkFetch(keys.slice(i, i + BULK_FETCH_LIMIT))) {
        const item = mapIssue(issue, this.config);
        if (item) byKey.set(item.ref, item);
      }
    }
    const items: WorkItem[] = [];
    for (const key of keys) {
      const item = byKey.get(`jira:${key}`);
      // Not returned: it does not exist or the viewer may not browse it. Jira does not say
      // which, and neither do we (the port's contract). A moved issue comes back under its new
      // key and so also lands here: the link names a key that is no longer the issue's.
      if (item) items.push(item);
      else missing.push(`jira:${key}`);
    }
    return { items, missing };
  }

  async getDescendants(refs: readonly WorkItemRef[]): Promise<WorkItem[]> {
    const found = new Map<WorkItemRef, WorkItem>();
    const asked = new Set<string>();
    let level = [...new Set(refs.map(jiraKey).filter((k): k is string => k !== undefined))];
    while (level.length > 0) {
      for (const key of level) asked.add(key);
      const next: string[] = [];
      for (const batch of batchKeys(level, this.maxKeysPerQuery, this.maxKeyListChars)) {
        const jql = `${inClause('parent', batch)} ORDER BY key ASC`;
        for await (const issue of this.searchAll(jql)) {
          const item = mapIssue(issue, this.config);
          if (!item || found.has(item.ref)) continue;
          found.set(item.ref, item);
          const key = issueKey(issue);
          // Sub-tasks cannot have children in Jira, so asking for theirs would cost a query
          // (or a page per 100 sub-tasks) to learn nothing.
          if (key && !isSubtask(issue) && !asked.has(key)) next.push(key);
        }
      }
      level = next;
    }
    // A ref that lies in another ref's subtree is returned too: it is that ref's descendant.
    return [...found.values()];
  }

  async search(text: string, limit: number): Promise<WorkItem[]> {
    if (limit <= 0) return [];
    const typedKey = TYPED_KEY.exec(text)?.[1];
    if (typedKey) {
      const { items } = await this.getItems([`jira:${typedKey.toUpperCase()}`]);
      return items.slice(0, limit);
    }
    const query = textSearchQuery(text);
    if (!query) return [];
    const results: WorkItem[] = [];
    const jql = `summary ~ ${jqlString(query)} ORDER BY key DESC`;
    for await (const issue of this.searchAll(jql, Math.min(limit, SEARCH_PAGE_MAX))) {
      const item = mapIssue(issue, this.config);
      if (item) results.push(item);
      if (results.length >= limit) break;
    }
    return results;
  }

  /** Every issue a JQL query matches, following `nextPageToken` page by page. */
  private async *searchAll(jql: string, maxResults = SEARCH_PAGE_MAX): AsyncGenerator<unknown> {
    let nextPageToken: string | undefined;
    const seenTokens = new Set<string>();
    for (;;) {
      const body: Record<string, unknown> = { jql, fields: this.fields, maxResults };
      if (nextPageToken !== undefined) body.nextPageToken = nextPageToken;
      const page = await this.client.post<SearchPage>('/rest/api/3/search/jql', body);
      if (!page || !Array.isArray(page.issues)) {
        throw new JiraError('Jira answered a JQL search without an issue list', 0, 'POST /rest/api/3/search/jql');
      }
      yield* page.issues;
      const token = typeof page.nextPageToken === 'string' && page.nextPageToken !== '' ? page.nextPageToken : undefined;
      if (page.isLast === true || token === undefined) return;
      // A token that comes back again would loop forever; Jira never does that, a broken proxy might.
      if (seenTokens.has(token)) {
        throw new JiraError('Jira repeated a nextPageToken while paging a search', 0, 'POST /rest/api/3/search/jql');
      }
      seenTokens.add(token);
      nextPageToken = token;
    }
  }

  /**
   * One bulk fetch of at most 100 keys. Issues the viewer cannot see are simply absent. Issues in
   * `issueErrors` failed for a retriable reason (Jira's words), so they are asked for again; if
   * they still fail we throw rather than call real issues missing.
   */
  private async bulkFetch(keys: readonly string[]): Promise<unknown[]> {
    const issues: unknown[] = [];
    let pending: string[] = [...keys];
    for (let round = 0; pending.length > 0; round++) {
      const result = await this.client.post<BulkFetchResult>('/rest/api/3/issue/bulkfetch', {
        issueIdsOrKeys: pending,
        fields: this.fields,
        fieldsByKeys: false,
      });
      if (!result || !Array.isArray(result.issues)) {
        throw new JiraError('Jira answered a bulk fetch without an issue list', 0, 'POST /rest/api/3/issue/bulkfetch');
      }
      issues.push(...result.issues);
      const failed = (result.issueErrors ?? []).filter((e) => typeof e.id === 'string');
      if (failed.length === 0) break;
      if (round >= this.issueErrorRetries) {
        const details = failed.map((e) => `${e.id}: ${e.errorMessage ?? 'failed'}`);
        throw new JiraError(
          `Jira could not return ${failed.length} issue(s) after ${round + 1} attempts: ${details.join('; ')}`,
          0,
          'POST /rest/api/3/issue/bulkfetch',
          details,
        );
      }
      pending = failed.map((e) => e.id as string);
    }
    return issues;
  }
}

function jiraKey(ref: WorkItemRef): string | undefined {
  const parsed = parseRef(ref);
  return parsed?.system === 'jira' && KEY.test(parsed.id) ? parsed.id : undefined;
}
