// Building JQL from values we do not control. The escaping is checked against Atlassian's JQL
// grammar (@atlassianlabs/jql-ast) for arbitrary input: whatever the value, the query the
// adapter builds parses as the one clause it means, with the value read back unchanged.
import fc from 'fast-check';
import type { TerminalClause } from '@atlassianlabs/jql-ast';
import { describe, expect, test } from 'vitest';
import { batchKeys, inClause, jqlString, textSearchQuery } from '../../../src/trackers/jira/jql';
import { checkJql } from '../../../src/trackers/jira/jql-check';
import { decodeJqlString } from '../../../src/workbench/emulators/jira/jql';

/** The one terminal clause of a query that must parse; its field, operator and decoded values. */
function clauseOf(jql: string): { field: string; operator: string; values: string[] } {
  const { jast, problems } = checkJql(jql);
  expect(problems, jql).toEqual([]);
  const where = jast.query?.where as TerminalClause | undefined;
  expect(where?.clauseType).toBe('terminal');
  const operand = where?.operand;
  const values =
    operand?.operandType === 'value'
      ? [decodeJqlString(operand.text)]
      : operand?.operandType === 'list'
        ? operand.values.map((v) => (v.operandType === 'value' ? decodeJqlString(v.text) : '?'))
        : [];
  return { field: where?.field.value ?? '', operator: where?.operator ? where.operator.value : '', values };
}

describe('jqlString', () => {
  test('escapes backslash, both quotes and control characters', () => {
    expect(jqlString('plain')).toBe('"plain"');
    expect(jqlString('a "b" \'c\' \\d')).toBe(String.raw`"a \"b\" \'c\' \\d"`);
    expect(jqlString('line\nbreak\ttab\u0001')).toBe(String.raw`"line\nbreak\ttab\u0001"`);
  });

  test('property: any string survives the round trip as one value, never as extra clauses', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        expect(clauseOf(`summary ~ ${jqlString(value)} ORDER BY key`)).toEqual({ field: 'summary', operator: '~', values: [value] });
      }),
      { numRuns: 200 },
    );
  });

  test('the queries the adapter builds parse with Jira\'s grammar: parent in (...) and summary ~ of typed text', () => {
    expect(clauseOf(`${inClause('parent', ['CS-1', 'CS-22'])} ORDER BY key ASC`)).toEqual({ field: 'parent', operator: 'in', values: ['CS-1', 'CS-22'] });
    const typed = textSearchQuery('") OR project = SECRET OR summary ~ ("') ?? '';
    expect(clauseOf(`summary ~ ${jqlString(typed)} ORDER BY key DESC`)).toEqual({ field: 'summary', operator: '~', values: [typed] });
  });

  test('characters the grammar refuses raw are escaped: C1 controls and noncharacters', () => {
    expect(checkJql('summary ~ "a\u0093b"').problems.length).toBeGreaterThan(0);
    expect(jqlString('a\u0093\ufdd0\uffffb')).toBe(String.raw`"a\u0093\ufdd0\uffffb"`);
    expect(clauseOf(`summary ~ ${jqlString('a\u0093\ufdd0\uffffb')}`).values).toEqual(['a\u0093\ufdd0\uffffb']);
  });

  test('a query that does not parse is caught before it is sent, with its position', () => {
    expect(checkJql('project = CS AND').problems).toEqual([expect.objectContaining({ line: 1, character: 17 })]);
    expect(checkJql('parent in (CS-1').problems[0]?.message).toMatch(/'\)'/);
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
