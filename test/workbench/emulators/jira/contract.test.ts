// Every endpoint of the Jira emulator, answered in the shapes of Jira Cloud's published OpenAPI
// (`call` validates each answer; these tests make sure each kind of answer is produced).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { JiraEmulator, type RunningEmulator } from '../../../../src/workbench/emulators/jira';
import { assertIssueFields, jiraContract } from '../../../contracts/jira-contract';
import { describeErrors } from '../../../contracts/openapi';
import { ALICE, BOB, siteDataset } from './fixtures';
import { call } from './http';

let emulator: JiraEmulator;
let running: RunningEmulator;

beforeAll(async () => {
  emulator = new JiraEmulator(siteDataset());
  running = await emulator.start({ port: 0 });
});
afterAll(() => running.close());

const ALL_FIELDS = ['summary', 'issuetype', 'status', 'resolution', 'parent', 'project', 'description', 'customfield_10016'];

describe('Jira emulator answers in the published shapes', () => {
  test('POST /rest/api/3/search/jql with fields: SearchAndReconcileResults with IssueBeans', async () => {
    const res = await call<{ issues: { key: string; fields: Record<string, unknown> }[]; isLast: boolean }>(
      running.url, 'POST', '/rest/api/3/search/jql',
      { user: ALICE, body: { jql: 'project = CS OR project = SECRET ORDER BY key', fields: ALL_FIELDS, maxResults: 100 } },
    );
    expect(res.status).toBe(200);
    expect(res.body.isLast).toBe(true);
    expect(res.body.issues.map((i) => i.key)).toContain('SECRET-1');
    const fields = res.body.issues.find((i) => i.key === 'CS-4')?.fields ?? {};
    expect(Object.keys(fields).sort()).toEqual([...ALL_FIELDS].sort());
    expect(fields.parent).toMatchObject({ key: 'CS-3', fields: { summary: 'Migrate customer contacts' } });
  });

  test('POST /rest/api/3/search/jql without fields returns ids only, as documented', async () => {
    const res = await call<{ issues: Record<string, unknown>[] }>(running.url, 'POST', '/rest/api/3/search/jql', {
      user: BOB,
      body: { jql: 'key = CS-2' },
    });
    expect(res.body.issues).toEqual([{ id: expect.stringMatching(/^\d+$/) as unknown }]);
  });

  test('GET /rest/api/3/search/jql takes the same query in its query string', async () => {
    const res = await call<{ issues: { key: string }[] }>(
      running.url, 'GET', '/rest/api/3/search/jql?jql=parent%20%3D%20CS-3&fields=summary&fields=status',
      { user: BOB },
    );
    expect(res.body.issues.map((i) => i.key)).toEqual(['CS-4', 'CS-5']);
  });

  test('POST /rest/api/3/issue/bulkfetch: BulkIssueResults, issueErrors included', async () => {
    emulator.faults.failInBulkFetch(['CS-3']);
    const res = await call<{ issues: { key: string; id: string }[]; issueErrors: { id: string; errorMessage: string }[] }>(
      running.url, 'POST', '/rest/api/3/issue/bulkfetch',
      { user: BOB, body: { issueIdsOrKeys: ['CS-11', 'cs-2', 'CS-3', 'CS-404', 'SECRET-1'], fields: ALL_FIELDS, fieldsByKeys: false } },
    );
    expect(res.status).toBe(200);
    expect(res.body.issues.map((i) => i.key)).toEqual(['CS-2', 'CS-11']);
    expect(Number(res.body.issues[0]?.id)).toBeLessThan(Number(res.body.issues[1]?.id));
    expect(res.body.issueErrors).toEqual([{ id: expect.any(String) as unknown, errorMessage: expect.stringMatching(/retry/i) as unknown }]);
  });

  test('GET /rest/api/3/issue/{key}: an IssueBean with all fields by default', async () => {
    const res = await call<{ key: string; fields: Record<string, unknown> }>(running.url, 'GET', '/rest/api/3/issue/CS-10', { user: BOB });
    expect(res.status).toBe(200);
    expect(res.body.fields).toMatchObject({ resolution: { name: 'Fixed' }, status: { name: 'Closed', statusCategory: { key: 'done' } } });
    const some = await call<{ fields: Record<string, unknown> }>(running.url, 'GET', '/rest/api/3/issue/CS-10?fields=summary,customfield_10016', { user: BOB });
    expect(some.body.fields).toEqual({ summary: 'Set up outreach automation', customfield_10016: 8 });
  });

  test('GET /rest/api/3/field lists FieldDetails, the story point field among them', async () => {
    const res = await call<{ id: string; name: string; schema?: { type: string } }[]>(running.url, 'GET', '/rest/api/3/field', { user: BOB });
    expect(res.body).toContainEqual(expect.objectContaining({ id: 'customfield_10016', name: 'Story point estimate', schema: expect.objectContaining({ type: 'number' }) as unknown }));
    expect(res.body.map((f) => f.id)).toEqual(expect.arrayContaining(['summary', 'status', 'parent', 'customfield_10026']));
  });

  test('GET /rest/api/3/myself: the User the credentials belong to', async () => {
    const res = await call<{ emailAddress: string; displayName: string }>(running.url, 'GET', '/rest/api/3/myself', { user: BOB });
    expect(res.body).toMatchObject({ emailAddress: BOB.email, displayName: 'Bob Builder' });
  });

  test('errors come as ErrorCollection: bad JQL 400, unknown issue 404, bad credentials 401, old search 410', async () => {
    const bad = await call<{ errorMessages: string[] }>(running.url, 'POST', '/rest/api/3/search/jql', { user: BOB, body: { jql: 'assignee = currentUser()' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errorMessages[0]).toMatch(/assignee/);
    const missing = await call<{ errorMessages: string[] }>(running.url, 'GET', '/rest/api/3/issue/CS-999', { user: BOB });
    expect(missing.status).toBe(404);
    expect(missing.body.errorMessages).toEqual(['Issue does not exist or you do not have permission to see it.']);
    const anonymous = await call(running.url, 'GET', '/rest/api/3/myself', { user: { email: BOB.email, apiToken: 'wrong' } });
    expect(anonymous.status).toBe(401);
    for (const method of ['GET', 'POST'] as const) {
      const gone = await call<{ errorMessages: string[] }>(running.url, method, '/rest/api/3/search', { user: BOB, checkRequest: false, ...(method === 'POST' ? { body: { jql: 'project = CS' } } : {}) });
      expect(gone.status).toBe(410);
      expect(gone.body.errorMessages[0]).toMatch(/search\/jql/);
    }
  });

  test('POST /rest/api/3/search/approximate-count: JQLCountResultsBean; a bad or unbounded JQL is a 400', async () => {
    const res = await call<{ count: number }>(running.url, 'POST', '/rest/api/3/search/approximate-count', { user: BOB, body: { jql: 'parent = CS-3' } });
    expect(res).toMatchObject({ status: 200, body: { count: 2 } });
    const bad = await call<{ errorMessages: string[] }>(running.url, 'POST', '/rest/api/3/search/approximate-count', { user: BOB, body: { jql: '' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errorMessages[0]).toMatch(/Unbounded/);
    const extra = await call(running.url, 'POST', '/rest/api/3/search/approximate-count', { user: BOB, body: { jql: 'key = CS-1', maxResults: 1 }, checkRequest: false });
    expect(extra.status).toBe(400);
  });

  test('GET /rest/api/3/resolution and /rest/api/3/status: Resolution and StatusDetails lists', async () => {
    const resolutions = await call<{ name: string }[]>(running.url, 'GET', '/rest/api/3/resolution', { user: BOB });
    expect(resolutions.body.map((r) => r.name)).toEqual(['Done', "Won't Do", 'Duplicate', 'Cannot Reproduce', 'Declined', 'Fixed']);
    const statuses = await call<{ name: string; statusCategory: { key: string } }[]>(running.url, 'GET', '/rest/api/3/status', { user: BOB });
    expect(statuses.body.map((s) => [s.name, s.statusCategory.key])).toEqual(
      expect.arrayContaining([['To Do', 'new'], ['Closed', 'done'], ['Legacy', 'undefined'], ['In Review', 'indeterminate']]),
    );
  });

  test('GET /rest/api/3/statuses/search: PageOfStatuses', async () => {
    const res = await call<{ values: { name: string }[]; total: number }>(running.url, 'GET', '/rest/api/3/statuses/search?searchString=in&maxResults=1', { user: BOB });
    expect(res.status).toBe(200);
    expect(res.body.values).toHaveLength(1);
    expect(res.body.total).toBe(2);
  });

  test('GET /rest/api/3/mypermissions: Permissions; 400 without permissions, 404 for an issue out of sight', async () => {
    const res = await call<{ permissions: Record<string, { havePermission: boolean }> }>(running.url, 'GET', '/rest/api/3/mypermissions?permissions=EDIT_ISSUES&issueKey=CS-2', { user: BOB });
    expect(res.body.permissions.EDIT_ISSUES?.havePermission).toBe(true);
    expect((await call(running.url, 'GET', '/rest/api/3/mypermissions', { user: BOB })).status).toBe(400);
    expect((await call(running.url, 'GET', '/rest/api/3/mypermissions?permissions=NOT_A_PERMISSION', { user: BOB })).status).toBe(400);
    expect((await call(running.url, 'GET', '/rest/api/3/mypermissions?permissions=EDIT_ISSUES&issueKey=SECRET-1', { user: BOB })).status).toBe(404);
  });

  test('issue properties: PUT 201 then 200, GET EntityProperty, GET PropertyKeys, DELETE 204, then 404', async () => {
    const path = '/rest/api/3/issue/CS-5/properties/harmony-okr';
    expect((await call(running.url, 'PUT', path, { user: BOB, body: { krs: ['KR-1'] } })).status).toBe(201);
    expect((await call(running.url, 'PUT', path, { user: BOB, body: { krs: ['KR-2'] } })).status).toBe(200);
    expect((await call(running.url, 'GET', path, { user: BOB })).body).toEqual({ key: 'harmony-okr', value: { krs: ['KR-2'] } });
    const keys = await call<{ keys: { key: string; self: string }[] }>(running.url, 'GET', '/rest/api/3/issue/CS-5/properties', { user: BOB });
    expect(keys.body.keys.map((k) => k.key)).toEqual(['harmony-okr']);
    expect((await call(running.url, 'DELETE', path, { user: BOB })).status).toBe(204);
    expect((await call(running.url, 'GET', path, { user: BOB })).status).toBe(404);
    expect((await call(running.url, 'GET', '/rest/api/3/issue/SECRET-1/properties', { user: BOB })).status).toBe(404);
    expect((await call(running.url, 'PUT', path, { user: BOB, body: { big: 'x'.repeat(40_000) } })).status).toBe(400);
  });

  test('issues list their visible sub-tasks in `subtasks`, as LinkedIssues', async () => {
    const res = await call<{ fields: { subtasks: { key: string; fields: Record<string, unknown> }[] } }>(running.url, 'GET', '/rest/api/3/issue/CS-3?fields=subtasks', { user: BOB });
    expect(res.body.fields.subtasks.map((s) => s.key)).toEqual(['CS-4', 'CS-5']);
    expect(Object.keys(res.body.fields.subtasks[0]?.fields ?? {}).sort()).toEqual(['issuetype', 'priority', 'status', 'summary']);
    const epic = await call<{ fields: { subtasks: unknown[] } }>(running.url, 'GET', '/rest/api/3/issue/CS-1?fields=subtasks', { user: BOB });
    expect(epic.body.fields.subtasks).toEqual([]);
  });

  test('a malformed percent-escape in an issue path is a 400, not a 500', async () => {
    const res = await call<{ errorMessages: string[] }>(running.url, 'GET', '/rest/api/3/issue/CS-%E0%A4%A', { user: BOB });
    expect(res.status).toBe(400);
  });

  test('the checks are not vacuous: invented properties are caught', () => {
    const validate = jiraContract().responseBody('post', '/rest/api/3/issue/bulkfetch', 200);
    expect(validate?.({ issues: [], issueErrors: [], expand: 'names' })).toBe(false);
    expect(describeErrors(validate?.errors)).toEqual(['/ must NOT have additional properties (expand)']);
    expect(() =>
      assertIssueFields({ key: 'CS-1', fields: { issuetype: { name: 'Story', colour: 'not in the schema' } } }, 'probe'),
    ).toThrow(/additional properties \(colour\)/);
    expect(() => assertIssueFields({ key: 'CS-1', fields: { resolution: null, status: { statusCategory: { id: 'x' } } } }, 'probe')).toThrow(
      /statusCategory\/id must be integer/,
    );
  });
});
