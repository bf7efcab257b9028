// JiraRequest over the platform's `fetch`, for Node hosts (workbench, CLI). Forge hosts wrap
// `requestJira` instead and never load this file.
import { JiraError } from './errors';
import type { JiraRequest } from './request';

export type JiraCredentials =
  /** An Atlassian account email and API token, sent as HTTP basic auth. */
  | { email: string; apiToken: string }
  /** A ready `Authorization` header value, e.g. `Bearer <OAuth 2.0 token>`. */
  | { authorization: string };

export interface FetchJiraOptions {
  /** Defaults to the global `fetch`; tests may pass their own. */
  fetch?: typeof fetch;
  /** Give up on one HTTP exchange after this long; default 30 s. */
  timeoutMs?: number;
}

export function fetchJiraRequest(siteUrl: string, credentials: JiraCredentials, options: FetchJiraOptions = {}): JiraRequest {
  const base = new URL(siteUrl);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new Error(`Jira site URL must be http(s): ${siteUrl}`);
  }
  const root = base.href.replace(/\/+$/, '');
  const authorization =
    'authorization' in credentials
      ? credentials.authorization
      : `Basic ${Buffer.from(`${credentials.email}:${credentials.apiToken}`, 'utf8').toString('base64')}`;
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  return async (path, init) => {
    if (!path.startsWith('/')) throw new Error(`Jira request path must start with '/': ${path}`);
    try {
      return await doFetch(root + path, {
        method: init.method,
        headers: { ...init.headers, Authorization: authorization },
        body: init.body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const label = `${init.method} ${path}`;
      if (error instanceof Error && error.name === 'TimeoutError') {
        throw new JiraError(`Jira did not answer ${label} within ${timeoutMs / 1000} s`, 0, label);
      }
      const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      throw new JiraError(`Could not reach Jira at ${root} for ${label}: ${cause}`, 0, label);
    }
  };
}
