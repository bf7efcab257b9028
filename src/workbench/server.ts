// The local workbench: the app over the durable SQLite store, reading work items through the
// real Jira and Azure DevOps adapters over HTTP from local emulators of both services (never an
// in-process shortcut, so the hosts' adapter code is what runs here), serving the API at
// `POST /api/<name>` and the built pages in host-like frames.
import { readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiErrorCode } from '../app/api';
import { createApp, type App } from '../app/create-app';
import { HTTP_STATUS } from '../app/errors';
import { C, SETTINGS_ID } from '../app/collections';
import { wholeScopeHistory } from '../app/history';
import { localActor } from '../app/local-actor';
import { RoutingWorkItemSource } from '../app/routing-source';
import { todayUtc, type IsoDate } from '../core/model/dates';
import { parsePlanText } from '../core/plan/parse';
import { SqliteDocumentStore } from '../stores/sqlite-document-store';
import { createNodeAdoSource, NodeWitClient } from '../trackers/ado/node-wit-client';
import { AdoMeasureSource } from '../trackers/ado/measure/measure-source';
import { JiraMeasureSource } from '../trackers/jira/measure/measure-source';
import { startMeasureTimer } from './measure-timer';
import { discoverSiteFields, fetchJiraRequest, JiraWorkItemSource } from '../trackers/jira';
import { demoShiftDays, shiftPlanDates } from './demo-dates';
import { demoPeople } from './demo-people';
import { ADO_PROJECT, DEMO_VIEWER, demoAdoDataset, demoJiraDataset } from './demo-trackers';
import { startAdoEmulator, type AdoEmulator } from './emulators/ado/server';
import { JiraEmulator } from './emulators/jira';
import { allowedHosts, checkRequest, SECURITY_HEADERS } from './request-guard';
import { readStatic } from './static-files';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DEMO_PLAN_FILE = join(ROOT, 'examples', 'rain-town-tea.yaml');
export const DEFAULT_STATIC_DIR = join(ROOT, 'static', 'workbench');
/** Plan files are text; even a very large one is far below this. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface WorkbenchOptions {
  /** 0 picks a free port. Default 4610. */
  port?: number;
  /** Default 127.0.0.1: the workbench is for this machine only. */
  host?: string;
  /** Folder of the database (`harmony.db` in it), unless `dbFile` names the file itself. */
  dataDir?: string;
  dbFile?: string;
  staticDir?: string;
  /** Wipe the data first, then seed the demo again. */
  reset?: boolean;
  /** Pins "today" (demos, tests); default the real UTC date. */
  today?: () => IsoDate;
  /**
   * Measured values (SPEC §8): how often the timer looks for due measures (each runs at most
   * hourly). Absent: no timer (tests); `npm start` sets one and measures once on start.
   */
  measureEveryMs?: number;
}

export interface RunningWorkbench {
  url: string;
  dbFile: string;
  app: App;
  jira: { url: string; emulator: JiraEmulator };
  ado: { url: string; orgUrl: string; emulator: AdoEmulator };
  /** True when this start imported the demo plan into an empty store. */
  seeded: boolean;
  close(): Promise<void>;
}

