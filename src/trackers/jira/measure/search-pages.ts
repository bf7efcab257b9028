// Every page of one `POST /rest/api/3/search/jql`, following `nextPageToken`, with the guards of
// the work item source: an empty page that claims more, a repeated token and an endless run of
// pages all end in an error instead of a loop.
import type { JiraClient } from '../client';
import { JiraError } from '../errors';
import { MAX_SEARCH_PAGES } from '../work-item-source';

const LABEL = 'POST /rest/api/3/search/jql';

interface SearchPage {
  issues?: unknown[];
  nextPageToken?: string | null;
  isLast?: boolean;
}

export async function* searchPages(client: JiraClient, body: { jql: string; fields: readonly string[]; maxResults: number }): AsyncGenerator<unknown[]> {
  let nextPageToken: string | undefined;
  const seen = new Set<string>();
  for (let pages = 1; ; pages++) {
    const page = await client.post<SearchPage>('/rest/api/3/search/jql', nextPageToken === undefined ? body : { ...body, nextPageToken });
    if (!page || !Array.isArray(page.issues)) throw new JiraError('Jira answered a JQL search without an issue list', 0, LABEL);
    yield page.issues;
    const token = typeof page.nextPageToken === 'string' && page.nextPageToken !== '' ? page.nextPageToken : undefined;
    if (page.isLast === true || token === undefined) return;
    if (page.issues.length === 0) throw new JiraError('Jira answered an empty page of a search yet sent a nextPageToken for more; stopped paging', 0, LABEL);
    if (seen.has(token)) throw new JiraError('Jira repeated a nextPageToken while paging a search', 0, LABEL);
    if (pages >= MAX_SEARCH_PAGES) throw new JiraError(`Jira kept sending more pages of one search: more than ${MAX_SEARCH_PAGES} pages; stopped paging`, 0, LABEL);
    seen.add(token);
    nextPageToken = token;
  }
}
