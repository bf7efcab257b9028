// The Review page's "change since the previous reading" (SPEC §11.1) in words, and whether the
// move was the good way for the KPI's direction.
import { describe, expect, it } from 'vitest';
import { changeText, changeVerdict } from '../../src/ui/review/change-text';

describe('KPI change text', () => {
  it('spells the sign with a real minus, the unit, and the date it is measured from', () => {
    expect(changeText({ change: -1.2, previousAt: '2026-09-30', unit: '%' })).toBe('−1.2% since 2026-09-30');
    expect(changeText({ change: 1.5, previousAt: '2026-10-30', unit: 'deploys/week' })).toBe('+1.5 deploys/week since 2026-10-30');
    expect(changeText({ change: 0, previousAt: '2026-10-30' })).toBe('±0 since 2026-10-30');
    expect(changeText({})).toBe('no earlier reading');
  });

  it('judges a fall good for a lower-is-better KPI and bad otherwise', () => {
    expect(changeVerdict({ change: -1.2, direction: 'down' })).toBe('better');
    expect(changeVerdict({ change: 6, direction: 'down' })).toBe('worse');
    expect(changeVerdict({ change: 1.5, direction: 'up' })).toBe('better');
    expect(changeVerdict({ change: -1, direction: 'up' })).toBe('worse');
    expect(changeVerdict({ change: 0, direction: 'up' })).toBe('same');
    expect(changeVerdict({ direction: 'up' })).toBe('none');
  });
});
