// The one contract every MeasureSource runs (Jira over REST, Azure DevOps through
// azure-devops-node-api, the fake the app tests use), over the work item contract's dataset
// (work-item-source.dataset.ts), so the app can rely on the same answers from each:
// - count: the items the viewer may see that match; hidden items never count.
// - sum: the field over the matched items, an item without it adding 0; average: over the items
//   that have it, and no value (not a failure) when none has it.
// - percent: 100 × matched / matched by `of`; no value when `of` matches nothing.
// - a query matching nothing is a value (0), not an error; a query the tracker refuses is a
//   QueryRefusedError carrying the tracker's words; each result links to the tracker's own search.
// Request counts are asserted per implementation (they are the adapters' business), not here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryRefusedError } from '../../src/core/model/measure-errors';
import type { Measure } from '../../src/core/model/measure';
import type { MeasureSource } from '../../src/core/ports/measure-source';

/** The queries of the contract, in the tracker's language. Visible tasks: 3, 4, 5, 7 (8 is hidden). */
export interface ContractQueries {
  /** Tasks: items 3 (3 points), 4 (5), 5 (2), 7 (1); hidden 8 must not count. */
  tasks: string;
  /** Tasks not done or cancelled: 3 and 7. */
  openTasks: string;
  /** Epics: 1 and 9, neither with an estimate. */
  epics: string;
  /** Matches nothing. */
  nothing: string;
  /** A query the tracker refuses, and a word its message contains. */
  refused: { query: string; says: RegExp };
}

export interface MeasureSourceUnderTest {
  source: MeasureSource;
  queries: ContractQueries;
  /** A Measure of this tracker for `query` (`jql` or `wiql`). */
  measure(query: string, rest?: Omit<Measure, 'jql' | 'wiql'>): Measure;
  /** The URL prefix of the tracker's own search. */
  searchUrl: string;
  cleanup(): Promise<void>;
}

export function measureSourceContract(setup: () => Promise<MeasureSourceUnderTest>): void {
  let t: MeasureSourceUnderTest;
  beforeAll(async () => {
    t = await setup();
  });
  afterAll(async () => {
    await t.cleanup();
  });

  describe('count', () => {
    it('counts the matched items the viewer may see', async () => {
      const result = await t.source.run(t.measure(t.queries.tasks));
      expect(result).toMatchObject({ value: 4, matched: 4 });
      expect(result.requests).toBeGreaterThanOrEqual(1);
      expect(result.denominator).toBeUndefined();
    });

    it('is 0 for a query matching nothing', async () => {
      expect(await t.source.run(t.measure(t.queries.nothing))).toMatchObject({ value: 0, matched: 0 });
    });

    it('links the value to the tracker search for the same query', async () => {
      const result = await t.source.run(t.measure(t.queries.openTasks));
      expect(result.queryUrl.startsWith(t.searchUrl)).toBe(true);
      expect(decodeURIComponent(result.queryUrl)).toContain(t.queries.openTasks);
    });
  });

  describe('sum and average', () => {
    it('sums the estimate over the matched items', async () => {
      expect(await t.source.run(t.measure(t.queries.tasks, { aggregate: 'sum', field: 'estimate' }))).toMatchObject({ value: 11, matched: 4 });
    });

    it('averages over the items that have the field', async () => {
      expect(await t.source.run(t.measure(t.queries.tasks, { aggregate: 'average', field: 'estimate' }))).toMatchObject({ value: 2.75, matched: 4 });
    });

    it('sums to 0 and averages to no value when no matched item has the field', async () => {
      expect(await t.source.run(t.measure(t.queries.epics, { aggregate: 'sum', field: 'estimate' }))).toMatchObject({ value: 0, matched: 2 });
      const average = await t.source.run(t.measure(t.queries.epics, { aggregate: 'average', field: 'estimate' }));
      expect(average).toMatchObject({ noValue: 'no-field-values', matched: 2 });
      expect(average.value).toBeUndefined();
    });

    it('averages to no value over a query matching nothing', async () => {
      expect(await t.source.run(t.measure(t.queries.nothing, { aggregate: 'average', field: 'estimate' }))).toMatchObject({ noValue: 'no-field-values', matched: 0 });
    });
  });

  describe('percent', () => {
    it('is 100 × matched / matched by `of`, with both counts and both links', async () => {
      const result = await t.source.run(t.measure(t.queries.openTasks, { aggregate: 'percent', of: t.queries.tasks }));
      expect(result).toMatchObject({ value: 50, matched: 2, denominator: 4 });
      expect(decodeURIComponent(result.ofUrl ?? '')).toContain(t.queries.tasks);
    });

    it('has no value when `of` matches nothing', async () => {
      const result = await t.source.run(t.measure(t.queries.openTasks, { aggregate: 'percent', of: t.queries.nothing }));
      expect(result).toMatchObject({ noValue: 'empty-denominator', matched: 2, denominator: 0 });
      expect(result.value).toBeUndefined();
    });
  });

  describe('refusals', () => {
    it('throws QueryRefusedError in the tracker words for a query the tracker refuses', async () => {
      const error = await t.source.run(t.measure(t.queries.refused.query)).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(QueryRefusedError);
      expect((error as QueryRefusedError).messages.join(' ')).toMatch(t.queries.refused.says);
    });
  });
}
