// Building JQL from values we do not control. The escaping is checked against the emulator's
// JQL parser, which reads strings the way Jira documents them, for arbitrary input.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { batchKeys, inClause, jqlString, textSearchQuery } from '../../../src/trackers/jira/jql';
import { parseJql } from '../../../src/workbench/emulators/jira/jql-parser';

describe('jqlString', () => {
  test('escapes backslash, both quotes and control characters', () => {
    expect(jqlString('plain')).toBe('"plain"');
    expect(jqlString('a "b" \'c\' \\d')).toBe(String.raw`"a \"b\" \'c\' \\d"`);
    expect(jqlString('line\nbreak\ttab\u0001')).toBe(String.raw`"line\nbreak\ttab\u0001"`);
  });

  test('property: any string survives the round trip as one value, never as extra clauses', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const query = parseJql(`summary ~ ${jqlString(value)} ORDER BY key`);
        expect(query.where).toEqual({ kind: 'contains', field: 'summary', value });
      }),
      { numRuns: 500 },
    );
  });
});

describe('textSearchQuery', () => {
  test('keeps words, drops operators and punctuation, lower-cases, makes the last word a prefix', () => {
    expect(textSearchQuery('CRM rollout')).toBe('crm rollout*');
    expect(textSearchQuery('follow-up (EU) +vip -spam "x" AND y~2 a^3 path/to:it')).toBe('follow up eu vip spam x and y 2 a 3 path to it*');
    expect(textSearchQuery('Café naïve 東京')).toBe('café naïve 東京*');
    expect(textSearchQuery(' *?!" ')).toBeUndefined();
  });

  test('property: the result contains no Lucene operator character', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const q = textSearchQuery(text);
        if (q !== undefined) expect(q.slice(0, -1)).not.toMatch(/[+\-!(){}[\]^"~*?:\\/&|]/);
      }),
    );
  });
});

describe('batching keys', () => {
  test('respects both the key count and the character budget', () => {
    const keys = Array.from({ length: 10 }, (_, i) => `CS-${i + 1}`);
    expect(batchKeys(keys, 4, 1000).map((b) => b.length)).toEqual([4, 4, 2]);
    expect(batchKeys(keys, 100, 20).map((b) => b.length)).toEqual([2, 2, 2, 2, 2]);
    expect(batchKeys([], 4, 100)).toEqual([]);
    expect(inClause('parent', ['CS-1', 'CS-2'])).toBe('parent in ("CS-1", "CS-2")');
  });
});
