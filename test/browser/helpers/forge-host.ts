// A small stand-in for Jira hosting a Forge Custom UI resource, faithful where the app can tell:
// - the resource (static/forge-<surface>/build) is served from its own origin, like Forge's CDN,
//   under a Content Security Policy without 'unsafe-inline', into an iframe of the host page;
// - like Forge's hosting, the frame gets a bridge bootstrap before the app's own script:
//   `window.__bridge.callBridge(type, payload)`, the one function @forge/bridge talks to
//   (read by the real @forge/bridge at load). Here it forwards each call to the host page by
//   postMessage and resolves with the host's answer;
// - the host page answers getContext (the module's context: issue, project, gadget
//   configuration, theme), enableTheming (Atlassian tokens for light or dark, applied to the
//   frame), invoke (routed to the real app: the workbench's `POST /api/<name>`, whose envelope is
//   what a Harmony resolver returns), submit/navigate/open (recorded), and sizes the iframe to
//   its content as Forge does.
// What the real host does beyond that (its internal message format, analytics, auth) the app
// never sees, so it is not imitated.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { ROOT } from './build-ui';
import { forgeBuildDir, type ForgeSurface } from './build-forge';

export interface ForgeHostOptions {
  surface: ForgeSurface;
  /** The workbench whose app answers `invoke`. */
  appUrl: string;
  /** `extension` of the module's context, e.g. `{ type: 'jira:issuePanel', issue: { key: 'CS-1' } }`. */
  extension: Record<string, unknown>;
  moduleKey: string;
  colorMode?: 'light' | 'dark';
  /** Title and heading the host page shows around the frame. */
  title?: string;
  /** A line of host content above the app, as Jira shows an issue's description. */
  description?: string;
  /**
   * Resolver functions answered here instead of by the app (e.g. the settings page's calls, which
   * the backend defines beside the app API): function key → envelope for a payload.
   */
  resolvers?: Record<string, (payload: unknown) => unknown>;
}

