// A local Jira Cloud REST v3 emulator for the workbench and for tests: the endpoints the Jira
// adapter uses, in the published shapes (see the contract tests), with Jira's permission model
// reduced to "which projects may this user browse", plus fault injection (429 with
// Retry-After, small pages, retriable bulk-fetch errors) and a log of every request.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkDataset, compareKeys, issueProblems, parentCycle, projectOf, type EmulatedIssue, type EmulatedProject, type EmulatedUser, type JiraDataset } from './dataset';
import { JqlError, parseJql } from './jql-parser';
import { Renderer, selectFields, type StoredIssue } from './render';
import { runQuery } from './search';

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

  constructor(dataset: JiraDataset) {
    checkDataset(dataset);
    this.projects = dataset.projects.map((p, i) => ({ ...p, id: String(10000 + i) }));
    this.users = dataset.users.map((u) => ({ ...u, projects: [...u.projects] }));
    for (const issue of dataset.issues) this.store({ ...issue });
    this.renderer = new Renderer(
      () => this.baseUrl,
      dataset.storyPointField ?? { id: 'customfield_10016', name: 'Story point estimate' },
      dataset.extraFields ?? [],
    );
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
    const next: StoredIssue = { ...issue, ...patch, key, id: issue.id };
    const problems = issueProblems(next, new Set(this.projects.map((p) => p.key)), new Set());
    if (next.parent !== undefined && !this.issues.has(next.parent)) problems.push(`parent ${next.parent} is not an issue`);
    if (parentCycle(key, (k) => (k === key ? next.parent : this.issues.get(k)?.parent))) {
      problems.push('its parent chain would loop back to it');
    }
    if (problems.length > 0) throw new Error(`cannot update ${key}: ${problems.join('; ')}`);
    this.issues.set(key, next);
  }

  /** Deletes an issue; its sub-tasks go with it, as Jira's `deleteSubtasks=true` does. */
  deleteIssue(key: string): void {
    if (!this.issues.delete(key)) throw new Error(`no issue ${key}`);
    for (const child of [...this.issues.values()]) if (child.parent === key) this.deleteIssue(child.key);
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  private store(issue: EmulatedIssue): void {
    this.issues.set(issue.key, { ...issue, id: String(this.nextId++) });
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
      else if (error instanceof JqlError) reply(400, { errorMessages: [error.message], errors: {} });
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
    if (path === '/rest/api/3/issue/bulkfetch') {
      allow('POST');
      return [200, this.bulkFetch(body, user)];
    }
    const issuePath = /^\/rest\/api\/3\/issue\/([^/]+)$/.exec(path);
    if (issuePath) {
      allow('GET');
      const issue = this.findVisible(decodeURIComponent(issuePath[1] as string), user);
      if (!issue) throw new HttpError(404, ['Issue does not exist or you do not have permission to see it.']);
      const fields = url.searchParams.getAll('fields');
      return [200, this.render(issue, selectFields(fields, '*all', this.renderer.fieldIds), user)];
    }
    if (path === '/rest/api/3/field') {
      allow('GET');
      return [200, this.renderer.fieldList()];
    }
    if (path === '/rest/api/3/myself') {
      allow('GET');
      return [200, this.renderer.user(user)];
    }
    throw new HttpError(404, [`No Jira REST resource at ${path} in this emulator.`]);
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
    const query = parseJql(jql);
    const hits = runQuery(query, {
      visible: this.visibleIssues(user),
      findVisible: (keyOrId) => this.findVisible(keyOrId, user),
      projects: this.projects.filter((p) => user.projects.includes(p.key)),
    });
    const queryHash = createHash('sha256').update(`${user.accountId}\n${jql}`).digest('hex').slice(0, 16);
    const offset = token === undefined ? 0 : readPageToken(token, queryHash);
    const cap = selection.fields.size === 0 ? this.pageCaps.idsOnly : this.pageCaps.withFields;
    const size = Math.min(maxResults, cap, this.forcedPageSize ?? Infinity);
    const page = hits.slice(offset, offset + size);
    const isLast = offset + size >= hits.length;
    return {
      issues: page.map((issue) => this.render(issue, selection, user)),
      ...(isLast ? {} : { nextPageToken: pageToken(offset + size, queryHash) }),
      isLast,
    };
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
    return { issues: issues.map((issue) => this.render(issue, selection, user)), issueErrors };
  }

  private render(issue: StoredIssue, selection: ReturnType<typeof selectFields>, user: EmulatedUser): Record<string, unknown> {
    const parent = issue.parent === undefined ? undefined : this.issues.get(issue.parent);
    const project = this.projects.find((p) => p.key === projectOf(issue.key));
    return this.renderer.issue(issue, selection, project, parent ? { issue: parent, visible: this.canSee(parent, user) } : undefined);
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

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
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
