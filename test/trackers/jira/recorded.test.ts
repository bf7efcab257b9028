// Responses real Jira sites returned (test/fixtures/recorded/jira, sources and licences in its
// README), each served to the real adapter through a fake request function: every issue must
// come out with the right ref, parent, status and estimate.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { WorkItem } from '../../../src/core/model/work-item';
import {
  DEFAULT_CANCELLED_RESOLUTIONS,
  discoverSiteFields,
  isCancellingResolution,
  JiraUnclassifiedStatusError,
  JiraWorkItemSource,
  type JiraRequest,
  type JiraSourceOptions,
} from '../../../src/trackers/jira';

function recorded(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../fixtures/recorded/jira/${name}`, import.meta.url), 'utf8')) as unknown;
}

/** Answers `METHOD path` (query string dropped) from `routes`; records each request. */
function site(routes: Record<string, unknown>): { request: JiraRequest; asked: string[] } {
  const asked: string[] = [];
  const request: JiraRequest = (path, init) => {
    const route = `${init.method} ${path.split('?')[0] ?? ''}`;
    asked.push(route);
    const body = routes[route];
    const text = JSON.stringify(body ?? { errorMessages: [`no route ${route}`] });
    return Promise.resolve({
      status: body === undefined ? 404 : 200,
      headers: { get: () => null },
      text: () => Promise.resolve(text),
      json: () => Promise.resolve(JSON.parse(text) as unknown),
    });
  };
  return { request, asked };
}

/** The recording as a `search/jql` page and as a bulk fetch answer. */
function servedAsSearch(file: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const page = recorded(file) as { issues: unknown[] };
  return {
    'POST /rest/api/3/search/jql': { issues: page.issues, isLast: true },
    'POST /rest/api/3/issue/bulkfetch': { issues: page.issues, issueErrors: [] },
    ...extra,
  };
}

async function read(routes: Record<string, unknown>, keys: string[], options: Partial<JiraSourceOptions> = {}): Promise<Map<string, WorkItem>> {
  const { request } = site(routes);
  const source = new JiraWorkItemSource({ request, ...options });
  const { items } = await source.getItems(keys.map((k) => `jira:${k}`));
  return new Map(items.map((i) => [i.ref, i]));
}

/**
 * The go-jira site's field list is not in the recording; these two entries are the shapes Jira
 * gives an Epic Link field and a company-managed story point field, under that site's ids.
 */
const GOJIRA_FIELDS = [
  { id: 'customfield_10700', name: 'Epic Link', custom: true, schema: { type: 'any', custom: 'com.pyxis.greenhopper.jira:gh-epic-link', customId: 10700 } },
  { id: 'customfield_10105', name: 'Story Points', custom: true, schema: { type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float', customId: 10105 } },
];

describe('team-managed issues (Epic-Tree): parent across projects', () => {
  test('SCRUM-4 is a to-do task whose parent is epic ET-2; ET-2 has no parent', async () => {
    const routes = {
      'POST /rest/api/3/issue/bulkfetch': { issues: [recorded('epictree-get-issue-SCRUM-4.json'), recorded('epictree-get-issue-ET-2-epic.json')], issueErrors: [] },
    };
    const items = await read(routes, ['SCRUM-4', 'ET-2'], { epicLinkFields: [] });
    expect(items.get('jira:SCRUM-4')).toEqual({ ref: 'jira:SCRUM-4', title: 'second issue', type: 'Task', status: 'todo', parent: 'jira:ET-2' });
    expect(items.get('jira:ET-2')).toEqual({ ref: 'jira:ET-2', title: 'epic issue', type: 'Epic', status: 'todo' });
  });
});

describe('done issues of the old paging shape (hack-jira-cfd)', () => {
  test('ISSUE-1..3: done with resolution Done, not cancelled, no parent, no estimate', async () => {
    const items = await read(servedAsSearch('cfd-search-team-managed.json'), ['ISSUE-1', 'ISSUE-2', 'ISSUE-3'], { epicLinkFields: [] });
    for (const key of ['ISSUE-1', 'ISSUE-2', 'ISSUE-3']) {
      expect(items.get(`jira:${key}`)).toEqual({ ref: `jira:${key}`, title: 'hidden', type: 'Task', status: 'done' });
    }
  });

  test('found as descendants too (the page carries startAt/total, no nextPageToken)', async () => {
    const { request } = site(servedAsSearch('cfd-search-team-managed.json'));
    const found = await new JiraWorkItemSource({ request, epicLinkFields: [] }).getDescendants(['jira:ISSUE-100']);
    expect(found.map((i) => [i.ref, i.status])).toEqual([
      ['jira:ISSUE-1', 'done'],
      ['jira:ISSUE-2', 'done'],
      ['jira:ISSUE-3', 'done'],
    ]);
  });
});

describe('a company-managed issue whose epic is only in Epic Link (go-jira AR-86)', () => {
  test('the Epic Link field, discovered by its type, gives the parent; category new wins over resolution Done', async () => {
    const routes = servedAsSearch('gojira-agile-sprint-issues-AR-86.json', { 'GET /rest/api/3/field': GOJIRA_FIELDS });
    const { request, asked } = site(routes);
    const fields = await discoverSiteFields(request);
    expect(fields).toEqual({ storyPointFields: ['customfield_10105'], epicLinkFields: ['customfield_10700'] });
    const source = new JiraWorkItemSource({ request, ...fields });
    const { items } = await source.getItems(['jira:AR-86']);
    expect(items).toEqual([{ ref: 'jira:AR-86', type: 'Task', status: 'todo', estimate: 13, parent: 'jira:AR-37' }]);
    expect(asked.filter((r) => r === 'POST /rest/api/3/issue/bulkfetch')).toHaveLength(1);
  });

  test('the source asks for the Epic Link field in its reads, and finds it itself when the host did not say', async () => {
    const bodies: unknown[] = [];
    const { request } = site(servedAsSearch('gojira-agile-sprint-issues-AR-86.json', { 'GET /rest/api/3/field': GOJIRA_FIELDS }));
    const spy: JiraRequest = (path, init) => {
      if (init.body) bodies.push(JSON.parse(init.body));
      return request(path, init);
    };
    const source = new JiraWorkItemSource({ request: spy, storyPointFields: [] });
    expect((await source.getItems(['jira:AR-86'])).items[0]?.parent).toBe('jira:AR-37');
    await source.getDescendants(['jira:AR-37']);
    expect(bodies.length).toBeGreaterThanOrEqual(2);
    for (const body of bodies) {
      expect(body).toMatchObject({ fields: ['summary', 'issuetype', 'status', 'resolution', 'parent', 'customfield_10700'] });
    }
  });

  test("without the Epic Link field, the agile API's epic object still gives the parent", async () => {
    const items = await read(servedAsSearch('gojira-agile-sprint-issues-AR-86.json'), ['AR-86'], { epicLinkFields: [] });
    expect(items.get('jira:AR-86')?.parent).toBe('jira:AR-37');
  });
});

describe("the agile API's issues of an epic (atlassian-python-api BAR-22)", () => {
  test('BAR-111: done (resolution Done), parent from `epic: "BAR-22"`', async () => {
    const items = await read(servedAsSearch('apa-agile-epic-BAR-22-issues.json'), ['BAR-111'], { epicLinkFields: [] });
    expect(items.get('jira:BAR-111')).toEqual({ ref: 'jira:BAR-111', title: 'Sample Story in Epic', type: 'Task', status: 'done', parent: 'jira:BAR-22' });
  });
});

describe('statuses without a category (jira-cli, trimmed)', () => {
  // The site's status list (GET /rest/api/3/status) is not in the recording: these entries are
  // the shape Jira sends, for the three statuses the page names.
  const statusList = (names: Record<string, string>): unknown[] =>
    Object.entries(names).map(([name, key], i) => ({
      self: `https://example.atlassian.net/rest/api/3/status/${10000 + i}`,
      id: String(10000 + i),
      name,
      statusCategory: { id: i + 2, key, colorName: 'blue-gray', name: key },
    }));

  test('each status is placed by the site status list, fetched once per source', async () => {
    const { request, asked } = site(
      servedAsSearch('jiracli-search-trimmed.json', {
        'GET /rest/api/3/status': statusList({ 'To Do': 'new', 'In Progress': 'indeterminate', Done: 'done' }),
      }),
    );
    const source = new JiraWorkItemSource({ request, epicLinkFields: [] });
    const { items } = await source.getItems(['jira:TEST-1', 'jira:TEST-2', 'jira:TEST-3']);
    expect(items).toEqual([
      { ref: 'jira:TEST-1', title: 'Bug summary', type: 'Bug', status: 'todo' },
      { ref: 'jira:TEST-2', title: 'Story summary', type: 'Story', status: 'in-progress' },
      { ref: 'jira:TEST-3', title: 'Task summary', type: 'Task', status: 'done' },
    ]);
    await source.getDescendants(['jira:TEST-100']);
    expect(asked.filter((r) => r === 'GET /rest/api/3/status')).toHaveLength(1);
  });

  test('"Done" is not guessed: a status the site list cannot place fails the read, naming it and its issue', async () => {
    const { request } = site(
      servedAsSearch('jiracli-search-trimmed.json', { 'GET /rest/api/3/status': statusList({ 'To Do': 'new', 'In Progress': 'indeterminate' }) }),
    );
    const error = await new JiraWorkItemSource({ request, epicLinkFields: [] }).getItems(['jira:TEST-3']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraUnclassifiedStatusError);
    expect((error as JiraUnclassifiedStatusError).statuses).toEqual([{ status: 'Done', issues: ['TEST-3'] }]);
    expect((error as Error).message).toMatch(/statuses without a status category.*"Done" \(TEST-3\)/);
  });

  test('a status name used in two categories is ambiguous, so it is not guessed either', async () => {
    const list = [...statusList({ Done: 'done' }), { id: '20000', name: 'Done', statusCategory: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' } }];
    const { request } = site(servedAsSearch('jiracli-search-trimmed.json', { 'GET /rest/api/3/status': list }));
    await expect(new JiraWorkItemSource({ request, epicLinkFields: [] }).getItems(['jira:TEST-3'])).rejects.toThrow(/"Done" \(TEST-3\)/);
  });
});

