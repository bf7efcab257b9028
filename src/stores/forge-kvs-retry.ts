// Forge storage answers 429 (RATE_LIMIT_EXCEEDED; transactions document TOO_MANY_REQUESTS) when
// an installation goes over its per-minute budget. A throttled request was not applied, so it is
// safe to send again. We retry a few times and then give up with a clear error: a resolver has
// 25 s in all, and a user waiting on a panel is better told to try again than kept waiting.
//
// The wait: `@forge/kvs` turns the response into a ForgeKvsAPIError that keeps the body's fields
// (in `context`) but not the headers, so a Retry-After header never reaches us. When the body
// carries a hint (`retryAfter`, seconds) we wait that long; otherwise we back off exponentially
// with full jitter, as Atlassian's guide on storage limits recommends.
import { ForgeKvsAPIError } from '@forge/kvs';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** Backoff base: the n-th retry waits up to base · 2^(n-1), at random. */
  baseDelayMs: number;
  /** No single wait is longer, whatever the hint says. */
  maxDelayMs: number;
  /** Waits of one call add up to at most this; past it we give up at once. */
  maxTotalDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
  maxTotalDelayMs: 8_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** Forge storage kept refusing: the caller should try again later. */
export class StoreRateLimitedError extends Error {
  readonly code = 'store-rate-limited';
  readonly status = 429;
  constructor(readonly attempts: number, readonly waitedMs: number, options?: { cause?: unknown }) {
    super(`Forge storage is rate limiting this app (429) and still refused after ${attempts} tries over ${(waitedMs / 1000).toFixed(1)} s; try again in a minute`, options);
    this.name = 'StoreRateLimitedError';
  }
}

export function isRateLimited(error: unknown): error is ForgeKvsAPIError {
  return error instanceof ForgeKvsAPIError && (error.responseDetails.status === 429 || error.code === 'RATE_LIMIT_EXCEEDED' || error.code === 'TOO_MANY_REQUESTS');
}

/** The wait the error asks for, in ms, when its body says (`retryAfter` in seconds). */
export function retryHintMs(error: ForgeKvsAPIError): number | undefined {
  const hint: unknown = error.context.retryAfter;
  const seconds = typeof hint === 'number' ? hint : typeof hint === 'string' ? Number(hint) : Number.NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

export async function withRetry<T>(run: () => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Promise<T> {
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isRateLimited(error)) throw error;
      const backoff = policy.random() * policy.baseDelayMs * 2 ** (attempt - 1);
      const delay = Math.min(retryHintMs(error) ?? backoff, policy.maxDelayMs);
      if (attempt >= policy.attempts || waited + delay > policy.maxTotalDelayMs) throw new StoreRateLimitedError(attempt, waited, { cause: error });
      waited += delay;
      await policy.sleep(delay);
    }
  }
}
