// 429 handling: Retry-After honoured, retries bounded, then a clear error; waits injected.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { RateLimitedError } from '../../../src/core/model/errors';
import { JiraClient, type JiraRequest } from '../../../src/trackers/jira';
import { retryAfterMs } from '../../../src/trackers/http/retry-after';
import { BOB, siteDataset } from '../../workbench/emulators/jira/fixtures';
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

describe('429 from the emulator over HTTP', () => {
  test('waits exactly what Retry-After says, then succeeds; retries are counted as requests', async () => {
    const { source, sleeps, events } = viewer(site, BOB);
    site.emulator.faults.rateLimitNext(2, 7);
    const { items } = await source.getItems(['jira:CS-2']);
    expect(items.map((i) => i.ref)).toEqual(['jira:CS-2']);
    expect(sleeps).toEqual([7000, 7000]);
    expect(source.requestCount).toBe(3);
    expect(events.map((e) => [e.status, e.attempt, e.retryInMs])).toEqual([
      [429, 0, 7000],
      [429, 1, 7000],
      [200, 2, undefined],
    ]);
  });

  test('retries are bounded: after maxAttempts it gives up with a RateLimitedError', async () => {
    const { source, sleeps } = viewer(site, BOB, { retry: { maxAttempts: 4 } });
    site.emulator.faults.rateLimitNext(100, 1);
    const error = await source.getDescendants(['jira:CS-1']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 1000, code: 'rate-limited' });
    expect((error as Error).message).toMatch(/still 429 after 4 attempts; try again later/);
    expect(sleeps).toEqual([1000, 1000, 1000]);
    expect(site.emulator.requests).toHaveLength(4);
  });

  test('a Retry-After longer than we may wait fails at once instead of blocking', async () => {
    const { source, sleeps } = viewer(site, BOB, { retry: { maxDelayMs: 20_000 } });
    site.emulator.faults.rateLimitNext(1, 3600);
    await expect(source.search('crm', 5)).rejects.toThrow(/asks to wait 3600 s, longer than the 20 s allowed/);
    expect(sleeps).toEqual([]);
    expect(site.emulator.requests).toHaveLength(1);
  });
});

describe('429 shapes the emulator does not produce', () => {
  function scripted(answers: { status: number; retryAfter?: string }[]): { request: JiraRequest; calls: () => number } {
    let n = 0;
    const request: JiraRequest = () => {
      const a = answers[Math.min(n++, answers.length - 1)] ?? { status: 200 };
      const body = a.status === 200 ? '{"ok":true}' : '{"errorMessages":["busy"]}';
      return Promise.resolve({
        status: a.status,
        headers: { get: (name: string) => (name.toLowerCase() === 'retry-after' ? (a.retryAfter ?? null) : null) },
        text: () => Promise.resolve(body),
        json: () => Promise.resolve(JSON.parse(body) as unknown),
      });
    };
    return { request, calls: () => n };
  }

  test('without Retry-After the wait doubles from the fallback, capped', async () => {
    const sleeps: number[] = [];
    const { request } = scripted([{ status: 429 }, { status: 429 }, { status: 429 }, { status: 200 }]);
    const client = new JiraClient(request, {
      retry: { baseDelayMs: 500, maxDelayMs: 1500, sleep: (ms) => Promise.resolve(void sleeps.push(ms)) },
    });
    expect(await client.get('/rest/api/3/myself')).toEqual({ ok: true });
    expect(sleeps).toEqual([500, 1000, 1500]);
  });

  test('503 is retried only when it carries Retry-After', async () => {
    const sleeps: number[] = [];
    const sleep = (ms: number) => Promise.resolve(void sleeps.push(ms));
    const withHint = scripted([{ status: 503, retryAfter: '2' }, { status: 200 }]);
    expect(await new JiraClient(withHint.request, { retry: { sleep } }).get('/x')).toEqual({ ok: true });
    expect(sleeps).toEqual([2000]);
    const outage = scripted([{ status: 503 }]);
    await expect(new JiraClient(outage.request, { retry: { sleep } }).get('/x')).rejects.toThrow(/Jira answered 503 for GET \/x: busy/);
    expect(outage.calls()).toBe(1);
  });

  test('Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(retryAfterMs('5', now)).toBe(5000);
    expect(retryAfterMs('0.5', now)).toBe(500);
    expect(retryAfterMs('Sun, 22 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});
