// The Jira emulator's paging, permissions, fault injection, mutations, request log and dataset
// checks. Its answers are validated against the published contract by `call`.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { JiraEmulator, type RunningEmulator } from '../../../../src/workbench/emulators/jira';
import { ALICE, BOB, epicDataset, siteDataset } from './fixtures';
import { call } from './http';

interface Page {
  issues: { id: string; key?: string; fields?: Record<string, unknown> }[];
  nextPageToken?: string;
  isLast: boolean;
}

let emulator: JiraEmulator;
let running: RunningEmulator;
const CAROL = { email: 'carol@rain.town', apiToken: 'carol-token' };

beforeAll(async () => {
  emulator = new JiraEmulator(epicDataset(20, 24));
  running = await emulator.start();
});
afterAll(() => running.close());
afterEach(() => emulator.faults.reset());

function search(body: Record<string, unknown>, user = CAROL): Promise<{ status: number; body: Page }> {
  return call<Page>(running.url, 'POST', '/rest/api/3/search/jql', { user, body });
}

describe('paging with nextPageToken', () => {
  test('pages of fields stop at 100 however large maxResults is; isLast and the token say when to stop', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    for (;;) {
      const res = await search({ jql: 'project = BIG', fields: ['summary'], maxResults: 5000, ...(token ? { nextPageToken: token } : {}) });
      pages++;
      expect(res.body.issues.length).toBeLessThanOrEqual(100);
      seen.push(...res.body.issues.map((i) => i.key ?? ''));
      if (res.body.isLast) {
        expect(res.body.nextPageToken).toBeUndefined();
        break;
      }
      expect(res.body.issues).toHaveLength(100);
      token = res.body.nextPageToken;
      expect(token).toEqual(expect.any(String));
    }
    expect(pages).toBe(6);
    expect(new Set(seen).size).toBe(501);
  });

  test('ids only: up to 5000 per page; maxResults defaults to 50', async () => {
    expect((await search({ jql: 'project = BIG', maxResults: 5000 })).body).toMatchObject({ isLast: true });
    expect((await search({ jql: 'project = BIG', maxResults: 5000 })).body.issues).toHaveLength(501);
    const byDefault = await search({ jql: 'project = BIG', fields: ['summary'] });
    expect(byDefault.body.issues).toHaveLength(50);
    expect(byDefault.body.isLast).toBe(false);
  });

  test('a token works only for the query that produced it; a forged one is refused', async () => {
    const first = await search({ jql: 'project = BIG', fields: ['summary'], maxResults: 10 });
    const other = await search({ jql: 'parent = BIG-1', fields: ['summary'], nextPageToken: first.body.nextPageToken });
    expect(other.status).toBe(400);
    const forged = await search({ jql: 'project = BIG', nextPageToken: 'bm9wZQ' });
    expect(forged.status).toBe(400);
  });

  test('forcePageSize makes page boundaries appear on small results', async () => {
    emulator.faults.forcePageSize(7);
    const res = await search({ jql: 'parent = BIG-1', fields: ['summary'], maxResults: 100 });
    expect(res.body.issues).toHaveLength(7);
    expect(res.body.isLast).toBe(false);
  });

  test('request bodies are closed as in the contract: unknown properties and bad types are refused', async () => {
    const startAt = await call<{ errorMessages: string[] }>(running.url, 'POST', '/rest/api/3/search/jql', {
      user: CAROL,
      body: { jql: 'project = BIG', startAt: 0 },
      checkRequest: false,
    });
    expect(startAt.status).toBe(400);
    expect(startAt.body.errorMessages[0]).toMatch(/Invalid request payload/);
    expect((await search({ jql: 'project = BIG', maxResults: 0 })).status).toBe(400);
    const garbled = await call(running.url, 'POST', '/rest/api/3/search/jql', { user: CAROL, rawBody: '{"jql": ' });
    expect(garbled.status).toBe(400);
  });
});

