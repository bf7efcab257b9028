// The "measured by a query" fields: what makes a Measure, what is still missing, how a preview
// and a value's age read.
import { describe, expect, it } from 'vitest';
import { EMPTY_MEASURE, fieldsOf, measureOf } from '../../../src/ui/measure/measure-input';
import { previewText } from '../../../src/ui/measure/use-measure-preview';
import { valueAge } from '../../../src/ui/measure/value-age';

describe('measureOf', () => {
  it('a count needs only the query, in the tracker\'s language', () => {
    expect(measureOf({ ...EMPTY_MEASURE, query: ' project = CS ' })).toEqual({ measure: { jql: 'project = CS' } });
    expect(measureOf({ ...EMPTY_MEASURE, tracker: 'ado', query: 'SELECT [System.Id] FROM WorkItems' })).toEqual({ measure: { wiql: 'SELECT [System.Id] FROM WorkItems' } });
  });

  it('says what is missing before asking the tracker', () => {
    expect(measureOf(EMPTY_MEASURE).missing).toMatch(/Type a JQL query/);
    expect(measureOf({ ...EMPTY_MEASURE, query: 'x', aggregate: 'sum' }).missing).toMatch(/needs a field/);
    expect(measureOf({ ...EMPTY_MEASURE, query: 'x', aggregate: 'percent' }).missing).toMatch(/100%/);
  });

  it('keeps only the fields the aggregate takes, and round-trips through fieldsOf', () => {
    const fields = { ...EMPTY_MEASURE, query: 'a', aggregate: 'percent' as const, field: 'estimate', of: 'b' };
    const { measure } = measureOf(fields);
    expect(measure).toEqual({ jql: 'a', aggregate: 'percent', of: 'b' });
    expect(measureOf(fieldsOf(measure)).measure).toEqual(measure);
  });
});

describe('previewText and valueAge', () => {
  it('reads the preview as a sentence, or the tracker\'s words', () => {
    expect(previewText({ ok: true, matched: 23, value: 23, url: '', requests: 1 }, 'jira')).toBe('Matches 23 issues now · value 23');
    expect(previewText({ ok: true, matched: 3, denominator: 5, value: 60, url: '', requests: 2 }, 'ado')).toBe('Matches 3 of 5 work items now · value 60');
    expect(previewText({ ok: false, error: "Field 'x' does not exist" }, 'jira')).toBe("Field 'x' does not exist");
  });

  it('says how old a value is', () => {
    const at = '2026-11-15T09:00:00.000Z';
    const t = Date.parse(at);
    expect([0, 5, 180, 60 * 72].map((m) => valueAge(at, t + m * 60_000))).toEqual(['just now', '5 min ago', '3 h ago', '3 days ago']);
  });
});