export async function startWorkbench(options: WorkbenchOptions = {}): Promise<RunningWorkbench> {
  const dbFile = resolve(options.dbFile ?? join(options.dataDir ?? '.workbench-data', 'harmony.db'));
  await mkdir(dirname(dbFile), { recursive: true });
  if (options.reset) await Promise.all(['', '-wal', '-shm'].map((suffix) => rm(`${dbFile}${suffix}`, { force: true })));
  const staticDir = resolve(options.staticDir ?? DEFAULT_STATIC_DIR);

  const demoText = readFileSync(DEMO_PLAN_FILE, 'utf8');
  const demoPlan = parsePlanText(demoText);
  const jiraEmulator = new JiraEmulator(demoJiraDataset(demoPlan));
  const closers: (() => Promise<void> | void)[] = [];
  let closing: Promise<void> | undefined;
  const closeAll = () =>
    (closing ??= (async () => {
      for (const close of [...closers].reverse()) await close();
    })());
  try {
    const jiraRunning = await jiraEmulator.start({ port: 0 });
    closers.push(() => jiraRunning.close());
    const adoEmulator = await startAdoEmulator({ port: 0, dataset: demoAdoDataset(demoPlan) });
    closers.push(() => adoEmulator.close());
    const store = SqliteDocumentStore.open(dbFile);
    closers.push(() => store.close());

    const jiraRequest = fetchJiraRequest(jiraRunning.url, DEMO_VIEWER.jira);
    // As on a real site: story point and Epic Link field ids differ per site, so they are looked up.
    const siteFields = await discoverSiteFields(jiraRequest);
    const source = new RoutingWorkItemSource({
      jira: new JiraWorkItemSource({ request: jiraRequest, ...siteFields }),
      ado: createNodeAdoSource({ orgUrl: adoEmulator.orgUrl, pat: DEMO_VIEWER.ado.pat, project: ADO_PROJECT }),
    });
    // One local user, an admin, checked through the same permission model as every host.
    const actor = localActor(DEMO_VIEWER.jira.accountId, source);
    // Measured values (SPEC §8): both emulators, read as the local user like everything else.
    const measures = {
      jira: new JiraMeasureSource({ request: jiraRequest, siteUrl: jiraRunning.url }),
      ado: new AdoMeasureSource({ client: new NodeWitClient({ orgUrl: adoEmulator.orgUrl, pat: DEMO_VIEWER.ado.pat }), orgUrl: adoEmulator.orgUrl, project: ADO_PROJECT }),
    };
    const app = createApp({ store, source, actor, history: wholeScopeHistory(store), measures, people: demoPeople(), ...(options.today ? { today: options.today } : {}) });

    // First start (or after --reset): an empty store gets the demo organisation's plan.
    const seeded = !(await store.get(C.settings, SETTINGS_ID));
    // Dated relative to today, so the demo's quarter is always running (demo-dates.ts).
    const shift = demoShiftDays(options.today?.() ?? todayUtc());
    if (seeded) await app.call('importPlan', shift === 0 ? { text: demoText, format: 'yaml' } : { text: JSON.stringify(shiftPlanDates(demoPlan, shift)), format: 'json' });
    if (options.measureEveryMs !== undefined) {
      const timer = startMeasureTimer({ call: app.call, everyMs: options.measureEveryMs });
      closers.push(() => timer.stop());
      await timer.tick();
    }

    // Filled in once listening: the Host values that name this server (port 0 picks one).
    let hosts: ReadonlySet<string> = new Set();
    const server = createServer((req, res) => {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
      handle(app, staticDir, hosts, req, res).catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: String(error) } });
        else res.destroy();
      });
    });
    const host = options.host ?? '127.0.0.1';
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(options.port ?? 4610, host, () => done());
    });
    closers.push(
      () =>
        new Promise<void>((done, fail) => {
          server.closeAllConnections();
          server.close((error) => (error ? fail(error) : done()));
        }),
    );
    const { port } = server.address() as AddressInfo;
    hosts = allowedHosts(host, port);
    return {
      url: `http://${host}:${port}`,
      dbFile,
      app,
      jira: { url: jiraRunning.url, emulator: jiraEmulator },
      ado: { url: adoEmulator.url, orgUrl: adoEmulator.orgUrl, emulator: adoEmulator },
      seeded,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

async function handle(app: App, staticDir: string, hosts: ReadonlySet<string>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://workbench');
  const api = /^\/api\/([^/]+)$/.exec(url.pathname);
  const verdict = checkRequest(
    {
      method: req.method ?? 'GET',
      host: req.headers.host,
      origin: req.headers.origin,
      fetchSite: header(req, 'sec-fetch-site'),
      contentType: req.headers['content-type'],
      isApi: api !== null || url.pathname.startsWith('/api/'),
    },
    hosts,
  );
  if (!verdict.ok) {
    req.resume();
    sendJson(res, verdict.status, { ok: false, error: { code: verdict.status === 403 ? 'forbidden' : 'invalid-input', message: verdict.message } });
    return;
  }
  if (api) {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      sendJson(res, 405, { ok: false, error: { code: 'invalid-input', message: `use POST for ${url.pathname}` } });
      return;
    }
    const payload = await readJson(req);
    if (!payload.ok) {
      sendJson(res, 400, { ok: false, error: { code: 'invalid-input', message: payload.message } });
      return;
    }
    const name = decodePathSegment(api[1] as string);
    if (name === undefined) {
      sendJson(res, 400, { ok: false, error: { code: 'invalid-input', message: `the API path ${url.pathname} is not validly percent-encoded` } });
      return;
    }
    const envelope = await app.handle(name, payload.value);
    sendJson(res, envelope.ok || isExpectedRefusal(envelope.error.code) ? 200 : HTTP_STATUS[envelope.error.code], envelope);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const file = await readStatic(staticDir, url.pathname);
  if (!file) {
    const missingBuild = url.pathname === '/' ? ` The pages are not built yet: run "npm run build:ui" (or "npm start").` : '';
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`Not found: ${url.pathname}.${missingBuild}\n`);
    return;
  }
  res.writeHead(200, {
    'content-type': file.type,
    'content-length': file.body.length,
    'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

async function readJson(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return { ok: false, message: `the request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB` };
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `the request body is not JSON: ${(error as Error).message}` };
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A malformed escape such as `%E0%A4%A` is the caller's mistake, not a server error. */
function decodePathSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * A refusal the app answers by design (bad input, a stale edit, a role the caller lacks, an item
 * that is not there) is an answer like any other: it travels as a 200 whose envelope says
 * `ok: false`, as Forge resolvers answer. A browser logs every 4xx fetch as a console error, and
 * a user typing a wrong value is not an error of the page (issue 10 §5). Transport problems (not
 * JSON, wrong method, a refused origin) keep their 4xx, and failures their 429/5xx.
 */
function isExpectedRefusal(code: ApiErrorCode): boolean {
  switch (code) {
    case 'invalid-input':
    case 'conflict':
    case 'forbidden':
    case 'not-found':
      return true;
    case 'rate-limited':
    case 'tracker-data':
    case 'internal':
      return false;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}
