import { describe, expect, it } from 'vitest';
import { AdoRateLimitError, DEFAULT_RETRY_POLICY, withRateLimitRetry } from '../../../src/trackers/ado/rate-limit-retry';
import { retryAfterMs } from '../../../src/trackers/http/retry-after';
import { AdoHttpError } from '../../../src/trackers/ado/wit-client';

/** A sleep that only records how long it was asked to wait. */
function recordInto(waits: number[]): (ms: number) => Promise<void> {
  return (ms) => {
    waits.push(ms);
    return Promise.resolve();
  };
}

function throttledThen<T>(failures: number, value: T, retryAfterMs?: number): { call: () => Promise<T>; calls: () => number } {
  let calls = 0;
  return {
    call: () => {
      calls++;
      return calls <= failures ? Promise.reject(new AdoHttpError(429, 'throttled', retryAfterMs)) : Promise.resolve(value);
    },
    calls: () => calls,
  };
}

describe('429 handling', () => {
  it('waits exactly what Retry-After says, then succeeds', async () => {
    const waits: number[] = [];
    const op = throttledThen(2, 'ok', 3000);
    const attempts: number[] = [];
    const result = await withRateLimitRetry('a read', op.call, { ...DEFAULT_RETRY_POLICY, sleep: recordInto(waits) }, (a) => attempts.push(a));
    expect(result).toBe('ok');
    expect(waits).toEqual([3000, 3000]);
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('gives up after maxRetries with a clear error', async () => {
    const op = throttledThen(99, 'never', 1000);
    const error = await withRateLimitRetry('a batch read', op.call, { ...DEFAULT_RETRY_POLICY, maxRetries: 2, sleep: async () => {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdoRateLimitError);
    expect((error as Error).message).toMatch(/HTTP 429\) for a batch read: gave up after 3 attempt\(s\); it asked to wait 1 s more/);
    expect(op.calls()).toBe(3);
  });

  it('does not block on a wait longer than maxWaitMs', async () => {
    const waits: number[] = [];
    const op = throttledThen(1, 'ok', 120_000);
    await expect(withRateLimitRetry('a query', op.call, { ...DEFAULT_RETRY_POLICY, sleep: recordInto(waits) })).rejects.toThrow(/asked to wait 120 s/);
    expect(waits).toEqual([]);
    expect(op.calls()).toBe(1);
  });

  it('backs off exponentially when no Retry-After came', async () => {
    const waits: number[] = [];
    await withRateLimitRetry('x', throttledThen(3, 1).call, { ...DEFAULT_RETRY_POLICY, fallbackWaitMs: 500, sleep: recordInto(waits) });
    expect(waits).toEqual([500, 1000, 2000]);
  });

  it('does not retry other failures', async () => {
    let calls = 0;
    const call = () => {
      calls++;
      return Promise.reject(new AdoHttpError(400, 'VS403474'));
    };
    await expect(withRateLimitRetry('x', call, { ...DEFAULT_RETRY_POLICY, sleep: async () => {} })).rejects.toThrow('VS403474');
    expect(calls).toBe(1);
  });
});

describe('Retry-After', () => {
  it('reads delay-seconds and HTTP dates', () => {
    expect(retryAfterMs('5')).toBe(5000);
    expect(retryAfterMs(' 0.5 ')).toBe(500);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});
