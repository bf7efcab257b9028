// Who may talk to the local workbench. It listens on loopback, but a loopback port is reachable
// from every web page open in the same browser: a page on another origin can send "simple"
// cross-origin requests (a `text/plain` POST needs no preflight), and a DNS-rebinding name
// that resolves to 127.0.0.1 makes the browser treat the workbench as that page's own origin.
// So every request must name the workbench itself in `Host` (defeats rebinding: the browser
// sends the attacker's name), must not come from another origin (`Origin`, sent by browsers on
// every cross-origin and every POST request), and API calls must be `application/json`, which
// no cross-origin page can send without a CORS preflight the workbench never approves.

export interface GuardRequest {
  method: string;
  host: string | undefined;
  origin: string | undefined;
  /** `Sec-Fetch-Site`, sent by current browsers on every request. */
  fetchSite: string | undefined;
  contentType: string | undefined;
  isApi: boolean;
}

export type GuardVerdict = { ok: true } | { ok: false; status: 403 | 415; message: string };

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** The `Host` values that name this server: its bound address, and its loopback aliases. */
export function allowedHosts(boundHost: string, port: number): ReadonlySet<string> {
  const bound = boundHost.includes(':') && !boundHost.startsWith('[') ? `[${boundHost}]` : boundHost;
  const names = LOOPBACK_NAMES.includes(bound) || bound === '[::ffff:127.0.0.1]' ? LOOPBACK_NAMES : [bound];
  return new Set(names.map((name) => `${name}:${port}`.toLowerCase()));
}

export function checkRequest(request: GuardRequest, hosts: ReadonlySet<string>): GuardVerdict {
  const host = request.host?.toLowerCase();
  if (host === undefined || !hosts.has(host)) {
    return { ok: false, status: 403, message: `the workbench answers only requests addressed to ${[...hosts].join(' or ')}` };
  }
  // Pages are public build output, and following a link to them from elsewhere is fine (another
  // site cannot read them: no CORS headers; nor frame them: SECURITY_HEADERS). The API is not.
  if (!request.isApi) return { ok: true };
  if (request.origin !== undefined && !isOwnOrigin(request.origin, hosts)) {
    return { ok: false, status: 403, message: 'requests from other web pages are refused: open the workbench itself' };
  }
  // Fetch metadata says the same where a browser leaves Origin out; `same-site` is another
  // port on this machine, which is another origin all the same.
  if (request.fetchSite === 'cross-site' || request.fetchSite === 'same-site') {
    return { ok: false, status: 403, message: 'requests from other web pages are refused: open the workbench itself' };
  }
  if (request.method === 'POST' && !isJson(request.contentType)) {
    return { ok: false, status: 415, message: 'API calls must be sent as content-type: application/json' };
  }
  return { ok: true };
}

function isOwnOrigin(origin: string, hosts: ReadonlySet<string>): boolean {
  // `null` is what sandboxed frames, file:// pages and some redirects send: never ours.
  if (!origin.startsWith('http://')) return false;
  return hosts.has(origin.slice('http://'.length).toLowerCase());
}

function isJson(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const essence = contentType.split(';')[0]?.trim().toLowerCase();
  return essence === 'application/json';
}

/** Headers on every answer: no MIME sniffing, and no other site may frame the pages. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "frame-ancestors 'self'",
  'x-frame-options': 'SAMEORIGIN',
  'referrer-policy': 'no-referrer',
};
