// The port through which the Jira adapter speaks HTTP. It is a plain function so the same
// adapter runs over Node's `fetch` (workbench, CLI) and over Forge's
// `api.asUser().requestJira(route`...`)`, whose response has this very shape. Whoever provides
// it decides who the caller is (basic auth, OAuth, the Forge user), and so what may be seen.

export type JiraMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface JiraRequestInit {
  method: JiraMethod;
  /** A JSON document, already serialised. */
  body?: string;
  /** Always `Accept`, plus `Content-Type` when there is a body; pass them on as they are. */
  headers?: Record<string, string>;
}

export interface JiraResponse {
  status: number;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
}

/** `path` starts at the site root: `/rest/api/3/search/jql`, query string included when any. */
export type JiraRequest = (path: string, init: JiraRequestInit) => Promise<JiraResponse>;
