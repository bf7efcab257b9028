// A real third-party Jira client, jira.js 5.4.0, against the running emulator: if the emulator
// drifts from Jira Cloud, a client written against the real service notices.
//
// Response validation: jira.js 5.4.0 has no switch for it. It validates responses with zod
// (always on) only where it ships schemas, which for the v3 API are the status endpoints
// (`status.search` parses the page strictly); every other method returns the body unchecked.
// So `status.search` is exercised for jira.js's own validation, and every other answer jira.js
// returns is held here to Jira's published contract, as the emulator's own tests do.
import { HttpException, Version3Client } from 'jira.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { JiraEmulator, type RunningEmulator } from '../../../../src/workbench/emulators/jira';
import { ALICE, BOB, siteDataset } from './fixtures';
import { assertJiraAnswer } from './jira-answer';

let emulator: JiraEmulator;
let running: RunningEmulator;
let alice: Version3Client;
let bob: Version3Client;

beforeAll(async () => {
  const dataset = siteDataset();
  dataset.users = dataset.users.map((u) => (u.email === BOB.email ? { ...u, editProjects: [] } : { ...u, admin: true }));
  emulator = new JiraEmulator(dataset);
  running = await emulator.start({ port: 0 });
  alice = new Version3Client({ host: running.url, authentication: { basic: ALICE } });
  bob = new Version3Client({ host: running.url, authentication: { basic: BOB } });
});
afterAll(() => running.close());

/** The answer jira.js returned, checked against the published contract for that operation. */
function checked<T>(method: string, path: string, answer: T, status = 200): T {
  assertJiraAnswer(method, path, status, answer);
  return answer;
}

const FIELDS = ['summary', 'status', 'issuetype', 'resolution', 'parent', 'subtasks', 'labels', 'priority', 'created', 'customfield_10016'];

