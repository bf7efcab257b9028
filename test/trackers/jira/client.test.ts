// The HTTP edge of the adapter: Node fetch with basic auth or a ready Authorization header, and
// Jira's error bodies turned into exceptions that say what went wrong.
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fetchJiraRequest, JiraClient, JiraError } from '../../../src/trackers/jira';
import { jiraErrorDetails } from '../../../src/trackers/jira/errors';
import { BOB, siteDataset } from '../../workbench/emulators/jira/fixtures';
import { contractChecked } from './contract-checked-request';
import { startSite, type Site } from './harness';

let site: Site;
beforeAll(async () => {
  site = await startSite(siteDataset());
});
afterAll(() => site.running.close());

describe('fetchJiraRequest', () => {
  test('basic auth from email and API token identifies the user', async () => {
    const client = new JiraClient(contractChecked(fetchJiraRequest(site.running.url, BOB)));
    expect(await client.get('/rest/api/3/myself')).toMatchObject({ emailAddress: BOB.email });
  });

  test('a ready Authorization header is sent as given; a trailing slash on the site is fine', async () => {
    const authorization = `Basic ${Buffer.from(`${BOB.email}:${BOB.apiToken}`).toString('base64')}`;
    const client = new JiraClient(fetchJiraRequest(`${site.running.url}/`, { authorization }));
    expect(await client.get('/rest/api/3/myself')).toMatchObject({ displayName: 'Bob Builder' });
  });

  test('sends JSON with the headers Jira expects', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const fake: typeof fetch = (url, init) => {
      seen.push({ url: url instanceof Request ? url.url : url.toString(), init: init ?? {} });
      return Promise.resolve(new Response('{"issues":[],"issueErrors":[]}', { status: 200 }));
    };
    const client = new JiraClient(fetchJiraRequest('https://rain.atlassian.net', { email: 'e@x', apiToken: 't' }, { fetch: fake }));
    await client.post('/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: ['A-1'] });
    expect(seen[0]?.url).toBe('https://rain.atlassian.net/rest/api/3/issue/bulkfetch');
    expect(seen[0]?.init.headers).toEqual({ Accept: 'application/json', 'Content-Type': 'application/json', Authorization: 'Basic ZUB4OnQ=' });
    expect(seen[0]?.init.body).toBe('{"issueIdsOrKeys":["A-1"]}');
    expect(seen[0]?.init.signal).toBeInstanceOf(AbortSignal);
  });

  test('a silent or unreachable Jira gives a JiraError that says so', async () => {
    const silent: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error)));
    const slow = new JiraClient(fetchJiraRequest('https://rain.atlassian.net', BOB, { fetch: silent, timeoutMs: 50 }));
    await expect(slow.get('/rest/api/3/myself')).rejects.toThrow('Jira did not answer GET /rest/api/3/myself within 0.05 s');
    const port = await closedPort();
    const closed = new JiraClient(fetchJiraRequest(`http://127.0.0.1:${port}`, BOB));
    await expect(closed.get('/rest/api/3/myself')).rejects.toThrow(
      new RegExp(`Could not reach Jira at http://127.0.0.1:${port} for GET /rest/api/3/myself: .*ECONNREFUSED`),
    );
  });

  test('refuses site URLs that are not http(s) and paths that are not absolute', async () => {
    expect(() => fetchJiraRequest('ftp://jira', { email: 'e', apiToken: 't' })).toThrow(/http\(s\)/);
    await expect(fetchJiraRequest(site.running.url, BOB)('rest/api/3/myself', { method: 'GET' })).rejects.toThrow(/must start with/);
  });
});

describe('Jira errors', () => {
  const client = () => new JiraClient(contractChecked(fetchJiraRequest(site.running.url, BOB)));

  test("a JQL error carries Jira's own message", async () => {
    const error = await client()
      .post('/rest/api/3/search/jql', { jql: 'project = SECRET' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraError);
    expect(error).toMatchObject({ status: 400, details: ["The value 'SECRET' does not exist for the field 'project'."] });
    expect((error as Error).message).toBe(
      "Jira refused the request (400) for POST /rest/api/3/search/jql: The value 'SECRET' does not exist for the field 'project'.",
    );
  });

  test('the removed search API says so (410)', async () => {
    await expect(new JiraClient(fetchJiraRequest(site.running.url, BOB)).get('/rest/api/3/search?jql=project%3DCS')).rejects.toThrow(
      /Jira has removed this API \(410\) for GET \/rest\/api\/3\/search.*search\/jql/,
    );
  });

  test('a 404 and a 200 that is not JSON', async () => {
    await expect(client().get('/rest/api/3/issue/CS-404')).rejects.toThrow(/found nothing there \(404\).*Issue does not exist/);
    const html = new JiraClient(() =>
      Promise.resolve({ status: 200, headers: { get: () => null }, text: () => Promise.resolve('<html>login</html>'), json: () => Promise.reject(new Error('no')) }),
    );
    await expect(html.get('/rest/api/3/myself')).rejects.toThrow(/not with JSON/);
  });

  test('error bodies: errorMessages and per-field errors, or plain text', () => {
    expect(jiraErrorDetails('{"errorMessages":["one"],"errors":{"jql":"two"}}')).toEqual(['one', 'jql: two']);
    expect(jiraErrorDetails('Client must be authenticated to access this resource.')).toEqual(['Client must be authenticated to access this resource.']);
    expect(jiraErrorDetails('{"message":"Forbidden"}')).toEqual(['Forbidden']);
    expect(jiraErrorDetails('')).toEqual([]);
  });
});

/** A local port nothing listens on any more. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
