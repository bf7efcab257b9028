import { describe, expect, it } from 'vitest';
import { parseWorkItemRef } from '../../../src/ui/forms/work-item-ref-input';

describe('typed work item refs (SPEC §1 refs)', () => {
  it('reads full refs, bare Jira keys and bare ADO ids', () => {
    expect(parseWorkItemRef('jira:CS-12')).toEqual({ ok: true, value: 'jira:CS-12' });
    expect(parseWorkItemRef('cs-12')).toEqual({ ok: true, value: 'jira:CS-12' });
    expect(parseWorkItemRef('42')).toEqual({ ok: true, value: 'ado:42' });
    expect(parseWorkItemRef('#42')).toEqual({ ok: true, value: 'ado:42' });
  });
  it('refuses what is neither, saying what it expects', () => {
    const out = parseWorkItemRef('not a key');
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.message).toMatch(/not a Jira key/);
    expect(parseWorkItemRef('  ').ok).toBe(false);
    expect(parseWorkItemRef('ado:0').ok).toBe(false);
  });
});
