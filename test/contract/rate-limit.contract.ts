// The one retry policy, held to the same behaviour at each of its call sites (Jira's client, the
// Azure DevOps source, the Forge storage store, the Forge triggers' issue-property writer): a
// throttled answer is waited out as the service asks (Retry-After as seconds or as an HTTP
// date), else with the doubling backoff (also when the
// value is missing, negative or unreadable); too many tries, a wait longer than allowed or a spent
// budget give up with RateLimitedError, which the app reports as `rate-limited`. Sleeps are
// recorded, never taken, and the clock is faked where an HTTP date needs "now".
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { toApiError } from '../../src/app/errors';
import { RateLimitedError } from '../../src/core/model/errors';
import type { RetryPolicy } from '../../src/core/model/retry-policy';

export interface ThrottledService {
  /**
   * The next `count` calls are answered 429 with this Retry-After (the service's own way of
   * saying it: a header for Jira and Azure DevOps, the error body's hint for Forge storage), or
   * with none when undefined; later calls succeed.
   */
  throttle(count: number, retryAfter: string | undefined): void;
  /** One operation through the adapter, under `policy`. */
  call(policy: Partial<RetryPolicy>): Promise<unknown>;
  /** Requests the adapter has sent to the throttled endpoint since the last `reset`. */
  requests(): number;
  reset(): void;
  cleanup(): Promise<void>;
}

/** A fixed "now" on a whole second, so an HTTP date means an exact wait. */
const NOW = Date.parse('2026-11-22T10:00:00Z');

export function rateLimitContract(start: () => Promise<ThrottledService>): void {
  let service: ThrottledService;
  let sleeps: number[];
  const policy = (overrides: Partial<RetryPolicy> = {}): Partial<RetryPolicy> => ({
    maxAttempts: 4,
    baseDelayMs: 1_000,
    maxDelayMs: 30_000,
    maxTotalDelayMs: undefined,
    // Half of each backoff wait, to show the jitter applies alike everywhere.
    random: () => 0.5,
    sleep: (ms) => Promise.resolve(void sleeps.push(ms)),
    ...overrides,
  });

  beforeAll(async () => {
    service = await start();
  });
  afterAll(async () => {
    await service.cleanup();
  });
  beforeEach(() => {
    sleeps = [];
    service.reset();
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function failure(p: Promise<unknown>): Promise<RateLimitedError> {
    const error = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RateLimitedError);
    return error as RateLimitedError;
  }

  it('waits the seconds Retry-After names, then succeeds', async () => {
    service.throttle(2, '7');
    await service.call(policy());
    expect(sleeps).toEqual([7_000, 7_000]);
    expect(service.requests()).toBe(3);
  });

  it('waits until the HTTP date Retry-After names', async () => {
    service.throttle(1, new Date(NOW + 5_000).toUTCString());
    await service.call(policy());
    expect(sleeps).toEqual([5_000]);
  });

  it('backs off, doubling (with jitter), when Retry-After is missing', async () => {
    service.throttle(3, undefined);
    await service.call(policy());
    expect(sleeps).toEqual([500, 1_000, 2_000]);
  });

  it('backs off when Retry-After is negative or unreadable, rather than retrying at once', async () => {
    service.throttle(1, '-3');
    await service.call(policy());
    service.throttle(1, 'soon');
    await service.call(policy());
    expect(sleeps).toEqual([500, 500]);
  });

  it('caps a backoff wait at maxDelayMs', async () => {
    service.throttle(3, undefined);
    await service.call(policy({ maxDelayMs: 800 }));
    expect(sleeps).toEqual([500, 800, 800]);
  });

  it('gives up after maxAttempts with RateLimitedError, reported as rate-limited', async () => {
    service.throttle(100, '1');
    const error = await failure(service.call(policy({ maxAttempts: 3 })));
    expect(sleeps).toEqual([1_000, 1_000]);
    expect(service.requests()).toBe(3);
    expect(error).toMatchObject({ code: 'rate-limited', status: 429, attempts: 3, retryAfterMs: 1_000 });
    expect(error.message).toMatch(/rate limiting|throttling/i);
    expect(toApiError(error).code).toBe('rate-limited');
  });

  it('does not wait for a Retry-After longer than maxDelayMs: it gives up at once', async () => {
    service.throttle(1, '120');
    const error = await failure(service.call(policy({ maxDelayMs: 20_000 })));
    expect(sleeps).toEqual([]);
    expect(service.requests()).toBe(1);
    expect(error.retryAfterMs).toBe(120_000);
  });

  it('gives up when the next wait would pass maxTotalDelayMs', async () => {
    service.throttle(100, '1');
    await failure(service.call(policy({ maxAttempts: 10, maxTotalDelayMs: 2_500 })));
    expect(sleeps).toEqual([1_000, 1_000]);
    expect(service.requests()).toBe(3);
  });
}