export interface ForgeHost {
  url: string;
  resourceOrigin: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png' };
const TOKENS_CSS = readFileSync(join(ROOT, 'src', 'workbench', 'pages', 'hosts', 'atlassian-host.css'), 'utf8');

/** Runs in the frame before the app: the bridge @forge/bridge expects, over postMessage. */
const BRIDGE_BOOTSTRAP = `(() => {
  const host = new URL(document.referrer || location.href).origin;
  let next = 0;
  const pending = new Map();
  const post = (message) => window.parent.postMessage({ source: 'forge-frame', ...message }, host);
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (event.source !== window.parent || !m || m.source !== 'forge-host' || !pending.has(m.id)) return;
    const { resolve, reject } = pending.get(m.id);
    pending.delete(m.id);
    if (m.ok) resolve(m.result); else reject(new Error(m.error));
  });
  const applyTheme = (theme) => {
    if (!theme) return;
    const html = document.documentElement;
    html.setAttribute('data-color-mode', theme.colorMode);
    html.setAttribute('data-theme', theme.colorMode === 'dark' ? 'dark:dark light:light' : 'light:light dark:dark');
    if (!document.getElementById('forge-tokens')) {
      const link = document.createElement('link');
      link.id = 'forge-tokens';
      link.rel = 'stylesheet';
      link.href = '/__forge/tokens.css';
      document.head.prepend(link);
    }
  };
  window.__bridge = {
    callBridge(type, payload) {
      const id = ++next;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        post({ id, type, payload });
      }).then((result) => {
        if (type === 'enableTheming') applyTheme(result);
        return result;
      });
    },
  };
  document.addEventListener('securitypolicyviolation', (e) => post({ type: 'csp-violation', payload: { directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample } }));
  const size = () => post({ type: 'resize', payload: { height: Math.ceil(document.documentElement.getBoundingClientRect().height) } });
  new ResizeObserver(size).observe(document.documentElement);
})();
`;

/** Runs in the host page: answers the frame's bridge calls. */
const HOST_SCRIPT = `(() => {
  const config = JSON.parse(document.getElementById('forge-host-config').textContent);
  const frame = document.getElementById('forge-frame');
  window.__forgeCalls = [];
  window.__cspViolations = [];
  const reply = (id, ok, value) => frame.contentWindow.postMessage(ok ? { source: 'forge-host', id, ok, result: value } : { source: 'forge-host', id, ok, error: value }, config.resourceOrigin);
  const handlers = {
    getContext: () => config.context,
    enableTheming: () => ({ colorMode: config.context.theme.colorMode }),
    invoke: async ({ functionKey, payload }) => {
      const response = await fetch('/__invoke/' + encodeURIComponent(functionKey), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload ?? {}) });
      if (!response.ok) throw new Error('There was an error invoking the function - ' + (await response.text()));
      return response.json();
    },
    submit: () => true,
    navigate: () => undefined,
    open: () => undefined,
    close: () => undefined,
  };
  window.addEventListener('message', async (event) => {
    const m = event.data;
    if (event.origin !== config.resourceOrigin || event.source !== frame.contentWindow || !m || m.source !== 'forge-frame') return;
    if (m.type === 'resize') { frame.style.height = m.payload.height + 'px'; return; }
    if (m.type === 'csp-violation') { window.__cspViolations.push(m.payload); return; }
    window.__forgeCalls.push({ type: m.type, payload: m.payload });
    const handler = handlers[m.type];
    if (!handler) return reply(m.id, false, 'the test host does not support bridge call ' + m.type);
    try { reply(m.id, true, await handler(m.payload)); } catch (e) { reply(m.id, false, String(e && e.message || e)); }
  });
  frame.src = config.resourceOrigin + '/index.html';
})();
`;

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

export async function startForgeHost(options: ForgeHostOptions): Promise<ForgeHost> {
  const dir = forgeBuildDir(options.surface);
  const colorMode = options.colorMode ?? 'light';
  let hostOrigin = '';

  // The resource's origin: the built files, the bridge bootstrap, the tokens the host applies.
  const resources = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const headers = {
      'content-security-policy': `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors ${hostOrigin}`,
      'cache-control': 'no-store',
    };
    if (path === '/__forge/bridge.js') return send(res, 200, { ...headers, 'content-type': TYPES['.js'] as string }, BRIDGE_BOOTSTRAP);
    if (path === '/__forge/tokens.css') return send(res, 200, { ...headers, 'content-type': TYPES['.css'] as string }, TOKENS_CSS);
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir)) return send(res, 403, headers, 'forbidden');
    let content: Buffer;
    try {
      content = readFileSync(file);
    } catch {
      return send(res, 404, headers, 'not found');
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // Like Forge's hosting: the bridge bootstrap goes in before anything of the app's.
    const out = file.endsWith('index.html') ? content.toString('utf8').replace('<head>', '<head>\n    <script src="/__forge/bridge.js"></script>') : content;
    send(res, 200, { ...headers, 'content-type': type }, out);
  });
  const resourceOrigin = await listen(resources);

  const context = {
    accountId: 'maria',
    cloudId: 'fake-cloud-id',
    environmentId: 'fake-environment',
    environmentType: 'DEVELOPMENT',
    localId: `ari:cloud:ecosystem::extension/harmony/${options.moduleKey}`,
    locale: 'en-US',
    moduleKey: options.moduleKey,
    siteUrl: '',
    timezone: 'UTC',
    theme: { colorMode },
    extension: options.extension,
  };

  // The host page's origin: Jira's page around the frame, and the route from invoke to the app.
  const host = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'POST' && url.pathname.startsWith('/__invoke/')) {
      const name = decodeURIComponent(url.pathname.slice('/__invoke/'.length));
      const own = options.resolvers?.[name];
      if (own) {
        void body(req)
          .then(async (payload) => send(res, 200, { 'content-type': 'application/json' }, JSON.stringify(await own(JSON.parse(payload)))))
          .catch((error: unknown) => send(res, 502, { 'content-type': 'text/plain' }, String(error)));
        return;
      }
      void body(req)
        .then((payload) => fetch(`${options.appUrl}/api/${encodeURIComponent(name)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload }))
        // A resolver returns the envelope whatever it says: the invocation itself succeeded.
        .then(async (answer) => send(res, 200, { 'content-type': 'application/json' }, await answer.text()))
        .catch((error: unknown) => send(res, 502, { 'content-type': 'text/plain' }, String(error)));
      return;
    }
    if (url.pathname === '/__host/tokens.css') return send(res, 200, { 'content-type': TYPES['.css'] as string }, TOKENS_CSS);
    if (url.pathname === '/__host/host.js') return send(res, 200, { 'content-type': TYPES['.js'] as string }, HOST_SCRIPT);
    if (url.pathname !== '/') return send(res, 404, {}, 'not found');
    const config = JSON.stringify({ resourceOrigin, context: { ...context, siteUrl: hostOrigin } }).replace(/</g, '\\u003c');
    const title = escapeHtml(options.title ?? 'Jira');
    send(
      res,
      200,
      { 'content-type': TYPES['.html'] as string },
      `<!doctype html>
<html lang="en" data-color-mode="${colorMode}">
<head><meta charset="utf-8"><title>${title}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/__host/tokens.css">
<style>
  body { margin: 0; font-family: var(--ds-font-family-body); background: var(--ds-surface); color: var(--ds-text); }
  header { display: flex; gap: 12px; align-items: center; padding: 10px 20px; border-bottom: 1px solid var(--ds-border); font-weight: 600; }
  header .site { color: var(--ds-text-subtle); font-weight: 400; }
  main { max-width: 760px; padding: 16px 24px; }
  h1 { font-size: 24px; margin: 4px 0 16px; }
  .app-title { display: flex; gap: 8px; align-items: center; margin: 24px 0 4px; font-size: 14px; font-weight: 600; }
  .app-icon { display: inline-grid; place-items: center; width: 20px; height: 20px; border-radius: 4px; background: var(--ds-background-brand-bold); color: var(--ds-text-inverse); font-size: 12px; }
  .description { color: var(--ds-text-subtle); }
  iframe { display: block; width: 100%; height: 200px; border: 0; }
</style></head>
<body>
<header><span>◆ Jira</span><span class="site">raintowntea.atlassian.net</span></header>
<main><h1>${title}</h1>
${options.description ? `<p class="description">${escapeHtml(options.description)}</p>` : ''}
<section aria-label="Harmony OKRs app"><h2 class="app-title"><span class="app-icon" aria-hidden="true">◎</span>Harmony OKRs</h2>
<iframe id="forge-frame" title="Harmony OKRs"></iframe></section></main>
<script type="application/json" id="forge-host-config">${config}</script>
<script src="/__host/host.js"></script>
</body></html>`,
    );
  });
  hostOrigin = await listen(host);

  return {
    url: `${hostOrigin}/`,
    resourceOrigin,
    close: async () => {
      await Promise.all([resources, host].map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, content: string | Buffer): void {
  res.writeHead(status, headers);
  res.end(content);
}
