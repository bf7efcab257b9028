// A Jira Cloud site for the Forge tests: the workbench's Jira emulator behind a front server that
// adds what the Forge app needs and the emulator does not serve — issue properties
// (`/rest/api/3/issue/{key}/properties/{propertyKey}`), `GET /rest/api/3/mypermissions` (global
// ADMINISTER, and EDIT_ISSUES for one issue with `issueKey`) and the caller's groups
// (`GET /rest/api/3/myself?expand=groups`) — with Jira's permission rules for them (browse the
// project to read, browse + edit to write, a deleted issue takes its properties with it). Everything else is passed to the emulator as it
// is. Every exchange through the front is held to the published OpenAPI contract and logged, so
// the request counts the tests report are the requests Jira would have received.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JiraEmulator, type EmulatedUser, type JiraDataset } from '../../../src/workbench/emulators/jira';
import { assertJiraRequest, assertJiraResponse } from '../../contracts/jira-contract';

export interface SiteRequest {
  method: string;
  path: string;
  query: string;
  body?: unknown;
  /** Email of the user the request authenticated as. */
  user: string | null;
  status: number;
  /** `Date.now()` when it arrived: the fake clock's time in tests that fake timers. */
  at: number;
}

export interface SlowDown {
  /** Requests let through untouched first. */
  afterRequests: number;
  /** Then this many requests are affected (default: all). */
  count?: number;
  /** Answer 429 with this Retry-After (seconds)... */
  rateLimitSeconds?: number;
  /**
   * ...or hold the answer until `releaseHeld()`: Jira slower than any deadline, without a real
   * wait (the test moves a fake clock past the deadline instead).
   */
  hold?: boolean;
}

/** Who belongs to which groups and who may browse but not edit, by user email. */
export interface SiteAccess {
  /** Group names per user email. */
  groups?: Record<string, readonly string[]>;
  /** Projects (keys) a user may browse but not edit issues in; elsewhere browse implies edit. */
  readOnly?: Record<string, readonly string[]>;
}

const PROPERTY_PATH = /^\/rest\/api\/3\/issue\/([^/]+)\/properties\/([^/]+)$/;
const MAX_PROPERTY_BYTES = 32_768;

export class JiraSite {
  readonly requests: SiteRequest[] = [];
  /** Contract violations seen on the wire; tests expect none. */
  readonly violations: string[] = [];
  private readonly properties = new Map<string, Map<string, unknown>>();
  private server: Server | undefined;
  private base = '';
  private slow: (SlowDown & { seen: number; affected: number }) | undefined;
  private readonly held: (() => void)[] = [];
  private heldWaiters: { count: number; resolve: () => void }[] = [];

  private constructor(
    readonly emulator: JiraEmulator,
    private readonly emulatorUrl: string,
    private readonly closeEmulator: () => Promise<void>,
    private readonly users: readonly EmulatedUser[],
    private readonly admins: ReadonlySet<string>,
    private readonly access: SiteAccess,
  ) {}

  /** `admins`: emails of the users who hold the global ADMINISTER permission. */
  static async start(dataset: JiraDataset, options: { admins?: readonly string[] } & SiteAccess = {}): Promise<JiraSite> {
    const emulator = new JiraEmulator(dataset);
    const running = await emulator.start({ port: 0 });
    const site = new JiraSite(emulator, running.url, () => running.close(), dataset.users, new Set(options.admins ?? []), {
      ...(options.groups ? { groups: options.groups } : {}),
      ...(options.readOnly ? { readOnly: options.readOnly } : {}),
    });
    await site.listen();
    return site;
  }

  get url(): string {
    return this.base;
  }

