import { describe, expect, it } from 'vitest';
import { unitFor } from '../../src/core/report/unit-text';

describe('unitFor', () => {
  it('reads a plural unit in the singular beside exactly one', () => {
    expect(unitFor(1, 'hours')).toBe('hour');
    expect(unitFor(1, 'days')).toBe('day');
    expect(unitFor(1, 'deploys/week')).toBe('deploy/week');
    expect(unitFor(1, 'cafés')).toBe('café');
    expect(unitFor(-1, 'points')).toBe('point');
  });
  it('leaves other counts, symbols and words that are not plurals alone', () => {
    expect(unitFor(2, 'hours')).toBe('hours');
    expect(unitFor(0.6, 'hours')).toBe('hours');
    expect(unitFor(1, '%')).toBe('%');
    expect(unitFor(1, 'k$')).toBe('k$');
    expect(unitFor(1, 'ms')).toBe('ms');
    expect(unitFor(1, 'pass')).toBe('pass');
    expect(unitFor(1, 'users per day')).toBe('user per day');
  });
});
