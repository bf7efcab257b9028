// A local Jira Cloud REST v3 emulator for the workbench and for tests: the endpoints the Jira
// adapter uses, in the published shapes (see the contract tests), with Jira's permission model
// reduced to "which projects may this user browse", plus fault injection (429 with
// Retry-After, small pages, retriable bulk-fetch errors) and a log of every request.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkDataset, compareKeys, issueProblems, parentCycle, projectOf, type EmulatedField, type EmulatedIssue, type EmulatedProject, type EmulatedUser, type JiraDataset } from './dataset';
import { JqlError, parseJql } from './jql';
import { DEFAULT_RESOLUTIONS, EPIC_LINK_FIELD, isSubtaskType, Renderer, selectFields, type FieldSelection, type StoredIssue } from './render';
import { runQuery, type SearchContext } from './search';

export interface LoggedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** The query string, `?` excluded; empty when none. */
  query: string;
  /** The parsed JSON body, when there was one. */
  body?: unknown;
  /** Email of the authenticated user, or null. */
  user: string | null;
  status: number;
}

export interface PageCaps {
  /** Largest page when issues carry fields; Jira returns fewer items "where a large number of fields are requested". */
  withFields: number;
  /** Largest page when only ids or keys are asked for: "It returns max 5000 issues". */
  idsOnly: number;
}

export interface Faults {
  /** Answer the next `count` requests with 429 and `Retry-After: seconds`. */
  rateLimitNext(count: number, retryAfterSeconds?: number): void;
  /** Cap every search page at `size` items (undefined: back to the normal caps). */
  forcePageSize(size: number | undefined): void;
  /** List these issues in `issueErrors` of the next `times` bulk fetches that ask for them. */
  failInBulkFetch(keys: readonly string[], times?: number): void;
  /** Clears every pending fault. */
  reset(): void;
}

export interface StartOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
}

export interface RunningEmulator {
  url: string;
  close(): Promise<void>;
}

const INVALID_PAYLOAD = 'Invalid request payload. Refer to the REST API documentation and try again.';
const SEARCH_BODY_KEYS = new Set(['expand', 'fields', 'fieldsByKeys', 'jql', 'maxResults', 'nextPageToken', 'properties', 'reconcileIssues']);
const BULK_BODY_KEYS = new Set(['expand', 'fields', 'fieldsByKeys', 'issueIdsOrKeys', 'properties']);
const COUNT_BODY_KEYS = new Set(['jql']);
/** Issue properties: "The maximum length of the property value is 32768 bytes." */
const MAX_PROPERTY_BYTES = 32_768;
/** Issues without a `created` date get one minute apart from this day, in dataset order. */
const FIRST_CREATED = Date.parse('2026-09-01T09:00:00Z');
/** The permissions `GET /mypermissions` answers for, with Jira's ids and names. */
const PERMISSIONS: Record<string, { id: string; name: string; type: 'GLOBAL' | 'PROJECT'; description: string }> = {
  ADMINISTER: { id: '0', name: 'Administer Jira', type: 'GLOBAL', description: 'Create and administer projects, issue types, fields, workflows, and schemes for all projects.' },
  BROWSE_PROJECTS: { id: '10', name: 'Browse Projects', type: 'PROJECT', description: 'Ability to browse projects and the issues within them.' },
  EDIT_ISSUES: { id: '12', name: 'Edit Issues', type: 'PROJECT', description: 'Ability to edit issues.' },
};
const MAX_BODY_BYTES = 1 << 20;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly messages: string[],
    readonly headers: Record<string, string> = {},
  ) {
    super(messages.join('; '));
  }
}

export class JiraEmulator {
  /** Every request received, oldest first. */
  readonly requests: LoggedRequest[] = [];
  readonly pageCaps: PageCaps = { withFields: 100, idsOnly: 5000 };
  readonly faults: Faults;

  private readonly projects: (EmulatedProject & { id: string })[];
  private readonly users: EmulatedUser[];
  private readonly issues = new Map<string, StoredIssue>();
  private readonly renderer: Renderer;
  private nextId = 10001;
  private server: Server | undefined;
  private baseUrl = 'http://127.0.0.1';
  private rateLimited: { remaining: number; seconds: number } = { remaining: 0, seconds: 1 };
  private forcedPageSize: number | undefined;
  private readonly bulkFailures = new Map<string, number>();
  private readonly properties = new Map<string, Map<string, unknown>>();
  /** Status names and issue types the site has; rebuilt after any change to the issues. */
  private siteLists: Pick<SearchContext, 'statuses' | 'issueTypes'> | undefined;
  private readonly storyPointField: { id: string; name: string };
  private readonly extraFields: readonly EmulatedField[];