describe('bulk fetch limits', () => {
  test('at most 100 ids or keys, at least one', async () => {
    const keys = Array.from({ length: 101 }, (_, i) => `BIG-${i + 1}`);
    const tooMany = await call(running.url, 'POST', '/rest/api/3/issue/bulkfetch', { user: CAROL, body: { issueIdsOrKeys: keys } });
    expect(tooMany.status).toBe(400);
    const none = await call(running.url, 'POST', '/rest/api/3/issue/bulkfetch', { user: CAROL, body: { issueIdsOrKeys: [] } });
    expect(none.status).toBe(400);
    const hundred = await call<{ issues: unknown[] }>(running.url, 'POST', '/rest/api/3/issue/bulkfetch', {
      user: CAROL,
      body: { issueIdsOrKeys: keys.slice(0, 100), fields: ['summary'] },
    });
    expect(hundred.body.issues).toHaveLength(100);
  });

  test('ids and keys can be mixed; each issue comes back once', async () => {
    const one = await call<{ issues: { id: string; key: string }[] }>(running.url, 'POST', '/rest/api/3/issue/bulkfetch', {
      user: CAROL,
      body: { issueIdsOrKeys: ['BIG-1'], fields: ['summary'] },
    });
    const id = one.body.issues[0]?.id ?? '';
    const both = await call<{ issues: { key: string }[] }>(running.url, 'POST', '/rest/api/3/issue/bulkfetch', {
      user: CAROL,
      body: { issueIdsOrKeys: [id, 'BIG-1', 'big-2'], fields: ['summary'] },
    });
    expect(both.body.issues.map((i) => i.key)).toEqual(['BIG-1', 'BIG-2']);
  });
});

describe('faults and the request log', () => {
  test('rateLimitNext answers 429 with Retry-After the next N times, then serves normally', async () => {
    emulator.clearRequests();
    emulator.faults.rateLimitNext(2, 3);
    for (let i = 0; i < 2; i++) {
      const res = await call(running.url, 'GET', '/rest/api/3/myself', { user: CAROL });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('3');
      expect(res.headers.get('x-ratelimit-reset')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
    }
    expect((await call(running.url, 'GET', '/rest/api/3/myself', { user: CAROL })).status).toBe(200);
    expect(emulator.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', '/rest/api/3/myself', 429],
      ['GET', '/rest/api/3/myself', 429],
      ['GET', '/rest/api/3/myself', 200],
    ]);
    expect(emulator.requests[2]?.user).toBe(CAROL.email);
  });

  test('the log keeps bodies and query strings', async () => {
    emulator.clearRequests();
    await search({ jql: 'key = BIG-1', fields: ['summary'] });
    await call(running.url, 'GET', '/rest/api/3/issue/BIG-1?fields=summary', { user: CAROL });
    expect(emulator.requests[0]?.body).toEqual({ jql: 'key = BIG-1', fields: ['summary'] });
    expect(emulator.requests[1]?.query).toBe('fields=summary');
  });
});

describe('permissions: a user sees only the projects they may browse', () => {
  let site: JiraEmulator;
  let siteRunning: RunningEmulator;
  beforeAll(async () => {
    site = new JiraEmulator(siteDataset());
    siteRunning = await site.start();
  });
  afterAll(() => siteRunning.close());

  test('invisible issues are absent from searches, bulk fetches and issue reads, exactly like missing ones', async () => {
    const asBob = (jql: string) =>
      call<Page>(siteRunning.url, 'POST', '/rest/api/3/search/jql', { user: BOB, body: { jql, fields: ['summary'] } });
    expect((await asBob('key in (SECRET-1, SECRET-2)')).body.issues).toEqual([]);
    expect((await asBob('parent = CS-1')).body.issues.map((i) => i.key)).not.toContain('SECRET-1');
    expect((await asBob('summary ~ secret')).body.issues).toEqual([]);
    expect((await asBob('parent = SECRET-2')).body.issues).toEqual([]);
    const project = await call<{ errorMessages: string[] }>(siteRunning.url, 'POST', '/rest/api/3/search/jql', {
      user: BOB,
      body: { jql: 'project = SECRET' },
    });
    expect(project.status).toBe(400);
    expect(project.body.errorMessages).toEqual(["The value 'SECRET' does not exist for the field 'project'."]);
    const bulk = await call<{ issues: unknown[]; issueErrors: unknown[] }>(siteRunning.url, 'POST', '/rest/api/3/issue/bulkfetch', {
      user: BOB,
      body: { issueIdsOrKeys: ['SECRET-1'] },
    });
    expect(bulk.body).toEqual({ issues: [], issueErrors: [] });
    expect((await call(siteRunning.url, 'GET', '/rest/api/3/issue/SECRET-1', { user: BOB })).status).toBe(404);
  });

  test('the same requests show the issues to a user who may browse the project', async () => {
    const res = await call<Page>(siteRunning.url, 'POST', '/rest/api/3/search/jql', {
      user: ALICE,
      body: { jql: 'parent = CS-1 OR project = SECRET', fields: ['summary'] },
    });
    expect(res.body.issues.map((i) => i.key)).toEqual(expect.arrayContaining(['SECRET-1', 'SECRET-2']));
  });

  test("a visible child of an invisible parent names the parent's key but not its summary", async () => {
    const res = await call<{ fields: { parent: Record<string, unknown> } }>(siteRunning.url, 'GET', '/rest/api/3/issue/CS-15?fields=parent', { user: BOB });
    expect(res.body.fields.parent).toEqual({ id: expect.any(String) as unknown, key: 'SECRET-2', self: expect.any(String) as unknown });
    expect(JSON.stringify(res.body)).not.toMatch(/acquisition/i);
  });
});

