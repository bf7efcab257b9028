// One place for what every Jira call needs: JSON in and out, 429 handled by honouring
// `Retry-After` a bounded number of times, Jira's error bodies turned into JiraError, and a
// count of every HTTP exchange (retries included) so benchmarks can say what a screen costs.
import { JiraError, JiraRateLimitError, jiraErrorDetails } from './errors';
import type { JiraMethod, JiraRequest, JiraRequestInit } from './request';
import { retryAfterMs } from '../http/retry-after';
import { JiraRefusedError, isRefusal } from './refused-error';

export interface RetryPolicy {
  /** Retries after the first attempt; default 4. */
  maxRetries?: number;
  /** Longest single wait we accept; a longer `Retry-After` fails at once. Default 30 s. */
  maxDelayMs?: number;
  /** Wait used when a 429 carries no `Retry-After`, doubled on each retry. Default 1 s. */
  fallbackDelayMs?: number;
  /** Injectable so tests do not wait; default a real timer. */
  sleep?: (ms: number) => Promise<void>;
}

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

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class JiraClient {
  private count = 0;
  private readonly maxRetries: number;
  private readonly maxDelayMs: number;
  private readonly fallbackDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly request: JiraRequest,
    private readonly options: JiraClientOptions = {},
  ) {
    this.maxRetries = options.retry?.maxRetries ?? 4;
    this.maxDelayMs = options.retry?.maxDelayMs ?? 30_000;
    this.fallbackDelayMs = options.retry?.fallbackDelayMs ?? 1_000;
    this.sleep = options.retry?.sleep ?? realSleep;
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
    for (let attempt = 0; ; attempt++) {
      const response = await this.request(path, init);
      this.count++;
      const { status } = response;
      const waitHeader = response.headers.get('Retry-After');
      // 503 is retried only when Jira says when: a plain 503 is an outage, not a pacing hint.
      const retriable = status === 429 || (status === 503 && waitHeader !== null);
      if (!retriable) {
        this.options.onRequest?.({ method, path, status, attempt });
        const text = await response.text();
        if (status >= 200 && status < 300) return parseJson<T>(text, label, status);
        throw httpError(status, label, text);
      }
      await response.text().catch(() => '');
      const asked = retryAfterMs(waitHeader);
      const seconds = asked === undefined ? undefined : asked / 1000;
      if (attempt >= this.maxRetries) {
        this.options.onRequest?.({ method, path, status, attempt });
        throw new JiraRateLimitError(
          `Jira is rate limiting ${label}: still ${status} after ${attempt + 1} attempts; try again later`,
          label,
          seconds,
        );
      }
      if (asked !== undefined && asked > this.maxDelayMs) {
        this.options.onRequest?.({ method, path, status, attempt });
        throw new JiraRateLimitError(
          `Jira is rate limiting ${label} and asks to wait ${seconds} s, longer than the ${this.maxDelayMs / 1000} s allowed here; try again later`,
          label,
          seconds,
        );
      }
      const delay = asked ?? Math.min(this.fallbackDelayMs * 2 ** attempt, this.maxDelayMs);
      this.options.onRequest?.({ method, path, status, attempt, retryInMs: delay });
      await this.sleep(delay);
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
