// Azure DevOps' use of the one retry policy (src/core/model/retry-policy.ts): a 429 is retried,
// waiting the `Retry-After` the service sent (the browser SDK hides headers: then the doubling
// backoff); other errors are not retried here: a 400 or 404 will not change by asking again.
import { timerSleep, withRetry, type RetryPolicy } from '../../core/model/retry-policy';
import { AdoHttpError } from './wit-client';

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  maxDelayMs: 30_000,
  baseDelayMs: 1_000,
  sleep: timerSleep,
};

/** Runs `call` (one HTTP request per attempt); `onAttempt` sees every attempt, for request counts. */
export function withRateLimitRetry<T>(
  operation: string,
  call: () => Promise<T>,
  policy: RetryPolicy,
  onAttempt: (attempt: number) => void = () => {},
): Promise<T> {
  return withRetry(call, policy, {
    throttled: (error) => (error instanceof AdoHttpError && error.status === 429 ? { retryAfterMs: error.retryAfterMs } : undefined),
    message: ({ attempts, retryAfterMs }) => {
      const wait = retryAfterMs === undefined ? '' : `; it asked to wait ${Math.ceil(retryAfterMs / 1000)} s more`;
      return (
        `Azure DevOps is throttling requests (HTTP 429) for ${operation}: gave up after ${attempts} attempt(s)${wait}. ` +
        'Try again in a few minutes, or reduce how much is read at once.'
      );
    },
    onAttempt,
  });
}