describe('mutations', () => {
  let site: JiraEmulator;
  let siteRunning: RunningEmulator;
  beforeAll(async () => {
    site = new JiraEmulator(siteDataset());
    siteRunning = await site.start();
  });
  afterAll(() => siteRunning.close());

  const statusOf = async (key: string) =>
    (await call<{ fields: { status: { statusCategory: { key: string } }; resolution: { name: string } | null } }>(
      siteRunning.url, 'GET', `/rest/api/3/issue/${key}?fields=status,resolution`, { user: ALICE },
    )).body.fields;

  test('moving an issue to Done shows in the next read', async () => {
    expect(await statusOf('CS-5')).toMatchObject({ status: { statusCategory: { key: 'new' } }, resolution: null });
    site.updateIssue('CS-5', { statusCategory: 'done', statusName: 'Done', resolution: 'Done' });
    expect(await statusOf('CS-5')).toMatchObject({ status: { statusCategory: { key: 'done' } }, resolution: { name: 'Done' } });
    expect(site.getIssue('CS-5')).toMatchObject({ statusCategory: 'done', resolution: 'Done' });
  });

  test('adding and deleting issues; deleting a parent deletes its sub-tasks', async () => {
    site.addIssue({ key: 'CS-16', summary: 'New work', issuetype: 'Story', statusCategory: 'new', parent: 'CS-1' });
    expect((await call(siteRunning.url, 'GET', '/rest/api/3/issue/CS-16', { user: BOB })).status).toBe(200);
    site.deleteIssue('CS-3');
    for (const key of ['CS-3', 'CS-4', 'CS-5']) {
      expect((await call(siteRunning.url, 'GET', `/rest/api/3/issue/${key}`, { user: ALICE })).status).toBe(404);
    }
  });

  test('mutations that would break the data are refused', () => {
    expect(() => site.addIssue({ key: 'CS-1', summary: 'dup', issuetype: 'Story', statusCategory: 'new' })).toThrow(/listed twice/);
    expect(() => site.addIssue({ key: 'NOPE-1', summary: 'x', issuetype: 'Story', statusCategory: 'new' })).toThrow(/project NOPE/);
    expect(() => site.updateIssue('CS-1', { parent: 'CS-2' })).toThrow(/loop/);
    expect(() => site.updateIssue('CS-404', { summary: 'x' })).toThrow(/no issue/);
  });
});

describe('dataset checks', () => {
  test('every problem of a broken dataset is listed at once', () => {
    expect(
      () =>
        new JiraEmulator({
          projects: [{ key: 'A', name: 'A' }],
          users: [{ accountId: '1', displayName: 'x', email: 'x@y', apiToken: 't', projects: ['B'] }],
          issues: [
            { key: 'A-1', summary: 'one', issuetype: 'Story', statusCategory: 'new', parent: 'A-2' },
            { key: 'A-2', summary: 'two', issuetype: 'Story', statusCategory: 'new', parent: 'A-1' },
            { key: 'C-1', summary: 'three', issuetype: 'Story', statusCategory: 'new', parent: 'A-9' },
          ],
        }),
    ).toThrow(/unknown project B[\s\S]*project C is not in the dataset[\s\S]*parent A-9 is not an issue[\s\S]*A-1: its parent chain loops/);
  });
});