  async close(): Promise<void> {
    this.releaseHeld();
    const server = this.server;
    this.server = undefined;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    }
    await this.closeEmulator();
  }

  /** The stored value of an issue property, or undefined (also once the issue is deleted). */
  property(key: string, propertyKey: string): unknown {
    if (!this.emulator.getIssue(key)) return undefined;
    return this.properties.get(key)?.get(propertyKey);
  }

  /** Issues carrying a property, by key. */
  issuesWithProperty(propertyKey: string): Map<string, unknown> {
    const out = new Map<string, unknown>();
    for (const [key, props] of this.properties) if (this.emulator.getIssue(key) && props.has(propertyKey)) out.set(key, props.get(propertyKey));
    return out;
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  /** Makes Jira throttle or crawl after a number of requests; `undefined` restores it. */
  slowDown(options: SlowDown | undefined): void {
    this.slow = options && { ...options, seen: 0, affected: 0 };
  }

  /** Resolves once `count` requests are being held (see `SlowDown.hold`). */
  whenHeld(count: number): Promise<void> {
    if (this.held.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.heldWaiters.push({ count, resolve }));
  }

  /** Lets every held request go on to its normal answer. */
  releaseHeld(): void {
    for (const release of this.held.splice(0)) release();
  }

  private async hold(): Promise<void> {
    const released = new Promise<void>((resolve) => this.held.push(resolve));
    const ready = this.heldWaiters.filter((w) => this.held.length >= w.count);
    this.heldWaiters = this.heldWaiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
    await released;
  }

  private async listen(): Promise<void> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) reply(res, 500, { errorMessages: [String(error)], errors: {} });
        else res.destroy();
      });
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.base);
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    const body = raw.length > 0 ? safeJson(raw) : undefined;
    const entry: SiteRequest = { method, path: url.pathname, query: url.search.replace(/^\?/, ''), user: null, status: 0, at: Date.now() };
    if (body !== undefined) entry.body = body;
    this.requests.push(entry);
    this.check(() => assertJiraRequest(method, url.pathname, body));
    const slow = this.slow;
    if (slow && slow.seen++ >= slow.afterRequests && (slow.count === undefined || slow.affected < slow.count)) {
      slow.affected++;
      if (slow.rateLimitSeconds !== undefined) {
        entry.status = 429;
        res.writeHead(429, { 'Content-Type': 'application/json;charset=UTF-8', 'Retry-After': String(slow.rateLimitSeconds) });
        res.end(JSON.stringify({ errorMessages: ['Rate limit exceeded.'], errors: {} }));
        return;
      }
      if (slow.hold) await this.hold();
    }

    const property = PROPERTY_PATH.exec(url.pathname);
    let answer: { status: number; headers: Record<string, string>; text: string };
    const groups = url.pathname === '/rest/api/3/myself' && (url.searchParams.get('expand') ?? '').split(',').includes('groups');
    if (property || groups || url.pathname === '/rest/api/3/mypermissions') {
      const user = this.authenticate(req.headers.authorization);
      entry.user = user?.email ?? null;
      answer = !user
        ? json(401, { errorMessages: ['You are not authenticated. Authentication required to perform this operation.'], errors: {} })
        : property
          ? this.propertyCall(method, decodeURIComponent(property[1] as string), decodeURIComponent(property[2] as string), raw, user)
          : groups
            ? this.myselfWithGroups(user)
            : this.myPermissions(method, url, user);
    } else {
      answer = await this.forward(method, url, req.headers, raw);
      entry.user = this.authenticate(req.headers.authorization)?.email ?? null;
    }
    entry.status = answer.status;
    if (answer.text !== '') this.check(() => assertJiraResponse(method, url.pathname, answer.status, JSON.parse(answer.text) as unknown));
    res.writeHead(answer.status, { ...answer.headers, 'Content-Length': Buffer.byteLength(answer.text) });
    res.end(answer.text);
  }

  private check(assertion: () => void): void {
    try {
      assertion();
    } catch (e) {
      this.violations.push(e instanceof Error ? e.message : String(e));
    }
  }

  private authenticate(header: string | undefined): EmulatedUser | undefined {
    const m = /^Basic\s+(\S+)$/i.exec(header ?? '');
    if (!m) return undefined;
    const decoded = Buffer.from(m[1] as string, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const email = decoded.slice(0, colon).toLowerCase();
    const token = decoded.slice(colon + 1);
    return this.users.find((u) => u.email.toLowerCase() === email && u.apiToken === token);
  }

  /** Jira's rules: browse the project to read a property; browse and edit to set or delete one. */
  private propertyCall(method: string, key: string, propertyKey: string, raw: string, user: EmulatedUser): { status: number; headers: Record<string, string>; text: string } {
    const issue = this.emulator.getIssue(key.toUpperCase());
    const project = /^([A-Z][A-Z0-9_]*)-/.exec(key.toUpperCase())?.[1];
    if (!issue || !project || !user.projects.includes(project)) {
      return json(404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
    }
    const issueKey = key.toUpperCase();
    const props = this.properties.get(issueKey) ?? new Map<string, unknown>();
    this.properties.set(issueKey, props);
    switch (method) {
      case 'GET':
        if (!props.has(propertyKey)) return json(404, { errorMessages: [`The property with key '${propertyKey}' does not exist.`], errors: {} });
        return json(200, { key: propertyKey, value: props.get(propertyKey) });
      case 'PUT': {
        const value = raw.length > 0 ? safeJson(raw) : undefined;
        if (value === undefined || Buffer.byteLength(raw) > MAX_PROPERTY_BYTES) {
          return json(400, { errorMessages: ['The property value must be a valid, non-empty JSON of at most 32768 bytes.'], errors: {} });
        }
        const existed = props.has(propertyKey);
        props.set(propertyKey, value);
        return json(existed ? 200 : 201, {});
      }
      case 'DELETE':
        if (!props.delete(propertyKey)) return json(404, { errorMessages: [`The property with key '${propertyKey}' does not exist.`], errors: {} });
        return { status: 204, headers: {}, text: '' };
      default:
        return json(405, { errorMessages: [`Method ${method} is not allowed.`], errors: {} });
    }
  }

  private myPermissions(method: string, url: URL, user: EmulatedUser): { status: number; headers: Record<string, string>; text: string } {
    if (method !== 'GET') return json(405, { errorMessages: [`Method ${method} is not allowed.`], errors: {} });
    const asked = (url.searchParams.get('permissions') ?? '').split(',').filter((p) => p !== '');
    if (asked.length === 0) return json(400, { errorMessages: ['The permissions query parameter is required.'], errors: {} });
    const issueKey = url.searchParams.get('issueKey')?.toUpperCase();
    const project = issueKey === undefined ? undefined : /^([A-Z][A-Z0-9_]*)-/.exec(issueKey)?.[1];
    if (issueKey !== undefined && (!project || !this.emulator.getIssue(issueKey) || !user.projects.includes(project))) {
      return json(404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
    }
    const permissions: Record<string, unknown> = {};
    for (const key of asked) {
      if (key === 'ADMINISTER') {
        permissions[key] = {
          id: '0',
          key,
          name: 'Administer Jira',
          type: 'GLOBAL',
          description: 'Create and administer projects, issue types, fields, workflows, and schemes for all projects.',
          havePermission: this.admins.has(user.email),
        };
      } else if (key === 'EDIT_ISSUES') {
        // Without an issue (or project), Jira answers whether the user has it anywhere.
        const editable = user.projects.filter((p) => !(this.access.readOnly?.[user.email] ?? []).includes(p));
        permissions[key] = {
          id: '12',
          key,
          name: 'Edit Issues',
          type: 'PROJECT',
          description: 'Ability to edit issues.',
          havePermission: project === undefined ? editable.length > 0 : editable.includes(project),
        };
      } else {
        return json(400, { errorMessages: [`Permission ${key} is not served by this test site.`], errors: {} });
      }
    }
    return json(200, { permissions });
  }

  private myselfWithGroups(user: EmulatedUser): { status: number; headers: Record<string, string>; text: string } {
    const names = this.access.groups?.[user.email] ?? [];
    return json(200, {
      self: `${this.base}/rest/api/3/user?accountId=${user.accountId}`,
      accountId: user.accountId,
      accountType: 'atlassian',
      emailAddress: user.email,
      displayName: user.displayName,
      active: true,
      groups: { size: names.length, items: names.map((name) => ({ name, groupId: `group-${name}`, self: `${this.base}/rest/api/3/group?groupId=group-${name}` })) },
    });
  }

  private async forward(method: string, url: URL, headers: IncomingMessage['headers'], raw: string): Promise<{ status: number; headers: Record<string, string>; text: string }> {
    const pass: Record<string, string> = {};
    for (const name of ['authorization', 'accept', 'content-type']) {
      const value = headers[name];
      if (typeof value === 'string') pass[name] = value;
    }
    const response = await fetch(`${this.emulatorUrl}${url.pathname}${url.search}`, { method, headers: pass, ...(raw.length > 0 ? { body: raw } : {}) });
    const out: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (name !== 'content-length' && name !== 'connection' && name !== 'keep-alive' && name !== 'transfer-encoding') out[name] = value;
    });
    return { status: response.status, headers: out, text: await response.text() };
  }
}

function json(status: number, body: unknown): { status: number; headers: Record<string, string>; text: string } {
  return { status, headers: { 'Content-Type': 'application/json;charset=UTF-8' }, text: JSON.stringify(body) };
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
