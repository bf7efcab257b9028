// Port: runs one measure's query on a tracker (SPEC §8) and says what it found. An implementation
// reads as the person the host names (the viewer, the CLI's credentials, a measure's owner), so
// the value covers only items that person may browse. Tracker failures are thrown: the query
// refused (QueryRefusedError, in the tracker's own words), more results than the tracker will
// return (TooManyResultsError), rate limits that outlast the retries (RateLimitedError).
import type { Measure, MeasuredValue, MeasureTracker } from '../model/measure';

export type MeasureResult = MeasuredValue & {
  /** Items the query matched. */
  matched: number;
  /** percent: items the `of` query matched. */
  denominator?: number;
  /** HTTP requests the run made, retries included: the cost the bench reports. */
  requests: number;
  /** The tracker's own search for the query (Jira's issue navigator, an ADO query), to explain the value. */
  queryUrl: string;
  /** percent: the same for the `of` query. */
  ofUrl?: string;
};

export interface MeasureRunOptions {
  signal?: AbortSignal;
}

export interface MeasureSource {
  readonly tracker: MeasureTracker;
  /** Runs a validated measure of this source's tracker. */
  run(measure: Measure, options?: MeasureRunOptions): Promise<MeasureResult>;
}