describe('field list with only "Original story points" (jira-cli)', () => {
  test('neither a story point field nor an Epic Link field is found: no estimate is invented', async () => {
    const { request } = site({ 'GET /rest/api/3/field': recorded('jiracli-fields.json') });
    expect(await discoverSiteFields(request)).toEqual({ storyPointFields: [], epicLinkFields: [] });
  });
});

describe("a real site's resolutions (go-jira)", () => {
  test('the default cancelled set takes exactly those that mean no work was delivered', () => {
    const names = (recorded('gojira-resolutions.json') as { name: string }[]).map((r) => r.name);
    const config = { cancelledResolutions: DEFAULT_CANCELLED_RESOLUTIONS };
    expect(names.filter((n) => isCancellingResolution(n, config))).toEqual([
      "Won't Fix", 'Duplicate', 'Invalid', 'Incomplete', 'Cannot Reproduce', 'Not A Problem', 'Auto Closed', 'Not A Bug', 'Works for Me', "Won't Do",
    ]);
    expect(names.filter((n) => !isCancellingResolution(n, config))).toEqual([
      'Fixed', 'Later', 'Unresolved', 'Implemented', 'Done', 'Pending Closed', 'REMIND', 'Resolved', 'Workaround', 'Staged', 'Delivered', 'Information Provided', 'Feedback Received',
    ]);
  });

  test('names compare ignoring case, spacing and the apostrophe’s shape', () => {
    const config = { cancelledResolutions: DEFAULT_CANCELLED_RESOLUTIONS };
    expect(isCancellingResolution('won’t  fix', config)).toBe(true);
    expect(isCancellingResolution(' WORKS FOR ME ', config)).toBe(true);
    expect(isCancellingResolution('Fixed', config)).toBe(false);
  });
});
