// The Jira adapter's request port over Forge's product fetch: `api.asUser().requestJira` for what
// a viewer sees (the Forge proxy applies the viewer's permissions, so hidden issues never come
// back) and `api.asApp().requestJira` for the triggers. The adapter only ever asks fixed paths
// (`/rest/api/3/search/jql`, `/rest/api/3/issue/bulkfetch`, `/rest/api/3/field`) with issue keys
// in JSON bodies, and the property writer puts a key in a path only after checking it is an
// issue key, so `assumeTrustedRoute` never carries text a user typed into a URL.
import { assumeTrustedRoute, type RequestProductMethod } from '@forge/api';
import type { JiraRequest } from '../trackers/jira/request';

export function forgeJiraRequest(requestJira: RequestProductMethod): JiraRequest {
  return async (path, init) => {
    if (!path.startsWith('/rest/api/3/')) throw new Error(`Harmony asks Jira only for /rest/api/3/ paths, not ${path}`);
    const headers = init.headers ?? {};
    const response = await requestJira(assumeTrustedRoute(path), {
      method: init.method,
      headers,
      ...(init.body === undefined ? {} : { body: init.body }),
    });
    return {
      status: response.status,
      headers: { get: (name: string) => response.headers.get(name) },
      json: () => response.json() as Promise<unknown>,
      text: () => response.text(),
    };
  };
}
