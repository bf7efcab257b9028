// Measured values (SPEC §8): a KR or KPI whose value a tracker query yields instead of a person.
// `Measure` is the plan file's shape (flat, as written, so export is lossless); `MeasureSpec` is
// the same rule resolved into one case per aggregate, which is what adapters dispatch on.
import { assertNever } from './assert-never';

export type MeasureAggregate = 'count' | 'sum' | 'average' | 'percent';
export const MEASURE_AGGREGATES: readonly MeasureAggregate[] = ['count', 'sum', 'average', 'percent'];

/** Where a check-in or reading came from: typed by a person (the default) or a query run. */
export type ValueSource = 'manual' | 'measured';

/** The field name that means "the §6 estimate" (story points / effort) in `field`. */
export const ESTIMATE_FIELD = 'estimate';

export interface Measure {
  /** Jira: the matched issues. Exactly one of `jql` and `wiql`. */
  jql?: string;
  /** Azure DevOps: a flat `SELECT [System.Id] FROM WorkItems WHERE ...` query. */
  wiql?: string;
  /** Default `count`. */
  aggregate?: MeasureAggregate;
  /** `sum` and `average` only: `estimate` or a tracker field id. */
  field?: string;
  /** `percent` only: the denominator query, in the same tracker's language. */
  of?: string;
}

export type MeasureTracker = 'jira' | 'ado';

export type MeasureSpec = { tracker: MeasureTracker; query: string } & (
  | { aggregate: 'count' }
  | { aggregate: 'sum' | 'average'; field: string }
  | { aggregate: 'percent'; of: string }
);

/**
 * The validated plan shape as one case per aggregate. The plan schema guarantees the fields are
 * there; a Measure that skipped validation is refused here rather than run half-specified.
 */
export function measureSpec(measure: Measure): MeasureSpec {
  const tracker: MeasureTracker = measure.jql !== undefined ? 'jira' : 'ado';
  const query = measure.jql ?? measure.wiql;
  if (query === undefined) throw new Error('a measure needs `jql` or `wiql`');
  const aggregate = measure.aggregate ?? 'count';
  switch (aggregate) {
    case 'count':
      return { tracker, query, aggregate };
    case 'sum':
    case 'average':
      if (measure.field === undefined) throw new Error(`a ${aggregate} measure needs \`field\``);
      return { tracker, query, aggregate, field: measure.field };
    case 'percent':
      if (measure.of === undefined) throw new Error('a percent measure needs `of`');
      return { tracker, query, aggregate, of: measure.of };
    default:
      return assertNever(aggregate);
  }
}

/** The tracker a measure runs on, without resolving the rest. */
export function measureTracker(measure: Measure): MeasureTracker {
  return measure.jql !== undefined ? 'jira' : 'ado';
}

/** Why a run that worked yields nothing to record (SPEC §8): not a failure. */
export type NoValueReason = 'no-field-values' | 'empty-denominator';

export type MeasuredValue = { value: number; noValue?: undefined } | { value?: undefined; noValue: NoValueReason };

/** What a run found, before it becomes a value: the one arithmetic every adapter shares. */
export interface MeasureTally {
  /** Items the query matched. */
  matched: number;
  /** sum/average: the field summed over the matched items that have it. */
  sum?: number;
  /** sum/average: how many matched items have the field. */
  withField?: number;
  /** percent: items the `of` query matched. */
  denominator?: number;
}

export function measuredValue(aggregate: MeasureAggregate, tally: MeasureTally): MeasuredValue {
  switch (aggregate) {
    case 'count':
      return { value: tally.matched };
    case 'sum':
      return { value: tally.sum ?? 0 };
    case 'average':
      return tally.withField ? { value: (tally.sum ?? 0) / tally.withField } : { noValue: 'no-field-values' };
    case 'percent':
      return tally.denominator ? { value: (100 * tally.matched) / tally.denominator } : { noValue: 'empty-denominator' };
    default:
      return assertNever(aggregate);
  }
}

export function noValueText(reason: NoValueReason): string {
  switch (reason) {
    case 'no-field-values':
      return 'no matched item has the field, so there is no average';
    case 'empty-denominator':
      return 'the `of` query matched nothing, so there is no percent';
    default:
      return assertNever(reason);
  }
}