  constructor(dataset: JiraDataset) {
    checkDataset(dataset);
    this.projects = dataset.projects.map((p, i) => ({ ...p, id: String(10000 + i) }));
    this.users = dataset.users.map((u) => ({ ...u, projects: [...u.projects] }));
    for (const issue of dataset.issues) this.store({ ...issue });
    this.storyPointField = dataset.storyPointField ?? { id: 'customfield_10016', name: 'Story point estimate' };
    this.extraFields = dataset.extraFields ?? [];
    const resolutions: string[] = [];
    for (const name of [...DEFAULT_RESOLUTIONS, ...(dataset.resolutions ?? []), ...dataset.issues.map((i) => i.resolution ?? '')]) {
      if (name.trim() !== '' && !resolutions.some((r) => r.toLowerCase() === name.toLowerCase())) resolutions.push(name);
    }
    this.renderer = new Renderer(() => this.baseUrl, this.storyPointField, this.extraFields, resolutions);
    this.faults = {
      rateLimitNext: (count, retryAfterSeconds = 1) => {
        this.rateLimited = { remaining: count, seconds: retryAfterSeconds };
      },
      forcePageSize: (size) => {
        if (size !== undefined && !(Number.isInteger(size) && size > 0)) throw new Error('page size must be a positive integer');
        this.forcedPageSize = size;
      },
      failInBulkFetch: (keys, times = 1) => {
        for (const key of keys) this.bulkFailures.set(key.toUpperCase(), times);
      },
      reset: () => {
        this.rateLimited = { remaining: 0, seconds: 1 };
        this.forcedPageSize = undefined;
        this.bulkFailures.clear();
      },
    };
  }

