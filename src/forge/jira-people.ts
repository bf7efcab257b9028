// Owners on Jira are Atlassian accounts, found as the viewer through Jira's user search
// (`GET /rest/api/3/user/search`, scope `read:jira-user`, which the app already requests for
// groups) and named through the bulk user lookup (`GET /rest/api/3/user/bulk`). The plan stores
// the accountId; surfaces show the display name. Only human (atlassian) accounts are offered:
// an app or customer account cannot own a key result.
import type { Person, PeopleDirectory } from '../core/ports/people-directory';
import type { JiraRequest } from '../trackers/jira/request';

interface JiraUser {
  accountId?: unknown;
  accountType?: unknown;
  displayName?: unknown;
  emailAddress?: unknown;
  active?: unknown;
}

/** Jira's bulk lookup takes up to 200 account ids per page; a board names far fewer owners. */
const BULK_MAX = 100;

export function jiraPeople(request: JiraRequest): PeopleDirectory {
  return {
    async search(text, limit) {
      if (text === '') return [];
      const users = await getJson<JiraUser[]>(request, `/rest/api/3/user/search?query=${encodeURIComponent(text)}&maxResults=${limit}`);
      return (Array.isArray(users) ? users : []).filter((u) => u.accountType === undefined || u.accountType === 'atlassian').flatMap(person).slice(0, limit);
    },
    async resolve(ids) {
      const out: Person[] = [];
      for (let i = 0; i < ids.length; i += BULK_MAX) {
        const query = ids.slice(i, i + BULK_MAX).map((id) => `accountId=${encodeURIComponent(id)}`).join('&');
        const page = await getJson<{ values?: JiraUser[] }>(request, `/rest/api/3/user/bulk?maxResults=${BULK_MAX}&${query}`);
        out.push(...(page.values ?? []).flatMap(person));
      }
      return out;
    },
  };
}

function person(u: JiraUser): Person[] {
  if (typeof u.accountId !== 'string' || typeof u.displayName !== 'string') return [];
  return [{ id: u.accountId, name: u.displayName, ...(typeof u.emailAddress === 'string' && u.emailAddress ? { detail: u.emailAddress } : {}) }];
}

async function getJson<T>(request: JiraRequest, path: string): Promise<T> {
  const response = await request(path, { method: 'GET', headers: { Accept: 'application/json' } });
  if (response.status < 200 || response.status >= 300) {
    throw Object.assign(new Error(`Jira answered ${response.status} to the user lookup`), { status: response.status });
  }
  return (await response.json()) as T;
}
