// Forge stops a resolver after 25 s and a product-event trigger after 25 s (scheduled triggers:
// `timeoutSeconds`). Work that would run past the limit is lost with the whole answer, so each
// invocation sets itself a deadline a safety margin before the platform's, and Jira calls made
// after it fail fast with a "not now" error: the panel then falls back to the stored snapshot
// (src/app/stale-evaluation.ts treats status 0 as "tracker unavailable") and a trigger leaves
// the rest of its work marked dirty for the next run.
import { JiraError } from '../trackers/jira/errors';
import type { JiraRequest } from '../trackers/jira/request';

/** How long the invocation has left, as the runtime says (`getAppContext().invocationRemainingTimeInMillis`). */
export type RemainingTime = () => number;

export class Deadline {
  private readonly at: number;

  constructor(
    remaining: number,
    private readonly now: () => number = Date.now,
  ) {
    this.at = now() + Math.max(0, remaining);
  }

  /** A deadline `marginMs` before the end of the invocation. */
  static before(end: RemainingTime, marginMs: number, now: () => number = Date.now): Deadline {
    return new Deadline(end() - marginMs, now);
  }

  remainingMs(): number {
    return Math.max(0, this.at - this.now());
  }

  get passed(): boolean {
    return this.now() >= this.at;
  }
}

/** A Jira call that could not be made, or not finished, before the invocation's deadline. */
export class DeadlineError extends JiraError {
  override readonly code = 'jira-deadline';
  constructor(request: string) {
    // Status 0: "Jira did not answer", which the app's stale fallback treats as unavailable.
    super(`Jira did not answer ${request} before this invocation's time ran out`, 0, request);
    this.name = 'DeadlineError';
  }
}

/**
 * Refuses requests once the deadline has passed and abandons one still in flight when it comes.
 * The abandoned exchange is not awaited: its answer would arrive after Forge has ended us anyway.
 */
export function withDeadline(inner: JiraRequest, deadline: Deadline): JiraRequest {
  return async (path, init) => {
    const label = `${init.method} ${path}`;
    if (deadline.passed) throw new DeadlineError(label);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expiry = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DeadlineError(label)), deadline.remainingMs());
    });
    try {
      return await Promise.race([inner(path, init), expiry]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** A sleep for the adapter's 429 back-off that refuses to wait past the deadline. */
export function deadlineSleep(deadline: Deadline): (ms: number) => Promise<void> {
  return (ms) => {
    if (ms >= deadline.remainingMs()) return Promise.reject(new DeadlineError(`a ${Math.round(ms)} ms wait Jira asked for`));
    return new Promise((resolve) => setTimeout(resolve, ms));
  };
}
