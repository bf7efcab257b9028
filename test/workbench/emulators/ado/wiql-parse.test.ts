import { describe, expect, it } from 'vitest';
import { childLinksQuery, titleSearchQuery } from '../../../../src/trackers/ado/wiql';
import { WiqlError, parseWiql } from '../../../../src/workbench/emulators/ado/wiql-parse';

function refusal(text: string): WiqlError {
  try {
    parseWiql(text);
  } catch (error) {
    if (error instanceof WiqlError) return error;
    throw error;
  }
  throw new Error(`accepted: ${text}`);
}

describe('WIQL subset parser', () => {
  it('reads the hierarchy link query the adapter sends', () => {
    expect(parseWiql(childLinksQuery([1, 22, 333]))).toEqual({
      from: 'WorkItemLinks',
      select: ['System.Id'],
      where: [
        { side: 'Source', field: 'System.Id', operator: 'IN', values: [1, 22, 333].map((value) => ({ kind: 'number', value })) },
        { field: 'System.Links.LinkType', operator: '=', values: [{ kind: 'string', value: 'System.LinkTypes.Hierarchy-Forward' }] },
      ],
      orderBy: [],
      mode: 'MustContain',
    });
  });

  it("reads the title search, with '' as an escaped quote and @project", () => {
    expect(parseWiql(titleSearchQuery("Tom's ''tea''"))).toMatchObject({
      from: 'WorkItems',
      where: [
        { field: 'System.TeamProject', operator: '=', values: [{ kind: 'macro', name: 'project' }] },
        { field: 'System.Title', operator: 'CONTAINS', values: [{ kind: 'string', value: "Tom's ''tea''" }] },
      ],
      orderBy: [{ field: 'System.ChangedDate', descending: true }],
    });
  });

  it('is case-insensitive in keywords and field names, and accepts parentheses around AND-ed conditions', () => {
    expect(parseWiql("select [system.id] from workitems where ([System.State] = 'New' and [system.title] contains 'x') order by [System.Id] asc")).toMatchObject({
      select: ['System.Id'],
      where: [{ field: 'System.State' }, { field: 'System.Title' }],
      orderBy: [{ field: 'System.Id', descending: false }],
    });
  });

  it('refuses what the emulator does not implement, saying so', () => {
    expect(refusal("SELECT [System.Id] FROM WorkItems WHERE [System.State] = 'a' OR [System.State] = 'b'").kind).toBe('unsupported');
    expect(refusal('SELECT [System.Id] FROM WorkItems WHERE NOT [System.Id] = 1').kind).toBe('unsupported');
    expect(refusal('SELECT [System.Id] FROM WorkItems WHERE [System.Id] >= 1').kind).toBe('unsupported');
    expect(refusal("SELECT [System.Id] FROM WorkItems WHERE [System.Title] IN ('a')").kind).toBe('unsupported');
    expect(refusal('SELECT [System.Id] FROM WorkItemLinks MODE (DoesNotContain)').kind).toBe('unsupported');
    expect(refusal('SELECT [System.Id] FROM WorkItems ORDER BY [System.State]').kind).toBe('unsupported');
  });

  it('refuses malformed text and unknown fields with messages that point at the problem', () => {
    expect(refusal('SELECT [System.Id] FROM WorkItems WHERE [System.Title] CONTAINS \'open').message).toMatch(/closing quote/);
    expect(refusal('SELECT [System.Id] FROM WorkItems WHERE [System.Id] IN (1, 2').message).toMatch(/«\)»/);
    expect(refusal('SELECT [System.Id] FROM WorkItems MODE (MustContain)').message).toMatch(/MODE is only valid/);
    expect(refusal("SELECT [System.Id] FROM WorkItems WHERE [Source].[System.Id] = 1").message).toMatch(/only valid in a WorkItemLinks/);
    expect(refusal('SELECT [System.Id] FROM WorkItems trailing').message).toMatch(/Unexpected text near «trailing»/);
    const unknown = refusal('SELECT [Custom.Risk] FROM WorkItems');
    expect(unknown.kind).toBe('unknown-field');
    expect(unknown.message).toBe('TF51005: The query references a field that does not exist. The error is caused by «[Custom.Risk]».');
  });
});
