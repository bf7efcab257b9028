// Counts the Jira exchanges one invocation makes, so the figures the issue asks for (requests per
// panel, per event) are measured where they happen, retries included, whichever adapter asked.
import type { JiraRequest } from '../trackers/jira/request';

export interface RequestMeter {
  readonly request: JiraRequest;
  /** Exchanges made so far. */
  readonly count: number;
}

export function meter(inner: JiraRequest): RequestMeter {
  let count = 0;
  return {
    request: async (path, init) => {
      count++;
      return inner(path, init);
    },
    get count() {
      return count;
    },
  };
}
