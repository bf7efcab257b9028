// Azure DevOps' use of the one retry policy: only a 429 is retried, every attempt is counted, and
// giving up says what happened in Azure DevOps' terms. (Waits, bounds and the error type are the
// shared rate-limit contract's: test/contract/rate-limit.test.ts.)
import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../../src/core/model/errors';
import { DEFAULT_RETRY_POLICY, withRateLimitRetry } from '../../../src/trackers/ado/rate-limit-retry';
import { AdoHttpError } from '../../../src/trackers/ado/wit-client';

const noSleep = { ...DEFAULT_RETRY_POLICY, sleep: () => Promise.resolve() };

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

describe('Azure DevOps 429 handling', () => {
  it('reports every attempt, retries included', async () => {
    const attempts: number[] = [];
    expect(await withRateLimitRetry('a read', throttledThen(2, 'ok', 3000).call, noSleep, (a) => attempts.push(a))).toBe('ok');
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('gives up with RateLimitedError in Azure DevOps terms', async () => {
    const op = throttledThen(99, 'never', 1000);
    const error = await withRateLimitRetry('a batch read', op.call, { ...noSleep, maxAttempts: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as Error).message).toMatch(/HTTP 429\) for a batch read: gave up after 3 attempt\(s\); it asked to wait 1 s more\. Try again in a few minutes/);
    expect(op.calls()).toBe(3);
    const tooLong = await withRateLimitRetry('a query', throttledThen(1, 'x', 120_000).call, noSleep).catch((e: unknown) => e);
    expect((tooLong as Error).message).toMatch(/gave up after 1 attempt\(s\); it asked to wait 120 s more/);
  });

  it('does not retry other failures', async () => {
    let calls = 0;
    const call = () => {
      calls++;
      return Promise.reject(new AdoHttpError(400, 'VS403474'));
    };
    await expect(withRateLimitRetry('x', call, noSleep)).rejects.toThrow('VS403474');
    expect(calls).toBe(1);
  });
});
