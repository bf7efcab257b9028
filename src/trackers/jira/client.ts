// One place for what every Jira call needs: JSON in and out, 429 handled by the one retry policy
// (src/core/model/retry-policy.ts: `Retry-After` honoured a bounded number of times), Jira's
// error bodies turned into JiraError, and a count of every HTTP exchange (retries included) so
// benchmarks can say what a screen costs.
import { RateLimitedError } from '../../core/model/errors';
import { retryAfterMs } from '../../core/model/retry-after';
import { timerSleep, withRetry, type RetryPolicy as CoreRetryPolicy } from '../../core/model/retry-policy';
import { JiraError, jiraErrorDetails } from './errors';
import type { JiraMethod, JiraRequest, JiraRequestInit } from './request';
import { JiraRefusedError, isRefusal } from './refused-error';

/** What a Jira client takes: any part of the one retry policy; Jira's defaults fill the rest. */
export type RetryPolicy = Partial<CoreRetryPolicy>;

/** Jira's defaults: five tries, waits of at most 30 s, backoff from 1 s when no `Retry-After` came. */
export const JIRA_RETRY_POLICY: CoreRetryPolicy = { maxAttempts: 5, maxDelayMs: 30_000, baseDelayMs: 1_000, sleep: timerSleep };

export interface JiraRequestEvent {
  method: JiraMethod;
  path: string;
  status: number;
  /** 0 for the first try, 1.. for retries. */
  attempt: number;
  /** The wait before the next attempt, when this answer leads to a retry. */
  retryInMs?: number;
}

export interface JiraClientOptions {
  retry?: RetryPolicy;
  onRequest?: (event: JiraRequestEvent) => void;
}

/** A throttled answer, inside the retry loop only. */
class Throttled extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs: number | undefined,
  ) {
    super(`throttled (${status})`);
  }
}

export class JiraClient {
  private count = 0;
  private readonly policy: CoreRetryPolicy;

  constructor(
    private readonly request: JiraRequest,
    private readonly options: JiraClientOptions = {},
  ) {
    this.policy = { ...JIRA_RETRY_POLICY, ...options.retry };
  }

  /** HTTP exchanges made so far, retries included. */
  get requestCount(): number {
    return this.count;
  }

  get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path, undefined);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('POST', path, body);
  }

  private async send<T>(method: JiraMethod, path: string, body: unknown): Promise<T> {
    const label = `${method} ${path}`;
    const init: JiraRequestInit =
      body === undefined
        ? { method, headers: { Accept: 'application/json' } }
        : { method, body: JSON.stringify(body), headers: { Accept: 'application/json', 'Content-Type': 'application/json' } };
    let lastStatus = 0;
    const attempt = async (n: number): Promise<T> => {
      const response = await this.request(path, init);
      this.count++;
      const { status } = response;
      const waitHeader = response.headers.get('Retry-After');
      // 503 is retried only when Jira says when: a plain 503 is an outage, not a pacing hint.
      if (status !== 429 && !(status === 503 && waitHeader !== null)) {
        this.options.onRequest?.({ method, path, status, attempt: n - 1 });
        const text = await response.text();
        if (status >= 200 && status < 300) return parseJson<T>(text, label, status);
        throw httpError(status, label, text);
      }
      await response.text().catch(() => '');
      lastStatus = status;
      throw new Throttled(status, retryAfterMs(waitHeader));
    };
    try {
      return await withRetry(attempt, this.policy, {
        throttled: (error) => (error instanceof Throttled ? { retryAfterMs: error.retryAfterMs } : undefined),
        onRetry: (n, delay) => this.options.onRequest?.({ method, path, status: lastStatus, attempt: n - 1, retryInMs: delay }),
        message: ({ attempts, retryAfterMs: asked, waitTooLong }) =>
          waitTooLong && asked !== undefined
            ? `Jira is rate limiting ${label} and asks to wait ${asked / 1000} s, longer than the ${this.policy.maxDelayMs / 1000} s allowed here; try again later`
            : `Jira is rate limiting ${label}: still ${lastStatus} after ${attempts} attempts; try again later`,
      });
    } catch (error) {
      if (error instanceof RateLimitedError) this.options.onRequest?.({ method, path, status: lastStatus, attempt: error.attempts - 1 });
      throw error;
    }
  }
}

function parseJson<T>(text: string, label: string, status: number): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new JiraError(`Jira answered ${label} with ${status} but not with JSON`, 0, label, [text.slice(0, 200)]);
  }
}

function httpError(status: number, label: string, body: string): JiraError {
  const details = jiraErrorDetails(body);
  const said = details.length ? `: ${details.join('; ')}` : '';
  if (isRefusal(status)) {
    const what =
      status === 413
        ? 'Jira refused the request as too large (413); ask for less (shorter search text, fewer keys)'
        : `Jira refused the request (${status})`;
    return new JiraRefusedError(`${what} for ${label}${said}`, status, label, details);
  }
  const what =
    status === 401
      ? 'Jira refused the credentials (401); check the account email and API token'
      : status === 403
        ? 'Jira says this account may not do that (403)'
        : status === 404
          ? 'Jira found nothing there (404)'
          : status === 410
            ? 'Jira has removed this API (410)'
            : `Jira answered ${status}`;
  return new JiraError(`${what} for ${label}${said}`, status, label, details);
}
