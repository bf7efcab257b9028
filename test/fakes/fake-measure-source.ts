// An in-memory MeasureSource for app and host tests: queries are looked up in a table of
// predicates over plain items, so a test says what each query matches without a tracker. It
// passes the same contract as the Jira and Azure DevOps sources (test/contract/measure-source.*).
import { ESTIMATE_FIELD, measureSpec, measuredValue, type Measure, type MeasureTally, type MeasureTracker } from '../../src/core/model/measure';
import { QueryRefusedError } from '../../src/core/model/measure-errors';
import type { MeasureResult, MeasureSource } from '../../src/core/ports/measure-source';

export interface FakeMeasureItem {
  id: string;
  estimate?: number;
  /** Other numeric fields by id. */
  fields?: Record<string, number>;
  /** Not visible to the person the source reads as: never counted. */
  hidden?: boolean;
}

export interface FakeMeasureOptions {
  tracker: MeasureTracker;
  items: readonly FakeMeasureItem[];
  /** What each known query matches; any other query is refused as the tracker would. */
  queries: Record<string, (item: FakeMeasureItem) => boolean>;
}

export class FakeMeasureSource implements MeasureSource {
  readonly tracker: MeasureTracker;
  /** Every query run, in order, for tests that check what was asked. */
  readonly ran: string[] = [];

  constructor(private readonly options: FakeMeasureOptions) {
    this.tracker = options.tracker;
  }

  run(measure: Measure): Promise<MeasureResult> {
    try {
      const spec = measureSpec(measure);
      if (spec.tracker !== this.tracker) throw new Error(`this fake runs ${this.tracker} measures only`);
      let requests = 0;
      const match = (query: string): FakeMeasureItem[] => {
        requests++;
        this.ran.push(query);
        const predicate = this.options.queries[query];
        if (!predicate) throw new QueryRefusedError([`The fake knows no query ${JSON.stringify(query)}.`], query);
        return this.options.items.filter((i) => !i.hidden && predicate(i));
      };
      const matched = match(spec.query);
      let tally: MeasureTally = { matched: matched.length };
      let ofUrl: string | undefined;
      switch (spec.aggregate) {
        case 'count':
          break;
        case 'sum':
        case 'average': {
          const values = matched.map((i) => (spec.field === ESTIMATE_FIELD ? i.estimate : i.fields?.[spec.field])).filter((v): v is number => v !== undefined);
          tally = { ...tally, sum: values.reduce((a, b) => a + b, 0), withField: values.length };
          break;
        }
        case 'percent':
          tally = { ...tally, denominator: match(spec.of).length };
          ofUrl = fakeUrl(spec.of);
          break;
      }
      const result: MeasureResult = { ...measuredValue(spec.aggregate, tally), matched: tally.matched, requests, queryUrl: fakeUrl(spec.query) };
      if (tally.denominator !== undefined) result.denominator = tally.denominator;
      if (ofUrl !== undefined) result.ofUrl = ofUrl;
      return Promise.resolve(result);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

function fakeUrl(query: string): string {
  return `https://tracker.invalid/search?q=${encodeURIComponent(query)}`;
}
