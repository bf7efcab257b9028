// MeasureSource over Azure DevOps (SPEC §8), reading as whoever the AdoWitClient speaks for: the
// flat WIQL query lists the matching ids (one request; a count needs nothing more), then sums and
// averages read only the field asked for with `workitemsbatch`, 200 ids a request. WIQL returns
// at most 20,000 items (VS402337 beyond): such a run fails with TooManyResultsError rather than
// counting the first 20,000. Any other 400 is the query's fault and carries the service's words.
import { measureSpec, measuredValue, ESTIMATE_FIELD, type Measure, type MeasureTally } from '../../../core/model/measure';
import { QueryRefusedError, TooManyResultsError } from '../../../core/model/measure-errors';
import type { RetryPolicy } from '../../../core/model/retry-policy';
import type { MeasureResult, MeasureSource } from '../../../core/ports/measure-source';
import { BATCH_LIMIT, type AdoRequestEvent } from '../ado-work-item-source';
import { ESTIMATE_FIELDS, FIELD } from '../fields';
import { mapLimited } from '../map-limited';
import { DEFAULT_RETRY_POLICY, withRateLimitRetry } from '../rate-limit-retry';
import { AdoHttpError, type AdoWitClient } from '../wit-client';
import type { WorkItem } from '../wit-contracts';

/** The most work items one WIQL query returns (the service's VS402337 limit). */
export const WIQL_RESULT_CAP = 20_000;

export interface AdoMeasureOptions {
  client: AdoWitClient;
  /** `https://dev.azure.com/{organization}`, for the query links. */
  orgUrl: string;
  /** The project the WIQL runs in (route and `@project`). */
  project: string;
  retry?: Partial<RetryPolicy>;
  onRequest?: (event: AdoRequestEvent) => void;
  /** Batch reads in flight at once. Default 4. */
  concurrency?: number;
}

export class AdoMeasureSource implements MeasureSource {
  readonly tracker = 'ado' as const;
  private count = 0;
  private readonly retry: RetryPolicy;

  constructor(private readonly options: AdoMeasureOptions) {
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  }

  /** Requests so far, retries included. */
  get requestCount(): number {
    return this.count;
  }

  /** The project's query editor running this WIQL, so a value can be checked item by item. */
  queryUrl(wiql: string): string {
    return `${this.options.orgUrl.replace(/\/+$/, '')}/${encodeURIComponent(this.options.project)}/_queries/query/?wiql=${encodeURIComponent(wiql)}`;
  }

  async run(measure: Measure): Promise<MeasureResult> {
    const spec = measureSpec(measure);
    if (spec.tracker !== 'ado') throw new Error('an Azure DevOps measure source runs `wiql` measures only');
    const before = this.count;
    let tally: MeasureTally;
    let ofUrl: string | undefined;
    switch (spec.aggregate) {
      case 'count':
        tally = { matched: (await this.ids(spec.query)).length };
        break;
      case 'sum':
      case 'average':
        tally = await this.sumField(await this.ids(spec.query), spec.field);
        break;
      case 'percent':
        tally = { matched: (await this.ids(spec.query)).length, denominator: (await this.ids(spec.of)).length };
        ofUrl = this.queryUrl(spec.of);
        break;
    }
    const result: MeasureResult = {
      ...measuredValue(spec.aggregate, tally),
      matched: tally.matched,
      requests: this.count - before,
      queryUrl: this.queryUrl(spec.query),
    };
    if (tally.denominator !== undefined) result.denominator = tally.denominator;
    if (ofUrl !== undefined) result.ofUrl = ofUrl;
    return result;
  }

  private async ids(wiql: string): Promise<number[]> {
    try {
      const result = await this.call('wiql', 'a measure query', () => this.options.client.queryByWiql({ query: wiql }, this.options.project));
      if (result.workItemRelations !== undefined && result.workItems === undefined) {
        throw new QueryRefusedError(['This is a link query; a measure needs a flat query (SELECT [System.Id] FROM WorkItems WHERE ...).'], wiql);
      }
      return [...new Set((result.workItems ?? []).map((w) => w.id).filter((id): id is number => typeof id === 'number'))];
    } catch (error) {
      if (error instanceof AdoHttpError && error.status === 400) {
        if (/VS402337/.test(error.message) || error.typeKey === 'WorkItemTrackingQueryResultSizeLimitExceededException') {
          throw new TooManyResultsError(WIQL_RESULT_CAP, wiql, error.message);
        }
        throw new QueryRefusedError([error.message], wiql);
      }
      throw error;
    }
  }

  private async sumField(ids: readonly number[], field: string): Promise<MeasureTally> {
    const fields = field === ESTIMATE_FIELD ? [...ESTIMATE_FIELDS] : [field];
    const chunks: number[][] = [];
    for (let i = 0; i < ids.length; i += BATCH_LIMIT) chunks.push(ids.slice(i, i + BATCH_LIMIT));
    const pages = await mapLimited(chunks, this.options.concurrency ?? 4, (chunk) =>
      this.call('batch', `a batch read of ${chunk.length} work items`, () =>
        this.options.client.getWorkItemsBatch({ ids: chunk, fields: [FIELD.id, ...fields], errorPolicy: 'omit' }, this.options.project),
      ).catch((error: unknown) => {
        if (error instanceof AdoHttpError && error.status === 400) throw new QueryRefusedError([error.message], field);
        throw error;
      }),
    );
    // Items deleted or hidden between the query and the read come back null: they no longer count.
    const items = pages.flat().filter((w): w is WorkItem => w !== null);
    const tally = { matched: ids.length, sum: 0, withField: 0 };
    for (const item of items) {
      const value = firstNumber(item, fields);
      if (value === undefined) continue;
      tally.sum += value;
      tally.withField++;
    }
    return tally;
  }

  private call<T>(operation: 'wiql' | 'batch', what: string, request: () => Promise<T>): Promise<T> {
    return withRateLimitRetry(what, request, this.retry, (attempt) => {
      this.count++;
      this.options.onRequest?.({ operation, attempt });
    });
  }
}

function firstNumber(item: WorkItem, fields: readonly string[]): number | undefined {
  for (const field of fields) {
    const value = item.fields?.[field];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return undefined;
}
