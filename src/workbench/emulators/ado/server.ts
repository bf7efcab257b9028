// A local Azure DevOps REST emulator (node:http) that Microsoft's own client library can talk to:
// location discovery, WIQL (the subset the product sends), batch and list reads of work items,
// and work item type states. A personal access token (basic auth) names the user; items the user
// may not see behave exactly like items that do not exist. Tests can queue throttling faults
// (429 + Retry-After), change work items, and read a log of every request and answer.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AdoDataset, DatasetUser } from './dataset';
import { DEMO_ADO_DATASET } from './demo-dataset';
import { EmulatedOrg } from './emulated-org';
import { adoErrors } from './errors';
import { LOCATION_AREA, WIT_AREA, resourceAreas } from './locations';
import { KNOWN_FIELDS, renderWorkItem, type Expand } from './work-item-json';
import { WiqlError, parseWiql } from './wiql-parse';
import { runWiql } from './wiql-run';

export interface AdoEmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  dataset?: AdoDataset;
  /** Most work items one WIQL query may return before VS402337 (the service: 20,000). */
  wiqlResultCap?: number;
}

export interface LoggedRequest {
  method: string;
  /** Path without the query string, e.g. `/fabrikam/Web/_apis/wit/wiql`. */
  path: string;
  query: Record<string, string>;
  /** From the `api-version` query parameter or the Accept header. */
  apiVersion?: string;
  /** The Accept header as sent (clients put the api-version there). */
  accept?: string;
  /** The user the token identified. */
  user?: string;
  /** Parsed JSON request body, when there was one. */
  body?: unknown;
  status: number;
  /** The JSON answer. */
  response: unknown;
}

export interface FaultOptions {
  /** Default 429. */
  status?: number;
  /** Default 1. */
  retryAfterSeconds?: number;
  /** The `Retry-After` header as sent, overriding `retryAfterSeconds` (an HTTP date, junk); null: none. */
  retryAfter?: string | null;
  /** Only requests this accepts are failed (and counted); default: every request. */
  match?: (request: { method: string; path: string }) => boolean;
}

export interface AdoEmulator {
  /** `http://127.0.0.1:{port}` */
  url: string;
  /** `{url}/{org}`: what a client is given as the organization URL. */
  orgUrl: string;
  /** The live organization: read and change work items and access here. */
  org: EmulatedOrg;
  wiqlResultCap: number;
  /** Every request so far, oldest first. */
  requests(): LoggedRequest[];
  clearRequests(): void;
  /** The next `count` matching requests are answered 429 (or `status`) with `Retry-After`. */
  failNext(count: number, options?: FaultOptions): void;
  /** Drops every queued fault. */
  clearFaults(): void;
  close(): Promise<void>;
}

type Reply = { status: number; body: unknown; headers?: Record<string, string> };

interface Fault extends Required<Omit<FaultOptions, 'match' | 'retryAfter'>> {
  remaining: number;
  match?: FaultOptions['match'];
  retryAfter?: string | null;
}

/**
 * The WorkItemExpand and WorkItemErrorPolicy enums, by their numbers in Microsoft's clients
 * (azure-devops-node-api: None=0, Relations=1, Fields=2, Links=3, All=4; Fail=1, Omit=2). The
 * service reads an enum by name, without regard to case, or by number, in the body and in the
 * query string alike (`$expand=1`, `errorPolicy=Omit`), so the emulator does too.
 */
const EXPANDS: readonly Expand[] = ['none', 'relations', 'fields', 'links', 'all'];
const ERROR_POLICIES: Readonly<Record<number, 'fail' | 'omit'>> = { 1: 'fail', 2: 'omit' };

/** An enum value as sent: a JSON number, a numeric string or a name; undefined when absent. */
function enumValue<T extends string>(raw: unknown, byNumber: (n: number) => T | undefined, names: readonly T[]): T | undefined | 'invalid' {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'number') return Number.isInteger(raw) ? (byNumber(raw) ?? 'invalid') : 'invalid';
  if (typeof raw !== 'string') return 'invalid';
  const text = raw.trim();
  if (/^\d+$/.test(text)) return byNumber(Number(text)) ?? 'invalid';
  const name = text.toLowerCase();
  return (names as readonly string[]).includes(name) ? (name as T) : 'invalid';
}

function expandOf(raw: unknown): Expand | undefined | 'invalid' {
  return enumValue(raw, (n) => EXPANDS[n], EXPANDS);
}

function errorPolicyOf(raw: unknown): 'fail' | 'omit' | 'invalid' {
  return enumValue(raw, (n) => ERROR_POLICIES[n], ['fail', 'omit'] as const) ?? 'fail';
}

