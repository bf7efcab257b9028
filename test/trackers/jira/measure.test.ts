// JiraMeasureSource against the emulator: the requests each aggregate costs (ids pages of 5,000,
// field pages of 100), 429 with Retry-After, the estimate field discovered once, and JQL syntax
// errors caught before any request. Every exchange is held to Jira's published OpenAPI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryRefusedError } from '../../../src/core/model/measure-errors';
import { fetchJiraRequest, type JiraRequestEvent } from '../../../src/trackers/jira';
import { JiraMeasureSource } from '../../../src/trackers/jira/measure/measure-source';
import type { EmulatedIssue, JiraDataset } from '../../../src/workbench/emulators/jira';
import { contractChecked } from './contract-checked-request';
import { startSite, type Site } from './harness';

const USER = { email: 'ann@tea.test', apiToken: 'ann-token' };
const BUGS = 10_001;
const STORIES = 250;

function dataset(): JiraDataset {
  const issues: EmulatedIssue[] = [];
  for (let i = 1; i <= BUGS; i++) issues.push({ key: `CS-${i}`, summary: `Bug ${i}`, issuetype: 'Bug', statusCategory: i % 2 ? 'new' : 'done', priority: i % 10 === 0 ? 'Highest' : 'Medium' });
  for (let i = 1; i <= STORIES; i++) issues.push({ key: `WEB-${i}`, summary: `Story ${i}`, issuetype: 'Story', statusCategory: 'done', storyPoints: i % 5 === 0 ? null : 2, labels: ['platform'] });
  return {
    projects: [{ key: 'CS', name: 'Customer Support' }, { key: 'WEB', name: 'Web' }],
    users: [{ accountId: '5b10a2844c20165700ede31a', displayName: 'Ann', ...USER, projects: ['CS', 'WEB'] }],
    issues,
  };
}

let site: Site;
beforeAll(async () => {
  site = await startSite(dataset());
});
afterAll(() => site.running.close());

function source(options: { storyPointFields?: string[] } = {}) {
  const sleeps: number[] = [];
  const events: JiraRequestEvent[] = [];
  const measures = new JiraMeasureSource({
    request: contractChecked(fetchJiraRequest(site.running.url, USER)),
    siteUrl: `${site.running.url}/`,
    retry: { sleep: (ms) => (sleeps.push(ms), Promise.resolve()) },
    onRequest: (e) => events.push(e),
    ...options,
  });
  return { measures, sleeps, events };
}

describe('JiraMeasureSource', () => {
  it('counts past 5,000 matches in ⌈n / 5,000⌉ ids-only pages', async () => {
    const { measures, events } = source();
    const result = await measures.run({ jql: 'project = CS AND type = Bug' });
    expect(result).toMatchObject({ value: BUGS, matched: BUGS, requests: 3 });
    expect(events.map((e) => `${e.method} ${e.path}`)).toEqual(Array(3).fill('POST /rest/api/3/search/jql'));
    expect(result.queryUrl).toBe(`${site.running.url}/issues/?jql=project%20%3D%20CS%20AND%20type%20%3D%20Bug`);
  });

  it('sums a field in pages of 100, asking for that field only, after discovering the estimate field once', async () => {
    const { measures } = source();
    const sum = await measures.run({ jql: 'labels = platform ORDER BY key', aggregate: 'sum', field: 'estimate' });
    // One GET /rest/api/3/field, then ⌈250 / 100⌉ pages; one story in five has no points.
    expect(sum).toMatchObject({ value: 400, matched: STORIES, requests: 1 + 3 });
    const average = await measures.run({ jql: 'labels = platform', aggregate: 'average', field: 'estimate' });
    expect(average).toMatchObject({ value: 2, matched: STORIES, requests: 3 });
  });

  it('takes a percent for the cost of its two counts', async () => {
    const { measures } = source();
    const result = await measures.run({ jql: 'project = CS AND priority = Highest AND statusCategory = Done', aggregate: 'percent', of: 'project = CS AND priority = Highest' });
    expect(result).toMatchObject({ value: 100, matched: 1000, denominator: 1000, requests: 2 });
    expect(result.ofUrl).toContain('/issues/?jql=project%20%3D%20CS%20AND%20priority%20%3D%20Highest');
  });

  it('waits what Retry-After asks on 429 and counts the retried requests', async () => {
    const { measures, sleeps } = source();
    site.emulator.faults.rateLimitNext(2, 7);
    try {
      const result = await measures.run({ jql: 'project = WEB' });
      expect(result).toMatchObject({ value: STORIES, requests: 3 });
      expect(sleeps).toEqual([7000, 7000]);
    } finally {
      site.emulator.faults.reset();
    }
  });

  it('refuses a JQL syntax error before sending it, in the words Jira uses', async () => {
    const { measures, events } = source();
    const error = await measures.run({ jql: 'project = CS AND' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryRefusedError);
    expect((error as QueryRefusedError).message).toMatch(/^Error in the JQL Query: .*\(line 1, character \d+\)$/);
    expect(events).toEqual([]);
  });

  it("passes on Jira's own words for a query it refuses", async () => {
    const { measures } = source();
    const error = await measures.run({ jql: 'project = CS AND type = Wish' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryRefusedError);
    expect((error as QueryRefusedError).messages).toEqual(["The value 'Wish' does not exist for the field 'type'."]);
  });

  it('refuses `field: estimate` on a site without a story point field, naming the way out', async () => {
    const { measures } = source({ storyPointFields: [] });
    const error = await measures.run({ jql: 'project = WEB', aggregate: 'sum', field: 'estimate' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryRefusedError);
    expect((error as QueryRefusedError).message).toMatch(/no story point field/);
  });
});
