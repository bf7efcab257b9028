// A stand-in for Azure DevOps around the extension's pages, for browser tests. Two origins, as in
// production: the "Marketplace CDN" serves the files of the built .vsix, and the "organization"
// serves the host page (which plays the ADO frame: the SDK handshake and host services, see
// host-page.js), the Extension Data Service (the documented fake, in this process) and the
// Work Item Tracking REST API. REST calls are answered by the ADO emulator the way the service
// answers the extension's client: bearer tokens, CORS for the extension's origin, and bare
// arrays when the client asks `noArrayWrap=true`.
import { DEMO_PEOPLE } from '../../../../src/workbench/demo-people';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import type { WorkItem } from '../../../../src/core/model/work-item';
import { createNodeAdoSource } from '../../../../src/trackers/ado/node-wit-client';
import type { AdoEmulator } from '../../../../src/workbench/emulators/ado/server';
import type { ExtensionDataMethod, FakeExtensionDataManager } from '../../../fakes/ado-extension-data';
import { ROOT } from '../build-ui';
import { DARK_THEME, LIGHT_THEME } from './themes';

export interface Contribution {
  id: string;
  type: string;
  targets: string[];
  properties: Record<string, unknown>;
}

export interface PackagedExtension {
  publisher: string;
  id: string;
  version: string;
  contributions: Contribution[];
  /** Path in the package → content. */
  files: Map<string, Buffer>;
}

export interface RestExchange {
  method: string;
  path: string;
  query: Record<string, string>;
  accept?: string;
  authorization?: string;
  origin?: string;
  body?: unknown;
  status: number;
}

export interface HostPageOptions {
  theme?: 'light' | 'dark';
  /** The work item open on the form (form group contributions). */
  workItem?: number;
  /** The widget's saved `customSettings.data` (widget and configuration contributions). */
  widgetSettings?: string;
  widgetName?: string;
}

export interface AdoHost {
  /** The organization's origin: host pages, REST, extension data. */
  url: string;
  /** The CDN origin the extension's files are served from. */
  extensionOrigin: string;
  /** Every REST exchange the extension made, oldest first. */
  rest: RestExchange[];
  /** Extension data calls the host page forwarded, in order. */
  dataCalls: { method: string; collection: string }[];
  /**
   * What Azure DevOps' security service says of the viewer (the "Has Permissions" API and the
   * project's root area, which the WIT emulator does not serve): project administrator (Project
   * GENERIC_WRITE) and contributor (CSS WORK_ITEM_WRITE). Both by default: the demo viewer
   * administers the demo project. Tests change them to play other viewers.
   */
  roles: { admin: boolean; editor: boolean };
  /** The security requests the extension made (outside the Work Item Tracking contract). */
  security: { path: string; query: Record<string, string> }[];
  /**
   * Runs before each forwarded extension data call, so a test can let another user write in
   * between the extension's read and its write (a real optimistic-concurrency race).
   */
  beforeDataCall: ((method: ExtensionDataMethod, args: unknown[]) => Promise<void>) | undefined;
  pageUrl(contribution: string, options?: HostPageOptions): string;
  close(): Promise<void>;
}

export interface AdoHostOptions {
  emulator: AdoEmulator;
  /** The viewer's token: handed out by the host as the access token, a PAT for the emulator. */
  token: string;
  project: string;
  data: FakeExtensionDataManager;
  extension: PackagedExtension;
}

/** Rain Town Tea's staff as identities of the organization, signed in as `<id>@raintown.example`. */
const ORGANIZATION_IDENTITIES = DEMO_PEOPLE.map((p, i) => ({
  entityId: `vss.ds.v1.aad.user.${p.id}`,
  entityType: 'User',
  originDirectory: 'aad',
  originId: `0000000${String(i)}-aaaa-4000-8000-00000000000${String(i)}`,
  localId: `a1b2c3d4-0000-4000-8000-00000000010${String(i)}`,
  displayName: p.name,
  signInAddress: `${p.id}@raintown.example`,
  mail: `${p.id}@raintown.example`,
}));

const DATA_METHODS: readonly ExtensionDataMethod[] = ['getDocument', 'getDocuments', 'createDocument', 'setDocument', 'updateDocument', 'deleteDocument'];
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.png': 'image/png', '.json': 'application/json', '.md': 'text/markdown' };
const XDM = join(ROOT, 'node_modules', 'azure-devops-extension-sdk', 'esm', 'XDM.js');
const HOST_PAGE_JS = new URL('./host-page.js', import.meta.url);

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.closeAllConnections();
    server.close((e) => (e ? reject(e) : resolve()));
  });
}

function escapeScript(json: string): string {
  return json.replace(/</g, '\\u003c');
}

