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
