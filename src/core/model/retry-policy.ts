// One retry policy for every adapter that talks to a rate-limited service (Jira Cloud, Azure
// DevOps, Forge storage): a throttled call is tried again a bounded number of times, waiting what
// the service asked for (Retry-After), else backing off exponentially; a wait longer than the
// caller may spend, or too many tries, gives up with one typed error (RateLimitedError). Pure:
// time passes only through the injected `sleep`, so tests record waits instead of taking them.
import { RateLimitedError } from './errors';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  maxAttempts: number;
  /**
   * Longest single wait. A service asking for longer is not waited for (we give up at once: the
   * caller is better told now); backoff waits are capped to it.
   */
  maxDelayMs: number;
  /** The first backoff wait when the service names none; it doubles on each further retry. */
  baseDelayMs: number;
  /** The waits of one call add up to at most this (a resolver's 25 s); unbounded when absent. */
  maxTotalDelayMs?: number;
  /** Full jitter: each backoff wait is scaled by `random()` in [0, 1). Exact backoff when absent. */
  random?: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** How a throttled answer reads: the wait the service asked for, when it named a usable one. */
export interface Throttle {
  retryAfterMs?: number;
}

export interface GiveUp {
  attempts: number;
  /** The last wait the service asked for, when it named a usable one. */
  retryAfterMs?: number;
  waitedMs: number;
  /** The service asked for a wait longer than `maxDelayMs` (rather than: tries or budget ran out). */
  waitTooLong: boolean;
  /** The last throttled failure. */
  cause: unknown;
}

export interface RetryHooks {
  /** A rate-limit failure and what it asks for, or undefined for any other failure (rethrown at once). */
  throttled: (error: unknown) => Throttle | undefined;
  /** The message of the RateLimitedError thrown on giving up, in the service's own terms. */
  message: (reason: GiveUp) => string;
  /** Sees each attempt (1 for the first) before it is made: request counting. */
  onAttempt?: (attempt: number) => void;
  /** Sees each wait before it is taken, after attempt `attempt` was throttled. */
  onRetry?: (attempt: number, delayMs: number) => void;
}

/** A timer-based sleep, the default outside tests. */
export const timerSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The service's wait when usable: a finite number of ms, not negative (else we back off). */
function usableWait(ms: number | undefined): number | undefined {
  return ms !== undefined && Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

/** Runs `call` until it succeeds, fails otherwise than throttled, or the policy gives up. */
export async function withRetry<T>(call: (attempt: number) => Promise<T>, policy: RetryPolicy, hooks: RetryHooks): Promise<T> {
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    hooks.onAttempt?.(attempt);
    try {
      return await call(attempt);
    } catch (error) {
      const throttle = hooks.throttled(error);
      if (!throttle) throw error;
      const asked = usableWait(throttle.retryAfterMs);
      const backoff = Math.min(policy.baseDelayMs * 2 ** (attempt - 1) * (policy.random?.() ?? 1), policy.maxDelayMs);
      const delay = asked ?? backoff;
      const waitTooLong = asked !== undefined && asked > policy.maxDelayMs;
      const overBudget = policy.maxTotalDelayMs !== undefined && waited + delay > policy.maxTotalDelayMs;
      if (attempt >= policy.maxAttempts || waitTooLong || overBudget) {
        const reason: GiveUp = { attempts: attempt, waitedMs: waited, waitTooLong, cause: error, ...(asked !== undefined ? { retryAfterMs: asked } : {}) };
        throw new RateLimitedError(hooks.message(reason), { attempts: attempt, waitedMs: waited, ...(asked !== undefined ? { retryAfterMs: asked } : {}) }, { cause: error });
      }
      hooks.onRetry?.(attempt, delay);
      await policy.sleep(delay);
      waited += delay;
    }
  }
}