  async start(options: StartOptions = {}): Promise<RunningEmulator> {
    if (this.server) throw new Error('the Jira emulator is already running');
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) send(res, 500, { errorMessages: [String(error)], errors: {} });
        else res.destroy();
      });
    });
    this.server = server;
    const host = options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    this.baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    return {
      url: this.baseUrl,
      close: () =>
        new Promise<void>((resolve, reject) => {
          this.server = undefined;
          server.closeAllConnections();
          server.close((error) => (error ? reject(error) : resolve()));
        }),
    };
  }

  /** The base URL while running. */
  get url(): string {
    if (!this.server) throw new Error('the Jira emulator is not running');
    return this.baseUrl;
  }

  /** A copy of an issue as stored, or undefined. */
  getIssue(key: string): EmulatedIssue | undefined {
    const issue = this.issues.get(key);
    if (!issue) return undefined;
    const { id: _id, ...rest } = issue;
    return { ...rest };
  }

  addIssue(issue: EmulatedIssue): void {
    const problems = issueProblems(issue, new Set(this.projects.map((p) => p.key)), new Set(this.issues.keys()));
    if (issue.parent !== undefined && !this.issues.has(issue.parent)) problems.push(`parent ${issue.parent} is not an issue`);
    if (problems.length > 0) throw new Error(`cannot add ${issue.key}: ${problems.join('; ')}`);
    this.store({ ...issue });
  }

  /** Changes fields of an issue, e.g. `{ statusCategory: 'done', statusName: 'Done', resolution: 'Done' }`. */
  updateIssue(key: string, patch: Partial<Omit<EmulatedIssue, 'key'>>): void {
    const issue = this.issues.get(key);
    if (!issue) throw new Error(`no issue ${key}`);
    const next: StoredIssue = { ...issue, ...patch, key, id: issue.id, created: patch.created ?? issue.created };
    const problems = issueProblems(next, new Set(this.projects.map((p) => p.key)), new Set());
    if (next.parent !== undefined && !this.issues.has(next.parent)) problems.push(`parent ${next.parent} is not an issue`);
    if (parentCycle(key, (k) => (k === key ? next.parent : this.issues.get(k)?.parent))) {
      problems.push('its parent chain would loop back to it');
    }
    if (problems.length > 0) throw new Error(`cannot update ${key}: ${problems.join('; ')}`);
    this.issues.set(key, next);
    this.siteLists = undefined;
  }

  /** Deletes an issue; its sub-tasks go with it, as Jira's `deleteSubtasks=true` does. */
  deleteIssue(key: string): void {
    if (!this.issues.delete(key)) throw new Error(`no issue ${key}`);
    this.siteLists = undefined;
    for (const child of [...this.issues.values()]) if (child.parent === key) this.deleteIssue(child.key);
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  private store(issue: EmulatedIssue): void {
    const n = this.nextId++;
    const created = issue.created ?? new Date(FIRST_CREATED + (n - 10001) * 60_000).toISOString();
    this.issues.set(issue.key, { ...issue, created, id: String(n) });
    this.siteLists = undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const entry: LoggedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.search.replace(/^\?/, ''),
      user: null,
      status: 0,
    };
    this.requests.push(entry);
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      entry.status = status;
      send(res, status, body, headers);
    };
    try {
      const raw = await readBody(req);
      if (raw.length > 0) {
        try {
          entry.body = JSON.parse(raw) as unknown;
        } catch {
          throw new HttpError(400, [INVALID_PAYLOAD]);
        }
      }
      if (this.rateLimited.remaining > 0) {
        this.rateLimited.remaining--;
        const seconds = this.rateLimited.seconds;
        throw new HttpError(429, ['Rate limit exceeded.'], {
          'Retry-After': String(seconds),
          'X-RateLimit-Reset': new Date(Date.now() + seconds * 1000).toISOString().replace(/:\d\d\.\d{3}Z$/, 'Z'),
          'RateLimit-Reason': 'jira-burst-based',
        });
      }
      const user = this.authenticate(req.headers.authorization);
      entry.user = user.email;
      const [status, body] = this.route(entry.method, url, entry.body, user);
      reply(status, body);
    } catch (error) {
      if (error instanceof HttpError) reply(error.status, { errorMessages: error.messages, errors: {} }, error.headers);
      // Jira answers a JQL it cannot run with this body (warnings are for deprecated syntax).
      else if (error instanceof JqlError) reply(400, { errorMessages: [error.message], warningMessages: [] });
      else throw error;
    }
  }

  private authenticate(header: string | undefined): EmulatedUser {
    const m = /^Basic\s+(\S+)$/i.exec(header ?? '');
    if (m) {
      const decoded = Buffer.from(m[1] as string, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const email = decoded.slice(0, colon).toLowerCase();
      const token = decoded.slice(colon + 1);
      const user = this.users.find((u) => u.email.toLowerCase() === email && u.apiToken === token);
      if (colon > 0 && user) return user;
    }
    throw new HttpError(401, ['You are not authenticated. Authentication required to perform this operation.']);
  }

  private route(method: string, url: URL, body: unknown, user: EmulatedUser): [number, unknown] {
    const path = url.pathname.replace(/\/+$/, '');
    const allow = (...methods: string[]): void => {
      if (!methods.includes(method)) throw new HttpError(405, [`Method ${method} is not allowed on ${path}.`]);
    };
    if (path === '/rest/api/3/search' || path === '/rest/api/2/search') {
      // Jira Cloud removed the old search (CHANGE-2046); it answers 410 Gone.
      throw new HttpError(410, [
        'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046',
      ]);
    }
    if (path === '/rest/api/3/search/jql') {
      allow('GET', 'POST');
      return [200, this.search(method === 'POST' ? body : queryAsSearchBody(url.searchParams), user)];
    }
    if (path === '/rest/api/3/search/approximate-count') {
      allow('POST');
      return [200, this.count(body, user)];
    }
    if (path === '/rest/api/3/issue/bulkfetch') {
      allow('POST');
      return [200, this.bulkFetch(body, user)];
    }
    const propertyPath = /^\/rest\/api\/3\/issue\/([^/]+)\/properties(?:\/([^/]+))?$/.exec(path);
    if (propertyPath) {
      return this.issueProperty(method, decodePart(propertyPath[1] as string), propertyPath[2] === undefined ? undefined : decodePart(propertyPath[2]), body, user);
    }
    const issuePath = /^\/rest\/api\/3\/issue\/([^/]+)$/.exec(path);
    if (issuePath) {
      allow('GET');
      const issue = this.findVisible(decodePart(issuePath[1] as string), user);
      if (!issue) throw new HttpError(404, ['Issue does not exist or you do not have permission to see it.']);
      const fields = url.searchParams.getAll('fields');
      const selection = selectFields(fields, '*all', this.renderer.fieldIds);
      return [200, this.render(issue, selection, user, this.childIndex(selection))];
    }
    if (path === '/rest/api/3/resolution') {
      allow('GET');
      return [200, this.renderer.resolutionList()];
    }
    if (path === '/rest/api/3/status') {
      allow('GET');
      return [200, this.renderer.statusList(this.issues.values())];
    }
    if (path === '/rest/api/3/statuses/search') {
      allow('GET');
      return [200, this.statusPage(url)];
    }
    if (path === '/rest/api/3/mypermissions') {
      allow('GET');
      return [200, this.myPermissions(url.searchParams, user)];
    }
    if (path === '/rest/api/3/field') {
      allow('GET');
      return [200, this.renderer.fieldList()];
    }
    // Owner pickers (issue 10 §1): find people by name or e-mail, and names for account ids.
    if (path === '/rest/api/3/user/search') {
      allow('GET');
      return [200, this.findUsers(url.searchParams)];
    }
    if (path === '/rest/api/3/user/bulk') {
      allow('GET');
      const ids = new Set(url.searchParams.getAll('accountId'));
      const values = this.users.filter((u) => ids.has(u.accountId)).map((u) => this.renderer.user(u));
      return [200, { self: url.href, maxResults: values.length, startAt: 0, total: values.length, isLast: true, values }];
    }
    if (path === '/rest/api/3/myself') {
      allow('GET');
      return [200, this.renderer.user(user)];
    }
    throw new HttpError(404, [`No Jira REST resource at ${path} in this emulator.`]);
  }

  /** Jira's findUsers: `query` matches the start of a display name word or an e-mail address. */
  private findUsers(params: URLSearchParams): Record<string, unknown>[] {
    const query = (params.get('query') ?? '').trim().toLowerCase();
    if (query === '') throw new HttpError(400, ['One of the query parameters query, accountId or property is required.']);
    const max = Math.min(Number(params.get('maxResults') ?? 50) || 50, 1000);
    const words = (u: EmulatedUser) => [...u.displayName.toLowerCase().split(/\s+/), u.email.toLowerCase()];
    return this.users.filter((u) => words(u).some((w) => w.startsWith(query))).slice(0, max).map((u) => this.renderer.user(u));
  }

  private search(body: unknown, user: EmulatedUser): Record<string, unknown> {
    const request = checkBody(body, SEARCH_BODY_KEYS);
    const jql = optional(request, 'jql', 'string') ?? '';
    const fields = optionalStrings(request, 'fields');
    const maxResults = optional(request, 'maxResults', 'number') ?? 50;
    if (!Number.isInteger(maxResults) || maxResults < 1) {
      throw new HttpError(400, [`maxResults must be a positive integer, not ${maxResults}.`]);
    }
    const token = optional(request, 'nextPageToken', 'string');
    const selection = selectFields(fields, 'id', this.renderer.fieldIds);
    const hits = runQuery(parseJql(jql), this.searchContext(user));
    const queryHash = createHash('sha256').update(`${user.accountId}\n${jql}`).digest('hex').slice(0, 16);
    const offset = token === undefined ? 0 : readPageToken(token, queryHash);
    const cap = selection.fields.size === 0 ? this.pageCaps.idsOnly : this.pageCaps.withFields;
    const size = Math.min(maxResults, cap, this.forcedPageSize ?? Infinity);
    const page = hits.slice(offset, offset + size);
    const isLast = offset + size >= hits.length;
    const children = this.childIndex(selection);
    return {
      issues: page.map((issue) => this.render(issue, selection, user, children)),
      ...(isLast ? {} : { nextPageToken: pageToken(offset + size, queryHash) }),
      isLast,
    };
  }

  /** `POST /rest/api/3/search/approximate-count`: exact here, which is within "approximate". */
  private count(body: unknown, user: EmulatedUser): Record<string, unknown> {
    const request = checkBody(body, COUNT_BODY_KEYS);
    const jql = optional(request, 'jql', 'string') ?? '';
    return { count: runQuery(parseJql(jql), this.searchContext(user)).length };
  }

  private searchContext(user: EmulatedUser): SearchContext {
    if (!this.siteLists) {
      const statuses = new Map<string, string>();
      for (const status of this.renderer.statusList(this.issues.values())) statuses.set(String(status.name).toLowerCase(), String(status.id));
      const issueTypes = new Set(['epic', 'story', 'task', 'bug', 'sub-task', 'subtask', ...[...this.issues.values()].map((i) => i.issuetype.toLowerCase())]);
      this.siteLists = { statuses, issueTypes };
    }
    const { statuses, issueTypes } = this.siteLists;
    return {
      visible: this.visibleIssues(user),
      findVisible: (keyOrId) => this.findVisible(keyOrId, user),
      anyIssue: (key) => this.issues.get(key),
      projects: this.projects.filter((p) => user.projects.includes(p.key)),
      statuses,
      issueTypes,
      resolutions: this.renderer.resolutionNames,
      storyPointField: this.storyPointField,
      epicLinkField: EPIC_LINK_FIELD,
      otherCustomFields: this.extraFields,
    };
  }

  /** `GET /rest/api/3/statuses/search`: the site's statuses as a page of JiraStatus. */
  private statusPage(url: URL): Record<string, unknown> {
    const params = url.searchParams;
    const startAt = Number(params.get('startAt') ?? 0);
    const maxResults = Number(params.get('maxResults') ?? 200);
    if (!Number.isInteger(startAt) || startAt < 0 || !Number.isInteger(maxResults) || maxResults < 1) {
      throw new HttpError(400, ['startAt and maxResults must be whole numbers (maxResults at least 1).']);
    }
    const wanted = (params.get('searchString') ?? '').trim().toLowerCase();
    const category = params.get('statusCategory')?.toUpperCase();
    // The newer status API knows three categories; Jira files "No Category" statuses under To Do.
    const NEW_CATEGORY: Record<string, string> = { new: 'TODO', undefined: 'TODO', indeterminate: 'IN_PROGRESS', done: 'DONE' };
    const all = this.renderer
      .statusList(this.issues.values())
      .map((s) => {
        const key = String((s.statusCategory as { key: string }).key);
        return { id: String(s.id), name: String(s.name), description: typeof s.description === 'string' ? s.description : '', scope: { type: 'GLOBAL' }, statusCategory: NEW_CATEGORY[key] ?? 'TODO' };
      })
      .filter((s) => s.name.toLowerCase().includes(wanted) && (category === undefined || s.statusCategory === category));
    const values = all.slice(startAt, startAt + maxResults);
    return { self: url.href, startAt, maxResults, total: all.length, isLast: startAt + values.length >= all.length, values };
  }

  /** `GET /rest/api/3/mypermissions?permissions=A,B&issueKey=…`, for the emulated permission model. */
  private myPermissions(params: URLSearchParams, user: EmulatedUser): Record<string, unknown> {
    const asked = (params.get('permissions') ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
    if (asked.length === 0) throw new HttpError(400, ['The permissions query parameter is required.']);
    const unknown = asked.filter((p) => !(p in PERMISSIONS));
    if (unknown.length > 0) throw new HttpError(400, [`Invalid permission key(s): ${unknown.join(', ')}.`]);
    let projects: string[] | undefined;
    const issueRef = params.get('issueKey') ?? params.get('issueId');
    const projectRef = params.get('projectKey') ?? params.get('projectId');
    if (issueRef !== null) {
      const issue = this.findVisible(issueRef, user);
      if (!issue) throw new HttpError(404, ['Issue does not exist or you do not have permission to see it.']);
      projects = [projectOf(issue.key)];
    } else if (projectRef !== null) {
      const project = this.projects.find((p) => p.key === projectRef.toUpperCase() || p.id === projectRef);
      if (!project || !user.projects.includes(project.key)) throw new HttpError(404, [`No project could be found with key '${projectRef}'.`]);
      projects = [project.key];
    }
    const edit = user.editProjects ?? user.projects;
    // Without a context, a project permission counts if the user has it in any project (Jira's rule).
    const has = (key: string): boolean => {
      switch (key) {
        case 'ADMINISTER':
          return user.admin === true;
        case 'BROWSE_PROJECTS':
          return projects ? projects.every((p) => user.projects.includes(p)) : user.projects.length > 0;
        case 'EDIT_ISSUES':
          return projects ? projects.every((p) => edit.includes(p) && user.projects.includes(p)) : edit.length > 0;
        default:
          return false;
      }
    };
    const permissions: Record<string, unknown> = {};
    for (const key of asked) {
      const p = PERMISSIONS[key] as (typeof PERMISSIONS)[string];
      permissions[key] = { id: p.id, key, name: p.name, type: p.type, description: p.description, havePermission: has(key) };
    }
    return { permissions };
  }

  /**
   * Issue properties (`/issue/{key}/properties[/{propertyKey}]`): list, read, write, delete, as
   * the viewing user; an issue the user cannot browse is a 404, as on Jira. Writes need edit
   * permission on the issue's project.
   */
  private issueProperty(method: string, keyOrId: string, propertyKey: string | undefined, body: unknown, user: EmulatedUser): [number, unknown] {
    const issue = this.findVisible(keyOrId, user);
    if (!issue) throw new HttpError(404, ['Issue does not exist or you do not have permission to see it.']);
    const stored = this.properties.get(issue.key) ?? new Map<string, unknown>();
    const self = (key: string): string => `${this.baseUrl}/rest/api/3/issue/${issue.id}/properties/${encodeURIComponent(key)}`;
    if (propertyKey === undefined) {
      if (method !== 'GET') throw new HttpError(405, [`Method ${method} is not allowed on the property list.`]);
      return [200, { keys: [...stored.keys()].map((key) => ({ key, self: self(key) })) }];
    }
    switch (method) {
      case 'GET': {
        if (!stored.has(propertyKey)) throw new HttpError(404, [`The property with key '${propertyKey}' does not exist.`]);
        return [200, { key: propertyKey, value: stored.get(propertyKey) }];
      }
      case 'PUT': {
        if (!(user.editProjects ?? user.projects).includes(projectOf(issue.key))) {
          throw new HttpError(403, ['You do not have permission to edit this issue.']);
        }
        if (body === undefined) throw new HttpError(400, ['The property value must be a valid, non-empty JSON value.']);
        if (propertyKey.length > 255) throw new HttpError(400, ['The property key cannot be longer than 255 characters.']);
        if (Buffer.byteLength(JSON.stringify(body)) > MAX_PROPERTY_BYTES) {
          throw new HttpError(400, [`The property value cannot be longer than ${MAX_PROPERTY_BYTES} bytes.`]);
        }
        const created = !stored.has(propertyKey);
        stored.set(propertyKey, body);
        this.properties.set(issue.key, stored);
        return [created ? 201 : 200, NO_BODY];
      }
      case 'DELETE': {
        if (!(user.editProjects ?? user.projects).includes(projectOf(issue.key))) {
          throw new HttpError(403, ['You do not have permission to edit this issue.']);
        }
        if (!stored.delete(propertyKey)) throw new HttpError(404, [`The property with key '${propertyKey}' does not exist.`]);
        return [204, NO_BODY];
      }
      default:
        throw new HttpError(405, [`Method ${method} is not allowed on an issue property.`]);
    }
  }

  /** Sub-task children by parent key, built once per request when `subtasks` is asked for. */
  private childIndex(selection: FieldSelection): Map<string, StoredIssue[]> {
    const index = new Map<string, StoredIssue[]>();
    if (!selection.fields.has('subtasks')) return index;
    for (const issue of this.issues.values()) {
      if (issue.parent === undefined || !isSubtaskType(issue.issuetype)) continue;
      const list = index.get(issue.parent) ?? [];
      list.push(issue);
      index.set(issue.parent, list);
    }
    for (const list of index.values()) list.sort((a, b) => compareKeys(a.key, b.key));
    return index;
  }

  private bulkFetch(body: unknown, user: EmulatedUser): Record<string, unknown> {
    const request = checkBody(body, BULK_BODY_KEYS);
    const wanted = optionalStrings(request, 'issueIdsOrKeys');
    if (wanted === undefined) throw new HttpError(400, ['issueIdsOrKeys must be provided.']);
    if (wanted.length === 0) throw new HttpError(400, ['At least one issue ID or key must be provided.']);
    if (wanted.length > 100) throw new HttpError(400, [`You can request up to 100 issues, but ${wanted.length} were requested.`]);
    const selection = selectFields(optionalStrings(request, 'fields'), '*navigable', this.renderer.fieldIds);
    const found = new Map<string, StoredIssue>();
    const issueErrors: { id: string; errorMessage: string }[] = [];
    for (const idOrKey of wanted) {
      const issue = this.findVisible(idOrKey, user);
      if (!issue || found.has(issue.key)) continue;
      const failures = this.bulkFailures.get(issue.key) ?? 0;
      if (failures > 0) {
        this.bulkFailures.set(issue.key, failures - 1);
        issueErrors.push({ id: issue.id, errorMessage: 'Failed to retrieve the issue. Please retry the request.' });
        continue;
      }
      found.set(issue.key, issue);
    }
    // "Issues will be returned in ascending id order."
    const issues = [...found.values()].sort((a, b) => Number(a.id) - Number(b.id));
    const children = this.childIndex(selection);
    return { issues: issues.map((issue) => this.render(issue, selection, user, children)), issueErrors };
  }

  private render(issue: StoredIssue, selection: FieldSelection, user: EmulatedUser, children: Map<string, StoredIssue[]>): Record<string, unknown> {
    const parent = issue.parent === undefined ? undefined : this.issues.get(issue.parent);
    const project = this.projects.find((p) => p.key === projectOf(issue.key));
    return this.renderer.issue(issue, selection, {
      project,
      parent: parent ? { issue: parent, visible: this.canSee(parent, user) } : undefined,
      subtasks: (children.get(issue.key) ?? []).filter((child) => this.canSee(child, user)),
    });
  }

  private visibleIssues(user: EmulatedUser): StoredIssue[] {
    return [...this.issues.values()].filter((i) => this.canSee(i, user)).sort((a, b) => compareKeys(a.key, b.key));
  }

  private canSee(issue: StoredIssue, user: EmulatedUser): boolean {
    return user.projects.includes(projectOf(issue.key));
  }

  /** By key (any case, as Jira matches them) or numeric id; undefined when missing or not browsable. */
  private findVisible(keyOrId: string, user: EmulatedUser): StoredIssue | undefined {
    const wanted = keyOrId.trim();
    const issue = /^\d+$/.test(wanted)
      ? [...this.issues.values()].find((i) => i.id === wanted)
      : this.issues.get(wanted.toUpperCase());
    return issue && this.canSee(issue, user) ? issue : undefined;
  }
}

/** An answer without a body (PUT and DELETE of issue properties). */
const NO_BODY = Symbol('no body');

/** A path segment, percent-decoded; a malformed escape is the client's error, not ours. */
function decodePart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new HttpError(400, [`The path segment '${part}' is not valid percent-encoding.`]);
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (body === NO_BODY) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json;charset=UTF-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, ['The request body is too large.']);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The body as an object with only the properties the operation declares (its schema is closed). */
function checkBody(body: unknown, allowed: ReadonlySet<string>): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, [INVALID_PAYLOAD]);
  const record = body as Record<string, unknown>;
  if (Object.keys(record).some((k) => !allowed.has(k))) throw new HttpError(400, [INVALID_PAYLOAD]);
  return record;
}

