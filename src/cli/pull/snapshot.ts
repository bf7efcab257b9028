// What a tracker fetch hands back to `okr pull`: the live items, the refs that came back empty,
// and what it cost.
import type { WorkItem, WorkItemRef } from '../../core';

export interface Snapshot {
  /** The linked items the credentials may see and all their visible descendants, each once. */
  items: WorkItem[];
  /** Linked refs that do not exist or that the credentials may not see (trackers do not say which). */
  missing: WorkItemRef[];
  /** HTTP requests made, retries included. */
  requests: number;
  /** The requests by kind, for the summary line. */
  requestDetail?: string;
}
