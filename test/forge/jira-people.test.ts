// Owners on Jira (issue 10 §1): people found through Jira's user search and named through its
// bulk user lookup, as the viewer, against the Jira emulator, whose answers to both operations
// are held to the published contract (findUsers: User[]; bulkGetUsers: PageBeanUser).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jiraPeople } from '../../src/forge/jira-people';
import { fetchJiraRequest } from '../../src/trackers/jira/fetch-request';
import type { JiraRequest } from '../../src/trackers/jira/request';
import { JiraEmulator, type RunningEmulator } from '../../src/workbench/emulators/jira';
import { ALICE, siteDataset } from '../workbench/emulators/jira/fixtures';
import { call } from '../workbench/emulators/jira/http';

let running: RunningEmulator;
let asAlice: JiraRequest;
const paths: string[] = [];

beforeAll(async () => {
  running = await new JiraEmulator(siteDataset()).start({ port: 0 });
  const request = fetchJiraRequest(running.url, ALICE);
  asAlice = (path, init) => {
    paths.push(path);
    return request(path, init);
  };
});
afterAll(() => running.close());

describe('jiraPeople', () => {
  it('finds people by the start of a name or e-mail, and stores the accountId', async () => {
    const found = await jiraPeople(asAlice).search('bob', 5);
    expect(found).toEqual([{ id: '5b10a2844c20165700ede21b', name: 'Bob Builder', detail: 'bob@rain.town' }]);
    expect(await jiraPeople(asAlice).search('', 5)).toEqual([]);
    expect(paths).toContain('/rest/api/3/user/search?query=bob&maxResults=5');
  });

  it('names stored owners in one bulk lookup, leaving out ids Jira does not know', async () => {
    paths.length = 0;
    const people = await jiraPeople(asAlice).resolve(['5b10a2844c20165700ede21a', 'gone']);
    expect(people.map((p) => p.name)).toEqual(['Alice Admin']);
    expect(paths).toEqual(['/rest/api/3/user/bulk?maxResults=100&accountId=5b10a2844c20165700ede21a&accountId=gone']);
  });

  it('the emulator answers both operations in the published shapes', async () => {
    // `call` validates each answer against the vendored OpenAPI before returning it.
    const search = await call<unknown[]>(running.url, 'GET', '/rest/api/3/user/search?query=ali', { user: ALICE });
    expect(search.status).toBe(200);
    expect(search.body).toHaveLength(1);
    const bulk = await call<{ values: unknown[] }>(running.url, 'GET', '/rest/api/3/user/bulk?accountId=5b10a2844c20165700ede21b', { user: ALICE });
    expect(bulk.body.values).toHaveLength(1);
    // Jira wants something to search for.
    expect((await call(running.url, 'GET', '/rest/api/3/user/search', { user: ALICE })).status).toBe(400);
  });

  it('a refused lookup is an error the app reports as forbidden, never an empty answer', async () => {
    const refusing: JiraRequest = () => Promise.resolve({ status: 403, headers: { get: () => null }, json: () => Promise.resolve({}), text: () => Promise.resolve('') });
    await expect(jiraPeople(refusing).search('bob', 5)).rejects.toMatchObject({ status: 403 });
  });
});