function optional<T extends 'string' | 'number'>(
  body: Record<string, unknown>,
  name: string,
  type: T,
): (T extends 'string' ? string : number) | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== type) throw new HttpError(400, [INVALID_PAYLOAD]);
  return value as T extends 'string' ? string : number;
}

function optionalStrings(body: Record<string, unknown>, name: string): string[] | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new HttpError(400, [INVALID_PAYLOAD]);
  return value as string[];
}

/** `GET /rest/api/3/search/jql` carries the same request in its query string. */
function queryAsSearchBody(params: URLSearchParams): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const jql = params.get('jql');
  if (jql !== null) body.jql = jql;
  const token = params.get('nextPageToken');
  if (token !== null) body.nextPageToken = token;
  const max = params.get('maxResults');
  if (max !== null) body.maxResults = Number(max);
  const fields = params.getAll('fields');
  if (fields.length > 0) body.fields = fields;
  return body;
}

function pageToken(offset: number, queryHash: string): string {
  return Buffer.from(JSON.stringify({ o: offset, q: queryHash }), 'utf8').toString('base64url');
}

/** The offset a token stands for; it is only good for the query (and user) that produced it. */
function readPageToken(token: string, queryHash: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; q?: unknown };
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0 && parsed.q === queryHash) return parsed.o;
  } catch {
    // fall through to the error below
  }
  throw new HttpError(400, ['The provided next page token is invalid or expired.']);
}
