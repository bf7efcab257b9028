// Forge storage answers 429 (RATE_LIMIT_EXCEEDED; transactions document TOO_MANY_REQUESTS) when
// an installation goes over its per-minute budget. A throttled request was not applied, so it is
// safe to send again. We retry a few times and then give up with a clear error: a resolver has
// 25 s in all, and a user waiting on a panel is better told to try again than kept waiting.
//
// The wait: `@forge/kvs` turns the response into a ForgeKvsAPIError that keeps the body's fields
// (in `context`) but not the headers, so a Retry-After header never reaches us. When the body
// carries a hint (`retryAfter`, seconds) we wait that long; otherwise we back off exponentially
// with full jitter, as Atlassian's guide on storage limits recommends. The loop, its bounds and
// the error on giving up (RateLimitedError) are the one retry policy every adapter shares.
import { ForgeKvsAPIError } from '@forge/kvs';
import { retryAfterMs } from '../core/model/retry-after';
import { timerSleep, withRetry as retry, type RetryPolicy } from '../core/model/retry-policy';

export type { RetryPolicy } from '../core/model/retry-policy';

/** Four tries with jittered backoff from 250 ms, no single wait over 4 s, at most 8 s in all. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
  maxTotalDelayMs: 8_000,
  sleep: timerSleep,
  random: Math.random,
};

export function isRateLimited(error: unknown): error is ForgeKvsAPIError {
  return error instanceof ForgeKvsAPIError && (error.responseDetails.status === 429 || error.code === 'RATE_LIMIT_EXCEEDED' || error.code === 'TOO_MANY_REQUESTS');
}

/** The wait the error asks for, in ms, when its body says (`retryAfter`: seconds, or a Retry-After value). */
export function retryHintMs(error: ForgeKvsAPIError): number | undefined {
  const hint: unknown = error.context.retryAfter;
  if (typeof hint === 'number') return Number.isFinite(hint) && hint >= 0 ? hint * 1000 : undefined;
  return typeof hint === 'string' ? retryAfterMs(hint) : undefined;
}

export function withRetry<T>(run: () => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Promise<T> {
  return retry(run, policy, {
    throttled: (error) => (isRateLimited(error) ? { retryAfterMs: retryHintMs(error) } : undefined),
    message: ({ attempts, waitedMs }) =>
      `Forge storage is rate limiting this app (429) and still refused after ${attempts} tries over ${(waitedMs / 1000).toFixed(1)} s; try again in a minute`,
  });
}
