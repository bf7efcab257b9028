import { describe, expect, it } from 'vitest';
import { decimal, percent, percentNumber, plural, withUnit } from '../../../src/ui/format/numbers';

describe('percent', () => {
  it('rounds to the nearest whole percent, and reads 100% only when done', () => {
    expect(percent(0.999)).toBe('99%');
    expect(percent(0.995)).toBe('99%');
    expect(percent(1)).toBe('100%');
    expect(percent(0.75)).toBe('75%');
    expect(percent(0.546)).toBe('55%');
    expect(percent(0.004)).toBe('0%');
    // (74.1 - 73) / (75 - 73) in floating point is 0.54999…: the CLI and the apps both say 55%.
    expect(percent((74.1 - 73) / (75 - 73))).toBe('55%');
  });
  it('clamps outside [0, 1] and treats NaN as 0', () => {
    expect(percent(1.4)).toBe('100%');
    expect(percent(-0.2)).toBe('0%');
    expect(percent(Number.NaN)).toBe('0%');
    expect(percentNumber(0.53)).toBe(53);
  });
});

describe('values', () => {
  it('keeps up to two decimals and glues % to the number', () => {
    expect(decimal(7.5)).toBe('7.5');
    expect(decimal(1 / 3)).toBe('0.33');
    expect(withUnit(74, '%')).toBe('74%');
    expect(withUnit(3, 'days')).toBe('3 days');
    expect(withUnit(12)).toBe('12');
  });
  it('pluralises', () => {
    expect(plural(1, 'unit')).toBe('1 unit');
    expect(plural(4, 'unit')).toBe('4 units');
    expect(plural(0, 'key result')).toBe('0 key results');
  });
});
