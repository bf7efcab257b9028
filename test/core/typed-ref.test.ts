// What a person types to find one item by its own id or key, per tracker.
import { describe, expect, it } from 'vitest';
import { typedRef } from '../../src/core/model/work-item';

describe('typedRef', () => {
  it('reads an Azure DevOps id, with or without #, around spaces', () => {
    expect(['42', '#42', ' 7 '].map((t) => typedRef('ado', t))).toEqual(['ado:42', 'ado:42', 'ado:7']);
  });

  it('reads a Jira key in any case', () => {
    expect(['cs-42', 'CS-42', ' acme-1 '].map((t) => typedRef('jira', t))).toEqual(['jira:CS-42', 'jira:CS-42', 'jira:ACME-1']);
  });

  it('is undefined for anything else, so the search looks at titles', () => {
    expect(['0', '4a', 'ado:4', '#', '', 'CS-1', 'card 4'].map((t) => typedRef('ado', t))).toEqual(Array(7).fill(undefined));
    expect(['CS-0', 'card', 'jira:CS-1', '42', 'CS 1'].map((t) => typedRef('jira', t))).toEqual(Array(5).fill(undefined));
  });
});
