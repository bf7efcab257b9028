// The `harmony-okr` issue property: `{ "keyResults": ["KR-CRM", ...] }` on every issue in a KR's
// scope, indexed by the manifest's jira:entityProperty so that JQL finds the issues that
// contribute to a KR (`issue.property[harmony-okr].keyResults = "KR-CRM"`). Anyone who can
// browse an issue can read its properties, so the value holds KR ids only: never a title, never
// a progress figure. Written as the app (the triggers' asApp request).
import { parseRef, type WorkItemRef } from '../../core/model/work-item';
import { RateLimitedError } from '../../core/model/errors';
import { JiraError, jiraErrorDetails } from '../../trackers/jira/errors';
import type { JiraRequest, JiraRequestInit } from '../../trackers/jira/request';
import { retryAfterMs } from '../../trackers/http/retry-after';

export const PROPERTY_KEY = 'harmony-okr';

export interface IssueProperty {
  keyResults: string[];
}

const KEY = /^[A-Z][A-Z0-9_]*-[1-9]\d*$/;
const MAX_RETRIES = 4;

export interface PropertyWriterOptions {
  sleep: (ms: number) => Promise<void>;
  /** Longest `Retry-After` honoured; longer fails the write (the dirty mark stays for later). */
  maxDelayMs?: number;
}

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
  for (let attempt = 0; ; attempt++) {
    const response = await request(path, init);
    const text = await response.text();
    if (response.status >= 200 && response.status < 300) return true;
    if (response.status === 404) return false;
    if (response.status !== 429) throw new JiraError(`Jira answered ${response.status} for ${label}`, response.status, label, jiraErrorDetails(text));
    const wait = retryAfterMs(response.headers.get('Retry-After')) ?? 1000 * 2 ** attempt;
    if (attempt >= MAX_RETRIES || wait > (options.maxDelayMs ?? 30_000)) {
      throw new RateLimitedError(`Jira is rate limiting ${label}`, { attempts: attempt + 1, retryAfterMs: wait });
    }
    await options.sleep(wait);
  }
}
