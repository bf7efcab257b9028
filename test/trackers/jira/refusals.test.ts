// Issue 8, finding 11: a 2 MB search text reached Jira, which answered 413; the adapter called
// that an internal error (500 on the API) and the next call failed too. And `Retry-After: -5`
// was read as a date in the past, so the client retried at once.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toApiError } from '../../../src/app/errors';
import { searchWorkItems } from '../../../src/app/search-work-items';
import { retryAfterMs } from '../../../src/trackers/http/retry-after';
import { JiraClient, JiraError, type JiraRequest } from '../../../src/trackers/jira';
import { BOB, siteDataset } from '../../workbench/emulators/jira/fixtures';
import { startSite, viewer, type Site } from './harness';

let site: Site;
beforeAll(async () => {
  site = await startSite(siteDataset());
});
afterAll(() => site.running.close());

describe('a request Jira refuses for its size or content', () => {
  test('a 2 MB search text: Jira says 413, the API says invalid input (400) with the reason, and the next call works', async () => {
    const { source } = viewer(site, BOB);
    const huge = 'tea '.repeat(512 * 1024);
    const error = await source.search(huge, 5).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraError);
    expect(error).toMatchObject({ status: 413 });
    expect(toApiError(error)).toEqual({
      code: 'invalid-input',
      message: expect.stringMatching(/^Jira refused the request as too large \(413\).*POST \/rest\/api\/3\/search\/jql/) as unknown,
    });
    const after = await source.search('crm vendor', 5);
    expect(after.map((i) => i.ref)).toEqual(['jira:CS-2']);
  });

  test('a 400 for bad JQL is invalid input too, carrying Jira\'s words; 401, 403 and 404 keep their meanings', async () => {
    const answer = (status: number): JiraRequest => () =>
      Promise.resolve({
        status,
        headers: { get: () => null },
        text: () => Promise.resolve('{"errorMessages":["Field \'parnt\' does not exist or you do not have permission to view it."],"warningMessages":[]}'),
        json: () => Promise.resolve({}),
      });
    const bad = await new JiraClient(answer(400)).post('/rest/api/3/search/jql', { jql: 'parnt = A-1' }).catch((e: unknown) => e);
    expect(toApiError(bad)).toEqual({ code: 'invalid-input', message: expect.stringContaining("Field 'parnt' does not exist") as unknown });
    const codes = await Promise.all(
      [401, 403, 404, 410, 422, 500].map((s) => new JiraClient(answer(s)).get('/x').catch((e: unknown) => toApiError(e).code)),
    );
    expect(codes).toEqual(['forbidden', 'forbidden', 'internal', 'internal', 'invalid-input', 'internal']);
  });

  test('searchWorkItems refuses a text over 200 characters before anything reaches a tracker', () => {
    const result = searchWorkItems.input.safeParse({ text: 'x'.repeat(201) });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['text'], message: 'at most 200 characters: type a key, an id or a few words of a title' });
    expect(searchWorkItems.input.safeParse({ text: 'x'.repeat(200) }).success).toBe(true);
  });
});

describe('Retry-After that is neither seconds nor an HTTP date', () => {
  test.each(['-5', '-0.5', '1e3', 'soon', '5 seconds', '2026-11-22', '12 13'])('%j is unreadable', (value) => {
    expect(retryAfterMs(value, Date.parse('2026-11-22T10:00:00Z'))).toBeUndefined();
  });

  test('the three HTTP date forms of RFC 9110 are still read', () => {
    const now = Date.parse('1994-11-06T08:49:00Z');
    expect(retryAfterMs('Sun, 06 Nov 1994 08:49:37 GMT', now)).toBe(37_000);
    expect(retryAfterMs('Sunday, 06-Nov-94 08:49:37 GMT', now)).toBe(37_000);
    expect(retryAfterMs('Sun Nov  6 08:49:37 1994', now)).toBe(37_000);
  });

  test('a 429 with Retry-After: -5 waits the default backoff, not zero', async () => {
    const sleeps: number[] = [];
    let n = 0;
    const request: JiraRequest = () => {
      const limited = n++ === 0;
      return Promise.resolve({
        status: limited ? 429 : 200,
        headers: { get: (name: string) => (limited && name.toLowerCase() === 'retry-after' ? '-5' : null) },
        text: () => Promise.resolve(limited ? '' : '{"ok":true}'),
        json: () => Promise.resolve({}),
      });
    };
    const client = new JiraClient(request, { retry: { baseDelayMs: 1_000, sleep: (ms) => Promise.resolve(void sleeps.push(ms)) } });
    expect(await client.get('/rest/api/3/myself')).toEqual({ ok: true });
    expect(sleeps).toEqual([1_000]);
  });
});
