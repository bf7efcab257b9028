// The `harmony-okr` issue property: `{ "keyResults": ["KR-CRM", ...] }` on every issue in a KR's
// scope, indexed by the manifest's jira:entityProperty so that JQL finds the issues that
// contribute to a KR (`issue.property[harmony-okr].keyResults = "KR-CRM"`). Anyone who can
// browse an issue can read its properties, so the value holds KR ids only: never a title, never
// a progress figure. Written as the app (the triggers' asApp request).
import { parseRef, type WorkItemRef } from '../../core/model/work-item';
import { withRetry, type RetryPolicy } from '../../core/model/retry-policy';
import { JiraError, jiraErrorDetails } from '../../trackers/jira/errors';
import type { JiraRequest, JiraRequestInit } from '../../trackers/jira/request';
import { retryAfterMs } from '../../core/model/retry-after';

export const PROPERTY_KEY = 'harmony-okr';

export interface IssueProperty {
  keyResults: string[];
}

const KEY = /^[A-Z][A-Z0-9_]*-[1-9]\d*$/;

/** The retry policy's parts to change from Jira's bounds; `sleep` is the caller's (its deadline). */
export type PropertyWriterOptions = Partial<RetryPolicy> & Pick<RetryPolicy, 'sleep'>;

/** Jira's bounds: five tries, no single wait over 30 s (longer fails the write; the KR stays marked). */
const PROPERTY_RETRY: Omit<RetryPolicy, 'sleep'> = { maxAttempts: 5, maxDelayMs: 30_000, baseDelayMs: 1_000 };

/**
 * Sets the property to these KRs, or deletes it when there are none. An issue that no longer
 * exists (or that the app may no longer see) answers 404: there is nothing left to label.
 * Returns whether the issue was still there.
 */
export async function writeIssueProperty(request: JiraRequest, ref: WorkItemRef, krs: readonly string[], options: PropertyWriterOptions): Promise<boolean> {
  const parsed = parseRef(ref);
  // Only an issue key goes into the path: a checked `[A-Z][A-Z0-9_]*-N`, nothing a user typed.
  if (parsed?.system !== 'jira' || !KEY.test(parsed.id)) throw new Error(`not a Jira issue ref: ${ref}`);
  const path = `/rest/api/3/issue/${parsed.id}/properties/${PROPERTY_KEY}`;
  const value: IssueProperty = { keyResults: [...new Set(krs)].sort() };
  const init: JiraRequestInit =
    value.keyResults.length > 0
      ? { method: 'PUT', body: JSON.stringify(value), headers: { Accept: 'application/json', 'Content-Type': 'application/json' } }
      : { method: 'DELETE', headers: { Accept: 'application/json' } };
  const label = `${init.method} ${path}`;
  const policy: RetryPolicy = { ...PROPERTY_RETRY, ...options };
  return withRetry(
    async () => {
      const response = await request(path, init);
      const text = await response.text();
      if (response.status >= 200 && response.status < 300) return true;
      if (response.status === 404) return false;
      if (response.status !== 429) throw new JiraError(`Jira answered ${response.status} for ${label}`, response.status, label, jiraErrorDetails(text));
      throw new Throttled(retryAfterMs(response.headers.get('Retry-After')));
    },
    policy,
    {
      throttled: (error) => (error instanceof Throttled ? { retryAfterMs: error.retryAfterMs } : undefined),
      message: ({ attempts }) => `Jira is rate limiting ${label}: still 429 after ${attempts} attempts; the KR stays marked for the next run`,
    },
  );
}

/** A 429 answer, inside the retry loop only. */
class Throttled extends Error {
  constructor(readonly retryAfterMs: number | undefined) {
    super('throttled (429)');
  }
}
