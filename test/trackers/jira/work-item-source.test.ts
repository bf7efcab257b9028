// The Jira WorkItemSource over the emulator: batched reads, missing and invisible keys,
// descendants level by level across page boundaries, and the link picker's search.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { JiraError } from '../../../src/trackers/jira';
import { ALICE, BOB, epicDataset, siteDataset } from '../../workbench/emulators/jira/fixtures';
import { startSite, viewer, type Site } from './harness';

let site: Site;
beforeAll(async () => {
  site = await startSite(siteDataset());
});
afterAll(() => site.running.close());
afterEach(() => {
  site.emulator.faults.reset();
  site.emulator.clearRequests();
});

const refs = (items: { ref: string }[]) => items.map((i) => i.ref).sort();

describe('getItems', () => {
  test('keys that do not exist, that the viewer may not see, or that are not Jira refs land in missing', async () => {
    const { source } = viewer(site, BOB);
    const result = await source.getItems(['jira:CS-2', 'jira:CS-404', 'jira:SECRET-1', 'ado:42', 'jira:CS-2', 'jira:OPS-1']);
    expect(refs(result.items)).toEqual(['jira:CS-2']);
    expect(result.missing.sort()).toEqual(['ado:42', 'jira:CS-404', 'jira:OPS-1', 'jira:SECRET-1']);
    expect(site.emulator.requests).toHaveLength(1);
  });

  test('an empty list costs no request', async () => {
    const { source } = viewer(site, BOB);
    expect(await source.getItems([])).toEqual({ items: [], missing: [] });
    expect(source.requestCount).toBe(0);
  });

  test('asks only for the fields the mapping reads', async () => {
    const { source } = viewer(site, BOB);
    await source.getItems(['jira:CS-2']);
    expect(site.emulator.requests[0]?.body).toEqual({
      issueIdsOrKeys: ['CS-2'],
      fields: ['summary', 'issuetype', 'status', 'resolution', 'parent', 'customfield_10016'],
      fieldsByKeys: false,
    });
  });

  test('issues reported in issueErrors are asked for again; if they keep failing, the read fails rather than calling them missing', async () => {
    const { source } = viewer(site, BOB);
    site.emulator.faults.failInBulkFetch(['CS-3']);
    expect(refs((await source.getItems(['jira:CS-2', 'jira:CS-3'])).items)).toEqual(['jira:CS-2', 'jira:CS-3']);
    expect(site.emulator.requests.map((r) => (r.body as { issueIdsOrKeys: string[] }).issueIdsOrKeys.length)).toEqual([2, 1]);
    site.emulator.faults.failInBulkFetch(['CS-3'], 10);
    await expect(source.getItems(['jira:CS-3'])).rejects.toThrow(/could not return 1 issue\(s\) after 3 attempts/);
  });
});

describe('getItems in batches of 100', () => {
  let big: Site;
  beforeAll(async () => {
    big = await startSite(epicDataset(10, 24)); // 251 issues
  });
  afterAll(() => big.running.close());

  test('250 keys take 3 bulk fetches of at most 100', async () => {
    const { source } = viewer(big, { email: 'carol@rain.town', apiToken: 'carol-token' });
    const keys = Array.from({ length: 250 }, (_, i) => `jira:BIG-${i + 1}`);
    const result = await source.getItems(keys);
    expect(result.items).toHaveLength(250);
    expect(result.missing).toEqual([]);
    expect(result.items.map((i) => i.ref)).toEqual(keys);
    expect(big.emulator.requests.map((r) => (r.body as { issueIdsOrKeys: string[] }).issueIdsOrKeys.length)).toEqual([100, 100, 50]);
    expect(source.requestCount).toBe(3);
  });
});

