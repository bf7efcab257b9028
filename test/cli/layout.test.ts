// The readable tables' layout: which width they fit, and titles wrapped, never cut.
import { describe, expect, it } from 'vitest';
import { layoutRows, outputWidth, wrapText } from '../../src/cli/render/layout';

const io = (stdout: { isTTY?: boolean; columns?: number }, env: Record<string, string> = {}) => ({ stdout: { write: () => true, ...stdout }, stderr: { write: () => true }, env });

describe('outputWidth', () => {
  it('is the terminal width on a terminal, else COLUMNS, else 100', () => {
    expect(outputWidth(io({ isTTY: true, columns: 132 }, { COLUMNS: '80' }))).toBe(132);
    expect(outputWidth(io({ isTTY: false, columns: 132 }, { COLUMNS: '80' }))).toBe(80);
    expect(outputWidth(io({}, { COLUMNS: 'wide' }))).toBe(100);
    expect(outputWidth(io({}))).toBe(100);
  });
});

describe('wrapText', () => {
  it('breaks at spaces within the width and splits only a word longer than the width', () => {
    expect(wrapText('Increase client retention rate from 73% to 75%', 20)).toEqual(['Increase client', 'retention rate from', '73% to 75%']);
    expect(wrapText('abcdefghij klm', 4)).toEqual(['abcd', 'efgh', 'ij', 'klm']);
    expect(wrapText('', 10)).toEqual(['']);
  });
});

describe('layoutRows', () => {
  const rows = [
    { lead: '  KR-1  ', title: 'Short', tail: '50% on-track' },
    { lead: '  KR-22  ', title: 'Increase client retention rate from 73% to 75%', tail: '55% on-track 74.1 % (73 → 75)' },
  ];

  it('aligns titles in one column when all fit', () => {
    expect(layoutRows(rows, 120)).toEqual([
      '  KR-1   Short                                          50% on-track',
      '  KR-22  Increase client retention rate from 73% to 75% 55% on-track 74.1 % (73 → 75)',
    ]);
  });

  it('puts each title on its own line(s) with the figures below when they do not', () => {
    const lines = layoutRows(rows, 60);
    expect(lines).toEqual([
      '  KR-1   Short',
      '         50% on-track',
      '  KR-22  Increase client retention rate from 73% to 75%',
      '         55% on-track 74.1 % (73 → 75)',
    ]);
    for (const line of layoutRows(rows, 40)) expect([...line].length).toBeLessThanOrEqual(40);
    expect(layoutRows(rows, 40).join(' ')).toMatch(/Increase client .*73% to 75%/);
  });
});
