import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkForLinkQueries, childLinksQuery, titleSearchQuery, wiqlString } from '../../../src/trackers/ado/wiql';
import { parseWiql } from '../../../src/workbench/emulators/ado/wiql-parse';

describe('WIQL the adapter sends', () => {
  it("quotes user text as a WIQL string, doubling single quotes", () => {
    expect(wiqlString("Tom's tea")).toBe("'Tom''s tea'");
    expect(titleSearchQuery("a' OR [System.Id] > 0 OR 'b")).toContain("CONTAINS 'a'' OR [System.Id] > 0 OR ''b'");
  });

  it('never lets search text change the query: any text reads back as exactly one CONTAINS value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const query = parseWiql(titleSearchQuery(text));
        expect(query.where).toHaveLength(2);
        expect(query.where[1]).toEqual({ field: 'System.Title', operator: 'CONTAINS', values: [{ kind: 'string', value: text }] });
      }),
    );
  });

  it('asks for hierarchy children of the given ids only', () => {
    expect(childLinksQuery([4, 8])).toBe(
      "SELECT [System.Id] FROM WorkItemLinks WHERE [Source].[System.Id] IN (4,8) AND [System.Links.LinkType] = 'System.LinkTypes.Hierarchy-Forward' MODE (MustContain)",
    );
  });

  it('keeps one level in one query unless the text would exceed the length limit', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => 100_000 + i);
    expect(chunkForLinkQueries(ids)).toHaveLength(1);
    const chunks = chunkForLinkQueries(ids, 2000);
    expect(chunks.flat()).toEqual(ids);
    for (const chunk of chunks) expect(childLinksQuery(chunk).length).toBeLessThanOrEqual(2000);
    // Full chunks: the next id would not have fitted.
    for (const chunk of chunks.slice(0, -1)) expect(childLinksQuery([...chunk, 199_999]).length).toBeGreaterThan(2000);
  });
});
