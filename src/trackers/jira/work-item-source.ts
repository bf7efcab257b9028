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
import { discoverSiteFields } from './site-fields';
import { JiraUnclassifiedStatusError, NO_CATALOG, StatusCatalog, unclassifiedStatuses } from './status-category';

/** `POST /rest/api/3/issue/bulkfetch` takes at most 100 ids or keys. */
export const BULK_FETCH_LIMIT = 100;
/** The largest `maxResults` `POST /rest/api/3/search/jql` documents; Jira may still send fewer. */
export const SEARCH_PAGE_MAX = 5000;
/**
 * Pages one search may take before we stop: 1,000 pages of up to 5,000 issues is far beyond any
 * plan's scope, and a server that keeps handing out new `nextPageToken`s (a broken proxy, a bug)
 * must end in an error, not hold a resolver until it is killed.
 */
export const MAX_SEARCH_PAGES = 1_000;
/** Levels below the given items `getDescendants` follows; Jira hierarchies are a handful deep. */
export const MAX_HIERARCHY_DEPTH = 20;

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
  private config: JiraMappingConfig;
  private fields: string[];
  /** The Epic Link discovery, started by the first read when the host did not pass the field. */
  private epicLinkReady: Promise<void> | undefined;
  /** The site's statuses, asked for once, only when an answer had a status without category. */
  private catalog: Promise<StatusCatalog> | undefined;
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
    if (keys.length > 0) await this.ready();
    for (let i = 0; i < keys.length; i += BULK_FETCH_LIMIT) {
      for (const item of await this.mapAll(await this.bulkFetch(keys.slice(i, i + BULK_FETCH_LIMIT)))) {
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
    if (level.length > 0) await this.ready();
    for (let depth = 0; level.length > 0; depth++) {
      if (depth >= MAX_HIERARCHY_DEPTH) {
        throw new JiraError(
          `Jira reported children more than ${MAX_HIERARCHY_DEPTH} levels below ${refs.slice(0, 3).join(', ')}${refs.length > 3 ? ', …' : ''}; no Jira hierarchy is that deep, so the answers are not trusted`,
          0,
          'POST /rest/api/3/search/jql',
        );
      }
      for (const key of level) asked.add(key);
      const next: string[] = [];
      for (const batch of batchKeys(level, this.maxKeysPerQuery, this.maxKeyListChars)) {
        const jql = `${inClause('parent', batch)} ORDER BY key ASC`;
        for await (const page of this.searchAll(jql)) {
          const items = await this.mapAll(page);
          page.forEach((issue, i) => {
            const item = items[i];
            if (!item || found.has(item.ref)) return;
            found.set(item.ref, item);
            const key = issueKey(issue);
            // Sub-tasks cannot have children in Jira, so asking for theirs would cost a query
            // (or a page per 100 sub-tasks) to learn nothing.
            if (key && !isSubtask(issue) && !asked.has(key)) next.push(key);
          });
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
    await this.ready();
    const results: WorkItem[] = [];
    const jql = `summary ~ ${jqlString(query)} ORDER BY key DESC`;
    for await (const page of this.searchAll(jql, Math.min(limit, SEARCH_PAGE_MAX))) {
      for (const item of await this.mapAll(page)) {
        if (item) results.push(item);
        if (results.length >= limit) return results;
      }
    }
    return results;
  }

  /** Finds the Epic Link field once, unless the host said which it is. */
  private ready(): Promise<void> {
    if (this.config.epicLinkFields !== undefined) return Promise.resolve();
    this.epicLinkReady ??= discoverSiteFields(this.client).then(
      ({ epicLinkFields }) => {
        this.config = { ...this.config, epicLinkFields };
        this.fields = issueFields(this.config);
      },
      (error: unknown) => {
        this.epicLinkReady = undefined;
        throw error;
      },
    );
    return this.epicLinkReady;
  }

  /**
   * Maps a page of issues. A status without a category is looked up in the site's status list
   * (fetched once); one still unknown fails the whole read, naming every such status.
   */
  private async mapAll(issues: readonly unknown[]): Promise<(WorkItem | undefined)[]> {
    let catalog = NO_CATALOG;
    if (unclassifiedStatuses(issues, catalog, issueKey).length > 0) {
      this.catalog ??= this.loadStatuses();
      catalog = await this.catalog;
      const unknown = unclassifiedStatuses(issues, catalog, issueKey);
      if (unknown.length > 0) throw new JiraUnclassifiedStatusError(unknown);
    }
    return issues.map((issue) => mapIssue(issue, this.config, catalog));
  }

  private async loadStatuses(): Promise<StatusCatalog> {
    try {
      const statuses = await this.client.get<unknown>('/rest/api/3/status');
      if (!Array.isArray(statuses)) throw new JiraError('Jira answered GET /rest/api/3/status without a list of statuses', 0, 'GET /rest/api/3/status');
      return new StatusCatalog(statuses);
    } catch (error) {
      this.catalog = undefined;
      throw error;
    }
  }

  /**
   * Every issue a JQL query matches, page by page, following `nextPageToken`. Stops with an
   * error on an empty page that claims more follow, on a repeated token, and after
   * MAX_SEARCH_PAGES pages: each would otherwise loop for as long as the server plays along.
   */
  private async *searchAll(jql: string, maxResults = SEARCH_PAGE_MAX): AsyncGenerator<unknown[]> {
    let nextPageToken: string | undefined;
    const seenTokens = new Set<string>();
    const label = 'POST /rest/api/3/search/jql';
    for (let pages = 1; ; pages++) {
      const body: Record<string, unknown> = { jql, fields: this.fields, maxResults };
      if (nextPageToken !== undefined) body.nextPageToken = nextPageToken;
      const page = await this.client.post<SearchPage>('/rest/api/3/search/jql', body);
      if (!page || !Array.isArray(page.issues)) {
        throw new JiraError('Jira answered a JQL search without an issue list', 0, label);
      }
      yield page.issues;
      const token = typeof page.nextPageToken === 'string' && page.nextPageToken !== '' ? page.nextPageToken : undefined;
      if (page.isLast === true || token === undefined) return;
      if (page.issues.length === 0) {
        throw new JiraError('Jira answered an empty page of a search yet sent a nextPageToken for more; stopped paging', 0, label);
      }
      // A token that comes back again would loop forever; Jira never does that, a broken proxy might.
      if (seenTokens.has(token)) {
        throw new JiraError('Jira repeated a nextPageToken while paging a search', 0, label);
      }
      if (pages >= MAX_SEARCH_PAGES) {
        throw new JiraError(
          `Jira kept sending more pages of one search: more than ${MAX_SEARCH_PAGES.toLocaleString('en')} pages; stopped paging`,
          0,
          label,
        );
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
