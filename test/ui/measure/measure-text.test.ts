// The forms keep "measured by a query" as text in their `measure` field: '' means typed in by
// hand (the payload's null, which removes a stored measure), anything else the editor's fields.
import { describe, expect, it } from 'vitest';
import { measureText, parseMeasureText } from '../../../src/ui/measure/measure-text';
import { EMPTY_MEASURE } from '../../../src/ui/measure/measure-input';

describe('measure text of the KR and KPI forms', () => {
  it('no measure is the empty text, and the empty text sends null', () => {
    expect(measureText(undefined)).toBe('');
    expect(parseMeasureText('')).toEqual({ ok: true, measure: null });
  });

  it('round-trips a stored measure', () => {
    const measure = { wiql: "SELECT [System.Id] FROM WorkItems WHERE [System.WorkItemType] = 'Bug'", aggregate: 'sum' as const, field: 'estimate' };
    expect(parseMeasureText(measureText(measure))).toEqual({ ok: true, measure });
  });

  it('says what is missing instead of sending half a measure', () => {
    const percent = JSON.stringify({ ...EMPTY_MEASURE, query: 'project = CS', aggregate: 'percent' });
    expect(parseMeasureText(percent)).toEqual({ ok: false, message: expect.stringMatching(/100%/) as unknown });
    expect(parseMeasureText(JSON.stringify(EMPTY_MEASURE))).toEqual({ ok: false, message: expect.stringMatching(/Type a JQL query/) as unknown });
  });
});
