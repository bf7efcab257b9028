// Bounded retries for throttled calls (429). Azure DevOps asks callers to wait `Retry-After`
// seconds; we wait exactly that, at most `maxRetries` times and never longer than `maxWaitMs` in
// one go, then fail with a message a person can act on. Other errors are not retried here:
// a 400 or 404 will not change by asking again.
import { AdoHttpError } from './wit-client';

export interface RetryPolicy {
  /** Attempts after the first. */
  maxRetries: number;
  /** A single wait longer than this is not worth blocking on: give up at once. */
  maxWaitMs: number;
  /** The wait when a 429 carries no readable `Retry-After`, doubled on each retry. */
  fallbackWaitMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 3,
  maxWaitMs: 30_000,
  fallbackWaitMs: 1_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class AdoRateLimitError extends Error {
  readonly code = 'rate-limited';
  constructor(
    readonly operation: string,
    readonly attempts: number,
    readonly retryAfterMs: number | undefined,
  ) {
    const wait = retryAfterMs === undefined ? '' : `; it asked to wait ${Math.ceil(retryAfterMs / 1000)} s more`;
    super(
      `Azure DevOps is throttling requests (HTTP 429) for ${operation}: gave up after ${attempts} attempt(s)${wait}. ` +
        'Try again in a few minutes, or reduce how much is read at once.',
    );
    this.name = 'AdoRateLimitError';
  }
}

/** Runs `call` (one HTTP request per attempt); `onAttempt` sees every attempt, for request counts. */
export async function withRateLimitRetry<T>(
  operation: string,
  call: () => Promise<T>,
  policy: RetryPolicy,
  onAttempt: (attempt: number) => void = () => {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    onAttempt(attempt);
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof AdoHttpError) || error.status !== 429) throw error;
      const wait = error.retryAfterMs ?? policy.fallbackWaitMs * 2 ** (attempt - 1);
      if (attempt > policy.maxRetries || wait > policy.maxWaitMs) {
        throw new AdoRateLimitError(operation, attempt, error.retryAfterMs);
      }
      await policy.sleep(wait);
    }
  }
}