describe('jira.js Version3Client against the emulator', () => {
  test('enhanced search (POST search/jql) pages with nextPageToken until isLast', async () => {
    emulator.faults.forcePageSize(4);
    try {
      const keys: string[] = [];
      let nextPageToken: string | undefined;
      let pages = 0;
      do {
        const page = checked(
          'POST',
          '/rest/api/3/search/jql',
          await alice.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({ jql: 'project = CS ORDER BY key', fields: FIELDS, maxResults: 50, nextPageToken }),
        );
        pages++;
        keys.push(...(page.issues ?? []).map((i) => i.key));
        // jira.js's model of the page has no `isLast`; the token's absence ends it just as well.
        nextPageToken = page.nextPageToken ?? undefined;
      } while (nextPageToken !== undefined && pages < 20);
      expect(pages).toBe(4);
      expect(keys).toEqual(Array.from({ length: 15 }, (_, i) => `CS-${i + 1}`));
    } finally {
      emulator.faults.reset();
    }
  });

  test('the fields jira.js types name come back in their shapes: statusCategory, subtasks, story points', async () => {
    const page = checked(
      'POST',
      '/rest/api/3/search/jql',
      await alice.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({ jql: 'key = CS-3', fields: FIELDS }),
    );
    const fields = page.issues?.[0]?.fields;
    expect(fields?.status?.statusCategory?.key).toBe('indeterminate');
    expect(fields?.subtasks?.map((s) => s.key)).toEqual(['CS-4', 'CS-5']);
    expect(fields?.subtasks?.[0]?.fields?.status?.statusCategory?.key).toBe('done');
    expect(fields?.parent?.key).toBe('CS-1');
    expect((fields as Record<string, unknown> | undefined)?.customfield_10016).toBe(5);
  });

  test('GET search/jql (searchForIssuesUsingJqlEnhancedSearch) takes the same query', async () => {
    const page = checked('GET', '/rest/api/3/search/jql', await bob.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql: 'parent = CS-3', fields: ['summary'] }));
    expect(page.issues?.map((i) => i.key)).toEqual(['CS-4', 'CS-5']);
  });

  test('approximate count (countIssues), as each user may see', async () => {
    const jql = 'statusCategory != Done AND summary ~ crm';
    expect(checked('POST', '/rest/api/3/search/approximate-count', await alice.issueSearch.countIssues({ jql }))).toEqual({ count: 7 });
    expect(checked('POST', '/rest/api/3/search/approximate-count', await bob.issueSearch.countIssues({ jql }))).toEqual({ count: 4 });
  });

  test('a JQL error is an HttpException with Jira\'s 400 body', async () => {
    const error = await alice.issueSearch.countIssues({ jql: 'statusCategory = Finished' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpException);
    expect((error as HttpException).status).toBe(400);
    // jira.js keeps the answer's body in `response.data`.
    const body = ((error as HttpException).response as { data?: unknown }).data;
    expect(checked('POST', '/rest/api/3/search/approximate-count', body, 400)).toEqual({
      errorMessages: ["The value 'Finished' does not exist for the field 'statusCategory'."],
      warningMessages: [],
    });
  });

  test('bulk fetch and get issue', async () => {
    const bulk = checked('POST', '/rest/api/3/issue/bulkfetch', await bob.issues.bulkFetchIssues({ issueIdsOrKeys: ['CS-2', 'SECRET-1'], fields: FIELDS }));
    expect(bulk.issues?.map((i) => i.key)).toEqual(['CS-2']);
    const issue = checked('GET', '/rest/api/3/issue/CS-10', await bob.issues.getIssue({ issueIdOrKey: 'CS-10' }));
    expect(issue.fields.resolution?.name).toBe('Fixed');
    expect(issue.fields.priority?.name).toBe('Medium');
  });

  test('fields: the story point field carries the real jsw-story-points schema; Epic Link its gh-epic-link type', async () => {
    const fields = checked('GET', '/rest/api/3/field', await bob.issueFields.getFields());
    expect(fields.find((f) => f.id === 'customfield_10016')?.schema).toEqual({ type: 'number', custom: 'com.pyxis.greenhopper.jira:jsw-story-points', customId: 10016 });
    expect(fields.find((f) => f.id === 'customfield_10014')?.schema).toEqual({ type: 'any', custom: 'com.pyxis.greenhopper.jira:gh-epic-link', customId: 10014 });
  });

  test('resolutions: the site list, defaults first, then those issues use', async () => {
    const resolutions = checked('GET', '/rest/api/3/resolution', await bob.issueResolutions.getResolutions());
    expect(resolutions.map((r) => r.name)).toEqual(['Done', "Won't Do", 'Duplicate', 'Cannot Reproduce', 'Declined', 'Fixed']);
  });

  test('statuses through jira.js\'s own zod validation (status.search)', async () => {
    const page = await bob.status.search({ maxResults: 50 });
    checked('GET', '/rest/api/3/statuses/search', page);
    expect(page.values.map((s) => [s.name, s.statusCategory])).toEqual(
      expect.arrayContaining([['To Do', 'TODO'], ['In Progress', 'IN_PROGRESS'], ['Done', 'DONE'], ['Closed', 'DONE'], ['In Review', 'IN_PROGRESS']]),
    );
    const done = await bob.status.search({ statusCategory: 'DONE' });
    expect(done.values.every((s) => s.statusCategory === 'DONE')).toBe(true);
  });

  test('issue properties: set, list, get, delete; a user who may not edit is refused', async () => {
    const value = { krs: ['KR-CRM'], at: '2026-11-15' };
    await alice.issueProperties.setIssueProperty({ issueIdOrKey: 'CS-2', propertyKey: 'harmony-okr', propertyValue: value });
    expect(checked('GET', '/rest/api/3/issue/CS-2/properties', await bob.issueProperties.getIssuePropertyKeys({ issueIdOrKey: 'CS-2' })).keys?.map((k) => k.key)).toEqual(['harmony-okr']);
    const got = checked('GET', '/rest/api/3/issue/CS-2/properties/harmony-okr', await bob.issueProperties.getIssueProperty({ issueIdOrKey: 'CS-2', propertyKey: 'harmony-okr' }));
    expect(got).toEqual({ key: 'harmony-okr', value });
    const refused = await bob.issueProperties.setIssueProperty({ issueIdOrKey: 'CS-2', propertyKey: 'harmony-okr', propertyValue: {} }).catch((e: unknown) => e);
    expect((refused as HttpException).status).toBe(403);
    await alice.issueProperties.deleteIssueProperty({ issueIdOrKey: 'CS-2', propertyKey: 'harmony-okr' });
    const gone = await bob.issueProperties.getIssueProperty({ issueIdOrKey: 'CS-2', propertyKey: 'harmony-okr' }).catch((e: unknown) => e);
    expect((gone as HttpException).status).toBe(404);
  });

  test('mypermissions: EDIT_ISSUES and BROWSE_PROJECTS per issue, ADMINISTER globally', async () => {
    const mine = async (client: Version3Client, issueKey?: string) =>
      (checked('GET', '/rest/api/3/mypermissions', await client.permissions.getMyPermissions({ permissions: 'BROWSE_PROJECTS,EDIT_ISSUES,ADMINISTER', issueKey })).permissions ?? {}) as Record<
        string,
        { havePermission?: boolean } | undefined
      >;
    const a = await mine(alice, 'SECRET-1');
    expect([a.BROWSE_PROJECTS?.havePermission, a.EDIT_ISSUES?.havePermission, a.ADMINISTER?.havePermission]).toEqual([true, true, true]);
    const b = await mine(bob, 'CS-2');
    expect([b.BROWSE_PROJECTS?.havePermission, b.EDIT_ISSUES?.havePermission, b.ADMINISTER?.havePermission]).toEqual([true, false, false]);
    const hidden = await bob.permissions.getMyPermissions({ permissions: 'EDIT_ISSUES', issueKey: 'SECRET-1' }).catch((e: unknown) => e);
    expect((hidden as HttpException).status).toBe(404);
  });
});