export async function startAdoHost(options: AdoHostOptions): Promise<AdoHost> {
  const { emulator, extension } = options;
  const rest: RestExchange[] = [];
  const dataCalls: { method: string; collection: string }[] = [];
  const org = new URL(emulator.orgUrl).pathname.split('/')[1] as string;
  const viewer = createNodeAdoSource({ orgUrl: emulator.orgUrl, pat: options.token, project: options.project });

  // The Marketplace CDN: the package's files, nothing else.
  const cdn = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://cdn').pathname.slice(1));
    const file = extension.files.get(path);
    if (req.method !== 'GET' || !file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(file);
  });
  const extensionOrigin = await listen(cdn);

  async function restProxy(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const origin = req.headers.origin;
    const cors: Record<string, string> = origin === extensionOrigin ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {};
    const security = securityAnswer(url);
    if (security !== undefined && req.method === 'GET') {
      host.security.push({ path: url.pathname, query: Object.fromEntries(url.searchParams) });
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(security));
      return;
    }
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.writeHead(204, {
        ...cors,
        'Access-Control-Allow-Methods': 'GET, POST, PATCH, DELETE',
        'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '',
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }
    const body = await readBody(req);
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const headers: Record<string, string> = {};
    if (req.headers.accept) headers.Accept = req.headers.accept;
    if (req.headers['content-type']) headers['Content-Type'] = req.headers['content-type'];
    // The service takes the extension's bearer token; the emulator knows users by PAT.
    if (bearer) headers.Authorization = `Basic ${Buffer.from(`:${bearer}`).toString('base64')}`;
    const upstream = await fetch(`${emulator.url}${url.pathname}${url.search}`, {
      method: req.method,
      headers,
      body: body.length > 0 ? body.toString('utf8') : undefined,
    });
    let text = await upstream.text();
    if (upstream.ok && /noArrayWrap=true/i.test(req.headers.accept ?? '') && text !== '') {
      const answer = JSON.parse(text) as unknown;
      if (answer !== null && typeof answer === 'object' && Array.isArray((answer as { value?: unknown }).value) && Object.keys(answer).sort().join() === 'count,value') {
        text = JSON.stringify((answer as { value: unknown[] }).value);
      }
    }
    rest.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      ...(req.headers.accept ? { accept: req.headers.accept } : {}),
      ...(req.headers.authorization ? { authorization: req.headers.authorization.split(' ')[0] } : {}),
      ...(origin ? { origin } : {}),
      ...(body.length > 0 ? { body: JSON.parse(body.toString('utf8')) as unknown } : {}),
      status: upstream.status,
    });
    const retryAfter = upstream.headers.get('retry-after');
    res.writeHead(upstream.status, { ...cors, 'Content-Type': 'application/json; charset=utf-8', ...(retryAfter ? { 'Retry-After': retryAfter } : {}) });
    res.end(text);
  }

  /** Has Permissions (`/{org}/_apis/permissions/{namespace}/{bits}`) and the root area node. */
  function securityAnswer(url: URL): unknown {
    const permission = new RegExp(`^/${org}/_apis/permissions/([0-9a-f-]+)/(\\d+)$`, 'i').exec(url.pathname);
    if (permission) {
      const [, namespace, bits] = permission;
      const granted =
        (namespace === '52d39943-cb85-4d7f-8fa8-c6baac873819' && bits === '2' && host.roles.admin) ||
        (namespace === '83e28ad4-2d72-4ceb-97b0-c7726d5502c3' && bits === '32' && host.roles.editor);
      const tokens = (url.searchParams.get('tokens') ?? '').split(',');
      return { count: tokens.length, value: tokens.map(() => granted) };
    }
    if (new RegExp(`^/${org}/[^/]+/_apis/wit/classificationnodes/areas$`).test(url.pathname)) {
      return { id: 1, identifier: '7c3a1d2e-0000-4000-8000-00000000a4ea', name: options.project, structureType: 'area', hasChildren: false };
    }
    return undefined;
  }

  async function extensionData(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { method, args } = JSON.parse((await readBody(req)).toString('utf8')) as { method: ExtensionDataMethod; args: unknown[] };
    if (!DATA_METHODS.includes(method)) {
      res.writeHead(400).end();
      return;
    }
    dataCalls.push({ method, collection: String(args[0]) });
    try {
      await host.beforeDataCall?.(method, args);
      const data = options.data as unknown as Record<ExtensionDataMethod, (...a: unknown[]) => Promise<unknown>>;
      const result = await data[method](...args);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ok: true, result: result ?? null }));
    } catch (error) {
      const e = error as { name?: string; message?: string; status?: number; serverError?: unknown };
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ok: false, error: { name: e.name, message: e.message, status: e.status, serverError: e.serverError } }));
    }
  }

  async function hostPage(res: ServerResponse, contributionId: string, params: URLSearchParams): Promise<void> {
    const contribution = extension.contributions.find((c) => c.id === contributionId);
    if (!contribution) {
      res.writeHead(404).end(`no contribution ${contributionId}`);
      return;
    }
    const theme = params.get('theme') === 'dark' ? 'dark' : 'light';
    const itemId = params.get('item') ? Number(params.get('item')) : undefined;
    let workItem: WorkItem | undefined;
    if (itemId !== undefined) workItem = (await viewer.getItems([`ado:${itemId}`])).items[0];
    const config = {
      contribution: { id: `${extension.publisher}.${extension.id}.${contribution.id}`, relativeId: contribution.id, type: contribution.type, properties: contribution.properties },
      pageUrl: `${extensionOrigin}/${String(contribution.properties.uri)}`,
      extensionOrigin,
      orgUrl: `${hostUrl}/${org}/`,
      extension: { id: `${extension.publisher}.${extension.id}`, publisherId: extension.publisher, extensionId: extension.id, version: extension.version, baseUri: `${extensionOrigin}/` },
      project: { id: '6f1a4c2e-0000-4000-8000-00000000a001', name: options.project },
      team: { id: '6f1a4c2e-0000-4000-8000-00000000b001', name: `${options.project} Team` },
      user: { id: 'a1b2c3d4-0000-4000-8000-000000000001', descriptor: 'aad.bWFyaWE', name: 'maria@raintown.example', displayName: 'Maria (CEO)', imageUrl: '' },
      host: { id: 'c0ffee00-0000-4000-8000-000000000001', name: org, serviceVersion: '19.0', type: 4, isHosted: true },
      token: options.token,
      theme: { name: theme, data: theme === 'dark' ? DARK_THEME : LIGHT_THEME },
      workItem: itemId === undefined ? null : { id: itemId, title: workItem?.title ?? '', type: workItem?.type ?? 'Work item', status: workItem?.status ?? 'todo', parent: workItem?.parent ?? null },
      widget: { name: params.get('name') ?? 'Harmony OKRs', settings: params.get('settings') },
      // The organization's people, as the identity picker service answers (owners, issue 10 §1).
      identities: ORGANIZATION_IDENTITIES,
    };
    const html = `<!doctype html>
<html lang="en" data-theme="${theme}">
<head><meta charset="utf-8"><title>Azure DevOps (test host): ${contribution.id}</title>
<link rel="stylesheet" href="/host-page.css"></head>
<body class="host host-${theme}"><div id="host"></div>
<script id="host-config" type="application/json">${escapeScript(JSON.stringify(config))}</script>
<script type="module" src="/host-page.js"></script></body></html>`;
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    const route = async () => {
      if (url.pathname.startsWith(`/${org}/`)) return restProxy(req, res, url);
      if (req.method === 'POST' && url.pathname === '/__host/extension-data') return extensionData(req, res);
      if (url.pathname.startsWith('/host/')) return hostPage(res, decodeURIComponent(url.pathname.slice('/host/'.length)), url.searchParams);
      if (url.pathname === '/host-page.js') return void res.writeHead(200, { 'Content-Type': TYPES['.js'] as string }).end(readFileSync(HOST_PAGE_JS));
      if (url.pathname === '/host-page.css') return void res.writeHead(200, { 'Content-Type': TYPES['.css'] as string }).end(readFileSync(new URL('./host-page.css', import.meta.url)));
      // The host's copy of the frame channel: Microsoft's own XDM module from the SDK package.
      if (url.pathname === '/sdk/XDM.js') return void res.writeHead(200, { 'Content-Type': TYPES['.js'] as string }).end(readFileSync(XDM));
      res.writeHead(404).end();
    };
    route().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    });
  });
  const hostUrl = await listen(server);

  const host: AdoHost = {
    url: hostUrl,
    extensionOrigin,
    rest,
    dataCalls,
    roles: { admin: true, editor: true },
    security: [],
    beforeDataCall: undefined,
    pageUrl(contribution, page = {}) {
      const params = new URLSearchParams();
      if (page.theme) params.set('theme', page.theme);
      if (page.workItem !== undefined) params.set('item', String(page.workItem));
      if (page.widgetSettings !== undefined) params.set('settings', page.widgetSettings);
      if (page.widgetName !== undefined) params.set('name', page.widgetName);
      const query = params.toString();
      return `${hostUrl}/host/${encodeURIComponent(contribution)}${query ? `?${query}` : ''}`;
    },
    close: async () => {
      await Promise.all([close(server), close(cdn)]);
    },
  };
  return host;
}
