// Failures of a measure's query that are the query's fault, not the network's: the person who
// wrote it can fix them, so they carry the tracker's own words (SPEC §8 "as Jira words them").

/** The tracker refused the query (a syntax error, an unknown field or project, ...). */
export class QueryRefusedError extends Error {
  readonly code = 'query-refused';
  constructor(
    /** The tracker's messages, verbatim. */
    readonly messages: readonly string[],
    readonly query: string,
  ) {
    super(messages.join('; '));
    this.name = 'QueryRefusedError';
  }
}

/**
 * The query matches more items than the tracker returns (Azure DevOps WIQL: 20,000, VS402337).
 * Counting only the first ones would record a wrong value, so the run fails instead.
 */
export class TooManyResultsError extends Error {
  readonly code = 'too-many-results';
  constructor(readonly limit: number, readonly query: string, trackerMessage?: string) {
    super(
      `the query matches more than ${limit.toLocaleString('en-US')} items, the most the tracker returns; narrow it (for example by area path, type or date)${trackerMessage ? ` (${trackerMessage})` : ''}`,
    );
    this.name = 'TooManyResultsError';
  }
}