function userFrom(header: string | undefined, org: EmulatedOrg): DatasetUser | undefined {
  const m = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!m) return undefined;
  const decoded = Buffer.from(m[1] as string, 'base64').toString('utf8');
  const pat = decoded.slice(decoded.indexOf(':') + 1);
  return org.userByPat(pat);
}

function apiVersionOf(query: Record<string, string>, accept: string | undefined): string | undefined {
  if (query['api-version']) return query['api-version'];
  return /api-version=([^;,\s]+)/i.exec(accept ?? '')?.[1];
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function collection(value: unknown[]): { count: number; value: unknown[] } {
  return { count: value.length, value };
}

export async function startAdoEmulator(options: AdoEmulatorOptions = {}): Promise<AdoEmulator> {
  const org = new EmulatedOrg(options.dataset ?? DEMO_ADO_DATASET);
  const log: LoggedRequest[] = [];
  const faults: Fault[] = [];
  let orgUrl = '';

  const emulator: AdoEmulator = {
    url: '',
    orgUrl: '',
    org,
    wiqlResultCap: options.wiqlResultCap ?? 20_000,
    requests: () => log.map((r) => ({ ...r })),
    clearRequests: () => void log.splice(0),
    failNext(count, fault = {}) {
      faults.push({ remaining: count, status: fault.status ?? 429, retryAfterSeconds: fault.retryAfterSeconds ?? 1, retryAfter: fault.retryAfter, match: fault.match });
    },
    clearFaults: () => void faults.splice(0),
    close: () =>
      new Promise((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };

  function takeFault(method: string, path: string): Fault | undefined {
    const fault = faults.find((f) => f.remaining > 0 && (!f.match || f.match({ method, path })));
    if (fault) fault.remaining--;
    return fault;
  }

  function readWorkItems(
    user: DatasetUser,
    ids: unknown,
    fields: unknown,
    rawExpand: unknown,
    rawPolicy: unknown,
    shape: 'list' | 'single' = 'list',
  ): Reply {
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => Number.isInteger(id) && (id as number) > 0)) {
      return adoErrors.badRequest('The ids parameter must list one or more work item ids.');
    }
    if (ids.length > 200) return adoErrors.tooManyIds(ids.length);
    const expand = expandOf(rawExpand);
    const policy = errorPolicyOf(rawPolicy);
    if (expand === 'invalid') return adoErrors.badRequest(`The value of $expand is not valid: ${JSON.stringify(rawExpand)}.`);
    if (policy === 'invalid') return adoErrors.badRequest(`The value of errorPolicy is not valid: ${JSON.stringify(rawPolicy)}.`);
    let wanted: string[] | undefined;
    if (fields !== undefined && fields !== null) {
      if (!Array.isArray(fields) || !fields.every((f) => typeof f === 'string')) {
        return adoErrors.badRequest('The fields parameter must list field reference names.');
      }
      if (expand !== undefined && expand !== 'none') return adoErrors.expandWithFields();
      const unknown = fields.find((f) => ![...KNOWN_FIELDS].some((k) => k.toLowerCase() === f.toLowerCase()));
      if (unknown !== undefined) return adoErrors.unknownField(unknown);
      wanted = fields;
    }
    const value: unknown[] = [];
    for (const id of ids as number[]) {
      const item = org.visible(user, id);
      if (item) value.push(renderWorkItem(org, user, item, orgUrl, { fields: wanted, expand: expand ?? 'none', shape }));
      else if (policy === 'omit') value.push(null);
      else return adoErrors.workItemNotFound(id);
    }
    return { status: 200, body: collection(value) };
  }

  function route(
    method: string,
    segments: string[],
    query: Record<string, string>,
    user: DatasetUser,
    body: unknown,
  ): Reply {
    const apis = segments.findIndex((s) => s.toLowerCase() === '_apis');
    if (apis < 0) return adoErrors.notFound(`/${segments.join('/')}`);
    const scope = segments.slice(0, apis);
    const api = segments.slice(apis + 1).map((s) => s.toLowerCase());
    const rawApi = segments.slice(apis + 1);
    const projectName = scope[0];
    const project = projectName === undefined ? undefined : org.project(projectName);
    if (projectName !== undefined && project === undefined) return adoErrors.projectNotFound(projectName);

    if (method === 'OPTIONS' && scope.length === 0 && api.length === 1) {
      if (api[0] === 'location') return { status: 200, body: collection(LOCATION_AREA) };
      if (api[0] === 'wit') return { status: 200, body: collection(WIT_AREA) };
    }
    if (method === 'GET' && scope.length === 0 && api[0] === 'resourceareas') {
      return { status: 200, body: collection(resourceAreas(orgUrl)) };
    }
    if (api[0] !== 'wit') return adoErrors.notFound(`/${segments.join('/')}`);

    if (method === 'POST' && api[1] === 'wiql' && api.length === 2 && scope.length <= 2) {
      const text = (body as { query?: unknown } | undefined)?.query;
      if (typeof text !== 'string') return adoErrors.badRequest('The request body must be a Wiql object with a query.');
      const top = query.$top === undefined ? undefined : Number(query.$top);
      if (top !== undefined && !(Number.isInteger(top) && top > 0)) return adoErrors.badRequest('$top must be a positive integer.');
      try {
        const parsed = parseWiql(text);
        if (project === undefined && /@project/i.test(text)) {
          return adoErrors.wiql('The @project macro needs a project in the request URL.');
        }
        return runWiql(parsed, { org, user, project: project ?? '', orgUrl, top, resultCap: emulator.wiqlResultCap });
      } catch (error) {
        if (error instanceof WiqlError) return adoErrors.wiql(error.message);
        throw error;
      }
    }
    if (scope.length > 1) return adoErrors.notFound(`/${segments.join('/')}`);
    if (method === 'POST' && api[1] === 'workitemsbatch' && api.length === 2) {
      const request = (body ?? {}) as Record<string, unknown>;
      return readWorkItems(user, request.ids, request.fields, request.$expand, request.errorPolicy);
    }
    if (method === 'GET' && api[1] === 'workitems' && api.length === 2) {
      const ids = query.ids === undefined ? undefined : query.ids.split(',').map((s) => (/^\s*\d+\s*$/.test(s) ? Number(s) : NaN));
      const fields = query.fields === undefined ? undefined : query.fields.split(',').map((s) => s.trim());
      return readWorkItems(user, ids, fields, query.$expand, query.errorPolicy);
    }
    if (method === 'GET' && api[1] === 'workitems' && api.length === 3) {
      const id = Number(api[2]);
      const single = readWorkItems(user, [id], query.fields?.split(','), query.$expand, 'fail', 'single');
      return single.status === 200 ? { status: 200, body: (single.body as { value: unknown[] }).value[0] } : single;
    }
    if (method === 'GET' && api[1] === 'workitemtypes' && api[3] === 'states' && api.length === 4) {
      if (project === undefined) return adoErrors.notFound(`/${segments.join('/')}`);
      const typeName = rawApi[2] as string;
      const type = org.type(project, typeName);
      if (!type) return adoErrors.typeNotFound(project, typeName);
      return { status: 200, body: collection(type.states.map((s) => ({ name: s.name, color: s.color, category: s.category }))) };
    }
    return adoErrors.notFound(`/${segments.join('/')}`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://emulator');
    const query = Object.fromEntries(url.searchParams);
    const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const text = await readBody(req);
    const apiVersion = apiVersionOf(query, req.headers.accept);
    const user = userFrom(req.headers.authorization, org);
    let body: unknown;
    let reply: Reply;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = text;
    }
    if (segments[0]?.toLowerCase() !== org.org.toLowerCase()) {
      reply = adoErrors.notFound(url.pathname);
    } else if (!user) {
      reply = adoErrors.unauthorized();
    } else {
      const fault = takeFault(method, url.pathname);
      if (fault) {
        const throttled = adoErrors.throttled(fault.retryAfterSeconds, fault.retryAfter);
        reply = { ...throttled, status: fault.status };
      } else if (method !== 'OPTIONS' && apiVersion === undefined) {
        reply = adoErrors.noApiVersion(method);
      } else if (typeof body === 'string') {
        reply = adoErrors.badRequest('The request body is not valid JSON.');
      } else {
        reply = route(method, segments.slice(1), query, user, body);
      }
    }
    log.push({
      method,
      path: url.pathname,
      query,
      ...(apiVersion ? { apiVersion } : {}),
      ...(req.headers.accept ? { accept: req.headers.accept } : {}),
      ...(user ? { user: user.name } : {}),
      ...(body !== undefined ? { body } : {}),
      status: reply.status,
      response: reply.body,
    });
    const payload = JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(payload),
      ...reply.headers,
    });
    res.end(payload);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ message: `emulator failure: ${message}` }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  emulator.url = `http://${options.host ?? '127.0.0.1'}:${address.port}`;
  orgUrl = `${emulator.url}/${org.org}`;
  emulator.orgUrl = orgUrl;
  return emulator;
}