describe('getDescendants', () => {
  test('the whole subtree, each issue once, level by level with batched parent in (...)', async () => {
    const { source } = viewer(site, ALICE);
    const found = await source.getDescendants(['jira:CS-1', 'jira:CS-3']);
    expect(refs(found)).toEqual(
      ['CS-2', 'CS-3', 'CS-4', 'CS-5', 'CS-6', 'CS-7', 'CS-8', 'CS-9', 'CS-10', 'CS-11', 'CS-12', 'CS-13', 'SECRET-1'].map((k) => `jira:${k}`).sort(),
    );
    const jqls = site.emulator.requests.map((r) => (r.body as { jql: string }).jql);
    expect(jqls[0]).toBe('parent in ("CS-1", "CS-3") ORDER BY key ASC');
    // CS-3 was asked already; its sub-tasks can have no children; the other children are asked for once, together.
    expect(jqls).toHaveLength(2);
    expect(jqls[1]).toMatch(/^parent in \("CS-2", "CS-6", /);
    expect(jqls[1]).not.toMatch(/"CS-3"|"CS-4"|"CS-5"/);
  });

  test('page boundaries: every page is followed with nextPageToken and nothing is lost or repeated', async () => {
    const { source } = viewer(site, ALICE);
    const whole = refs(await source.getDescendants(['jira:CS-1']));
    site.emulator.clearRequests();
    site.emulator.faults.forcePageSize(3);
    const paged = await source.getDescendants(['jira:CS-1']);
    expect(refs(paged)).toEqual(whole);
    expect(paged).toHaveLength(whole.length);
    const bodies = site.emulator.requests.map((r) => r.body as { jql: string; nextPageToken?: string; maxResults: number });
    // 12 children in pages of 3, then the grandchildren (2) in one page.
    expect(bodies.map((b) => b.nextPageToken !== undefined)).toEqual([false, true, true, true, false]);
    expect(bodies.every((b) => b.maxResults === 5000)).toBe(true);
  });

  test('refs that are missing, invisible or not Jira have no descendants', async () => {
    const { source } = viewer(site, BOB);
    expect(await source.getDescendants(['jira:CS-404', 'jira:SECRET-2', 'ado:7'])).toEqual([]);
    expect(await source.getDescendants([])).toEqual([]);
  });

  test('long key lists are split so no query lists more than maxKeysPerQuery parents', async () => {
    const { source } = viewer(site, ALICE, { maxKeysPerQuery: 4 });
    const found = await source.getDescendants(['jira:CS-1']);
    expect(found).toHaveLength(13);
    const lists = site.emulator.requests.map((r) => ((r.body as { jql: string }).jql.match(/"[A-Z]+-\d+"/g) ?? []).length);
    expect(Math.max(...lists)).toBeLessThanOrEqual(4);
    // CS-1; then its 11 children that are not sub-tasks (CS-2, CS-3, CS-6..CS-13, SECRET-1) in lists of 4.
    expect(lists).toEqual([1, 4, 4, 3]);
  });
});

describe('search for the link picker', () => {
  test('a typed key matches that issue exactly, in any case', async () => {
    const { source } = viewer(site, BOB);
    expect(refs(await source.search('CS-2', 10))).toEqual(['jira:CS-2']);
    expect(refs(await source.search('  cs-12 ', 10))).toEqual(['jira:CS-12']);
    expect(await source.search('CS-404', 10)).toEqual([]);
  });

  test('words match summaries, the last word as a prefix, newest keys first, at most `limit`', async () => {
    const { source } = viewer(site, BOB);
    expect(refs(await source.search('contact', 10))).toEqual(['jira:CS-3', 'jira:CS-4', 'jira:CS-5']);
    expect((await source.search('crm', 10)).map((i) => i.ref)).toEqual(['jira:CS-15', 'jira:CS-12', 'jira:CS-9', 'jira:CS-5', 'jira:CS-2', 'jira:CS-1']);
    expect((await source.search('crm', 2)).map((i) => i.ref)).toEqual(['jira:CS-15', 'jira:CS-12']);
    expect(await source.search('crm', 0)).toEqual([]);
  });

  test('quotes and backslashes in user text are escaped, not JQL syntax', async () => {
    const { source } = viewer(site, BOB);
    expect(refs(await source.search('"quoted" back\\slash', 10))).toEqual(['jira:CS-14']);
    const jql = (site.emulator.requests.at(-1)?.body as { jql: string }).jql;
    expect(jql).toBe('summary ~ "quoted back slash*" ORDER BY key DESC');
  });

  test('text that tries to close the string and add clauses stays text', async () => {
    const { source } = viewer(site, BOB);
    expect(await source.search('zzz" OR key = CS-2 OR summary ~ "zzz', 10)).toEqual([]);
    expect(await source.search("zzz' OR project = CS OR summary ~ 'zzz", 10)).toEqual([]);
    expect(await source.search('zzz\\" OR key = CS-2', 10)).toEqual([]);
  });

  test('Lucene operators typed by the user are words, not operators', async () => {
    const { source } = viewer(site, BOB);
    expect(refs(await source.search('migrate -customer +contacts', 10))).toEqual(['jira:CS-3']);
    expect(refs(await source.search('CRM OR vendor', 10))).toEqual(['jira:CS-2']);
  });

  test('text with no words costs no request', async () => {
    const { source } = viewer(site, BOB);
    expect(await source.search(' "*?" ', 10)).toEqual([]);
    expect(source.requestCount).toBe(0);
  });
});

describe('Jira errors become clear exceptions', () => {
  test('wrong credentials: a 401 JiraError that says what to check', async () => {
    const { source } = viewer(site, { email: BOB.email, apiToken: 'stale' });
    const error = await source.getItems(['jira:CS-1']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraError);
    expect(error).toMatchObject({ status: 401, request: 'POST /rest/api/3/issue/bulkfetch' });
    expect((error as Error).message).toMatch(/refused the credentials.*API token.*You are not authenticated/);
  });
});
