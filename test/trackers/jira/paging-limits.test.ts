// Issue 8, finding 9: a server that keeps handing out new nextPageTokens (with empty pages, or
// with the same issues again) must end in a clear tracker error, not loop forever.
import { describe, expect, test } from 'vitest';
import { JiraError, JiraWorkItemSource, MAX_SEARCH_PAGES, type JiraRequest } from '../../../src/trackers/jira';

interface Exchange {
  path: string;
  body: Record<string, unknown>;
}

/** A fake Jira whose search answers come from `page(n)`, n counting from 0. */
function fakeJira(page: (n: number, body: Record<string, unknown>) => unknown): { request: JiraRequest; exchanges: Exchange[] } {
  const exchanges: Exchange[] = [];
  const request: JiraRequest = (path, init) => {
    const body = JSON.parse(init.body ?? '{}') as Record<string, unknown>;
    exchanges.push({ path, body });
    const text = JSON.stringify(page(exchanges.length - 1, body));
    return Promise.resolve({ status: 200, headers: { get: () => null }, text: () => Promise.resolve(text), json: () => Promise.resolve(JSON.parse(text) as unknown) });
  };
  return { request, exchanges };
}

const issue = (key: string, parent?: string): unknown => ({
  key,
  fields: { summary: key, status: { statusCategory: { key: 'new' } }, ...(parent ? { parent: { key: parent } } : {}) },
});

describe('pagers stop', () => {
  test('an empty page that still carries a nextPageToken ends the search with a tracker error', async () => {
    const { request, exchanges } = fakeJira((n) => ({ issues: n === 0 ? [issue('A-2', 'A-1')] : [], nextPageToken: `t${n}`, isLast: false }));
    const source = new JiraWorkItemSource({ request, epicLinkFields: [] });
    const error = await source.getDescendants(['jira:A-1']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraError);
    expect((error as Error).message).toMatch(/empty page.*nextPageToken/);
    expect(exchanges).toHaveLength(2);
  });

  test(`new tokens with issues forever end after ${MAX_SEARCH_PAGES} pages`, async () => {
    const { request, exchanges } = fakeJira((n) => ({ issues: [issue(`A-${n + 2}`)], nextPageToken: `t${n}`, isLast: false }));
    const source = new JiraWorkItemSource({ request, epicLinkFields: [] });
    const error = await source.search('tea', 5_000_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraError);
    expect((error as Error).message).toMatch(new RegExp(`more than ${MAX_SEARCH_PAGES.toLocaleString('en')} pages`));
    expect(exchanges).toHaveLength(MAX_SEARCH_PAGES);
  });

  test('descendants: a hierarchy that keeps going deeper stops at the documented depth', async () => {
    // Every parent asked for gets one new child: an endless chain no real Jira has.
    const { request, exchanges } = fakeJira((_n, body) => {
      const parent = /"([^"]+)"/.exec(String(body.jql))?.[1] ?? 'A-1';
      const next = `A-${Number(parent.split('-')[1]) + 1}`;
      return { issues: [issue(next, parent)], isLast: true };
    });
    const source = new JiraWorkItemSource({ request, epicLinkFields: [] });
    const error = await source.getDescendants(['jira:A-1']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraError);
    expect((error as Error).message).toMatch(/more than 20 levels/);
    expect(exchanges.length).toBe(20);
  });

  test('an ordinary last page (no token, or isLast) ends quietly', async () => {
    const { request } = fakeJira((n) => (n === 0 ? { issues: [issue('A-2', 'A-1')], nextPageToken: 'x', isLast: false } : { issues: [issue('A-3', 'A-1')] }));
    const source = new JiraWorkItemSource({ request, epicLinkFields: [] });
    expect((await source.getDescendants(['jira:A-1'])).map((i) => i.ref)).toEqual(['jira:A-2', 'jira:A-3']);
  });
});
