// MeasureSource over Jira Cloud (SPEC §8), reading as whoever the injected request speaks for.
// Counting pages through ids-only searches (`POST /rest/api/3/search/jql`, up to 5,000 ids a
// page) rather than `search/approximate-count`: one request up to 5,000 matches either way, and
// the value is then exact, the same number the issue navigator link shows, and computed the same
// way as sums and averages. Sums and averages page the same search with only the field asked
// for (Jira gives at most 100 issues a page once a field is asked for).
// The JQL a person wrote is parsed with Atlassian's grammar first, so a syntax error costs no
// request; anything Jira itself refuses comes back in Jira's own words as QueryRefusedError.
import { measureSpec, measuredValue, ESTIMATE_FIELD, type Measure, type MeasureTally } from '../../../core/model/measure';
import { QueryRefusedError } from '../../../core/model/measure-errors';
import type { MeasureResult, MeasureSource } from '../../../core/ports/measure-source';
import { JiraClient, type JiraClientOptions } from '../client';
import { JiraRefusedError } from '../refused-error';
import type { JiraRequest } from '../request';
import { checkJql } from '../jql-check';
import { discoverStoryPointFields } from '../story-points';
import { searchPages } from './search-pages';

/** Ids per page of an ids-only search (Jira's documented maximum). */
export const ID_PAGE_SIZE = 5000;
/** Issues per page once fields are asked for (Jira caps such pages at 100). */
export const FIELD_PAGE_SIZE = 100;

export interface JiraMeasureOptions extends JiraClientOptions {
  request: JiraRequest;
  /** The site, for the issue navigator links: `https://your-site.atlassian.net`. */
  siteUrl: string;
  /** The estimate fields (`field: estimate`), in order of preference; discovered when absent. */
  storyPointFields?: readonly string[];
}

export class JiraMeasureSource implements MeasureSource {
  readonly tracker = 'jira' as const;
  private readonly client: JiraClient;
  private estimateFields: Promise<readonly string[]> | undefined;

  constructor(private readonly options: JiraMeasureOptions) {
    this.client = new JiraClient(options.request, options);
    if (options.storyPointFields) this.estimateFields = Promise.resolve(options.storyPointFields);
  }

  /** HTTP exchanges so far, retries included. */
  get requestCount(): number {
    return this.client.requestCount;
  }

  /** Jira's issue navigator showing this query's issues. */
  navigatorUrl(jql: string): string {
    return `${this.options.siteUrl.replace(/\/+$/, '')}/issues/?jql=${encodeURIComponent(jql)}`;
  }

  async run(measure: Measure): Promise<MeasureResult> {
    const spec = measureSpec(measure);
    if (spec.tracker !== 'jira') throw new Error('a Jira measure source runs `jql` measures only');
    const before = this.client.requestCount;
    let tally: MeasureTally;
    let ofUrl: string | undefined;
    switch (spec.aggregate) {
      case 'count':
        tally = { matched: await this.count(spec.query) };
        break;
      case 'sum':
      case 'average':
        tally = await this.sumField(spec.query, spec.field);
        break;
      case 'percent':
        tally = { matched: await this.count(spec.query), denominator: await this.count(spec.of) };
        ofUrl = this.navigatorUrl(spec.of);
        break;
    }
    const result: MeasureResult = {
      ...measuredValue(spec.aggregate, tally),
      matched: tally.matched,
      requests: this.client.requestCount - before,
      queryUrl: this.navigatorUrl(spec.query),
    };
    if (tally.denominator !== undefined) result.denominator = tally.denominator;
    if (ofUrl !== undefined) result.ofUrl = ofUrl;
    return result;
  }

  private async count(jql: string): Promise<number> {
    let matched = 0;
    for await (const issues of this.search(jql, ['id'], ID_PAGE_SIZE)) matched += issues.length;
    return matched;
  }

  private async sumField(jql: string, field: string): Promise<MeasureTally> {
    const fields = field === ESTIMATE_FIELD ? await this.estimateFieldIds() : [field];
    if (fields.length === 0) {
      throw new QueryRefusedError(['This Jira site has no story point field, so `field: estimate` has nothing to add up; name a number field by its id instead.'], ESTIMATE_FIELD);
    }
    const tally = { matched: 0, sum: 0, withField: 0 };
    for await (const issues of this.search(jql, fields, FIELD_PAGE_SIZE)) {
      for (const issue of issues) {
        tally.matched++;
        const value = firstNumber(issue, fields);
        if (value === undefined) continue;
        tally.sum += value;
        tally.withField++;
      }
    }
    return tally;
  }

  private estimateFieldIds(): Promise<readonly string[]> {
    if (!this.estimateFields) {
      const pending = discoverStoryPointFields(this.client);
      this.estimateFields = pending;
      pending.catch(() => {
        if (this.estimateFields === pending) this.estimateFields = undefined;
      });
    }
    return this.estimateFields;
  }

  /** Pages of a search; a query Jira (or its grammar, before sending) refuses is QueryRefusedError. */
  private async *search(jql: string, fields: readonly string[], maxResults: number): AsyncGenerator<unknown[]> {
    const { problems } = checkJql(jql);
    if (problems.length > 0) {
      throw new QueryRefusedError(problems.map((p) => `Error in the JQL Query: ${p.message} (line ${p.line}, character ${p.character})`), jql);
    }
    try {
      yield* searchPages(this.client, { jql, fields, maxResults });
    } catch (error) {
      if (error instanceof JiraRefusedError && error.status === 400) throw new QueryRefusedError(error.details.length ? error.details : [error.message], jql);
      throw error;
    }
  }
}

/** The first of these fields that holds a number on the issue (story points: several may exist). */
function firstNumber(issue: unknown, fields: readonly string[]): number | undefined {
  const values = (issue as { fields?: Record<string, unknown> } | null)?.fields;
  for (const field of fields) {
    const value = values?.[field];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return undefined;
}
