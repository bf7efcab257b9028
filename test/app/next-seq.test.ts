import { describe, expect, it } from 'vitest';
import { appendId, seqId } from '../../src/app/collections';
import { appendSuffix, nextSeq } from '../../src/app/next-seq';

describe('ids of appended check-ins and readings', () => {
  it('count past imported `#<seq>` ids and app-made `#<seq>-<random>` ids alike', () => {
    expect(nextSeq('KR1', [])).toBe(0);
    expect(nextSeq('KR1', [seqId('KR1', 0), seqId('KR1', 1)])).toBe(2);
    expect(nextSeq('KR1', [seqId('KR1', 0), appendId('KR1', 4, 'abc'), appendId('KR1', 4, 'xyz')])).toBe(5);
  });

  it('sort after every id the writer saw, and never collide for writers that saw the same ones', () => {
    const imported = [0, 1, 2].map((i) => seqId('KR1', i));
    const a = appendId('KR1', nextSeq('KR1', imported), appendSuffix());
    const b = appendId('KR1', nextSeq('KR1', imported), appendSuffix());
    expect(a).not.toBe(b);
    const later = appendId('KR1', nextSeq('KR1', [...imported, a, b]), appendSuffix());
    const sorted = [later, b, a, ...imported].sort();
    expect(sorted.slice(0, 3)).toEqual(imported);
    expect(sorted.at(-1)).toBe(later);
    // An import of the same plan rewrites them as plain `#<seq>`: `#000003` sorts before `#000003-…`.
    expect([appendId('KR1', 3, '0'), seqId('KR1', 3)].sort()).toEqual([seqId('KR1', 3), appendId('KR1', 3, '0')]);
  });

  it('draws the suffix from the random source it is given', () => {
    expect(appendSuffix((b) => b.fill(35))).toBe('z'.repeat(10));
    expect(appendSuffix()).toMatch(/^[0-9a-z]{10}$/);
  });
});
