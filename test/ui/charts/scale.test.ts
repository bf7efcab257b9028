import { describe, expect, it } from 'vitest';
import { linearScale, niceMax, polylinePoints, stepPoints } from '../../../src/ui/charts/scale';

describe('chart scales', () => {
  it('maps a domain onto a range, inverted for SVG y', () => {
    const y = linearScale(0, 10, 100, 0);
    expect(y(0)).toBe(100);
    expect(y(5)).toBe(50);
    expect(y(10)).toBe(0);
    expect(linearScale(3, 3, 0, 40)(3)).toBe(20);
  });
  it('rounds axis tops up to readable numbers', () => {
    expect(niceMax(7)).toBe(10);
    expect(niceMax(23)).toBe(25);
    expect(niceMax(4)).toBe(5);
    expect(niceMax(0)).toBe(1);
    expect(niceMax(1000)).toBe(1000);
  });
  it('draws steps: a value holds until the next point', () => {
    expect(stepPoints([{ x: 0, y: 5 }, { x: 10, y: 3 }, { x: 20, y: 3 }])).toEqual([
      { x: 0, y: 5 },
      { x: 10, y: 5 },
      { x: 10, y: 3 },
      { x: 20, y: 3 },
    ]);
    expect(polylinePoints([{ x: 1.234, y: 5.678 }])).toBe('1.2,5.7');
  });
});
