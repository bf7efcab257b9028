// SPEC §6, Azure DevOps column: ref, parent, status by state category, estimate fallbacks.
import { describe, expect, it } from 'vitest';
import {
  estimateOf,
  idFromWorkItemUrl,
  parentIdOf,
  toCoreWorkItem,
} from '../../../src/trackers/ado/map-work-item';
import { statusOfCategory } from '../../../src/trackers/ado/state-category';

describe('SPEC §6: state category → status', () => {
  it('maps Proposed to todo, InProgress and Resolved to in-progress, Completed to done, Removed to cancelled', () => {
    expect(['Proposed', 'InProgress', 'Resolved', 'Completed', 'Removed'].map(statusOfCategory)).toEqual([
      'todo',
      'in-progress',
      'in-progress',
      'done',
      'cancelled',
    ]);
  });

  it('knows no other category (the caller then counts the item as todo)', () => {
    expect(statusOfCategory('Done')).toBeUndefined();
    expect(statusOfCategory(undefined)).toBeUndefined();
  });
});

describe('SPEC §6: estimate', () => {
  const sp = 'Microsoft.VSTS.Scheduling.StoryPoints';
  const effort = 'Microsoft.VSTS.Scheduling.Effort';
  const size = 'Microsoft.VSTS.Scheduling.Size';

  it('takes StoryPoints, else Effort, else Size', () => {
    expect(estimateOf({ fields: { [sp]: 3, [effort]: 8, [size]: 13 } })).toBe(3);
    expect(estimateOf({ fields: { [effort]: 8, [size]: 13 } })).toBe(8);
    expect(estimateOf({ fields: { [size]: 13 } })).toBe(13);
    expect(estimateOf({ fields: {} })).toBeUndefined();
  });

  it('keeps an explicit 0 and skips values that are not numbers', () => {
    expect(estimateOf({ fields: { [sp]: 0, [effort]: 8 } })).toBe(0);
    expect(estimateOf({ fields: { [sp]: null, [effort]: '8', [size]: 2.5 } })).toBe(2.5);
  });
});

describe('SPEC §6: parent', () => {
  it('reads the System.LinkTypes.Hierarchy-Reverse relation', () => {
    const item = {
      id: 5,
      relations: [
        { rel: 'System.LinkTypes.Hierarchy-Forward', url: 'https://dev.azure.com/o/_apis/wit/workItems/9' },
        { rel: 'System.LinkTypes.Hierarchy-Reverse', url: 'https://dev.azure.com/o/_apis/wit/workItems/2' },
        { rel: 'System.LinkTypes.Related', url: 'https://dev.azure.com/o/_apis/wit/workItems/7' },
      ],
      fields: { 'System.Parent': 3 },
    };
    expect(parentIdOf(item)).toBe(2);
  });

  it('falls back to System.Parent, the field the service mirrors that link into', () => {
    expect(parentIdOf({ id: 5, fields: { 'System.Parent': 3 } })).toBe(3);
    expect(parentIdOf({ id: 5, fields: {} })).toBeUndefined();
  });

  it('takes the id from a work item URL only', () => {
    expect(idFromWorkItemUrl('https://dev.azure.com/o/p/_apis/wit/workItems/42')).toBe(42);
    expect(idFromWorkItemUrl('https://dev.azure.com/o/_apis/wit/workitems/42/')).toBe(42);
    expect(idFromWorkItemUrl('vstfs:///Git/Commit/abc')).toBeUndefined();
  });
});

describe('the core work item', () => {
  it('carries ref ado:<id>, title, type, status, estimate and parent', () => {
    const item = {
      id: 12,
      fields: {
        'System.Title': 'Merge duplicates',
        'System.WorkItemType': 'User Story',
        'System.State': 'Active',
        'System.Parent': 4,
        'Microsoft.VSTS.Scheduling.Effort': 5,
      },
    };
    expect(toCoreWorkItem(item, 'in-progress')).toEqual({
      ref: 'ado:12',
      title: 'Merge duplicates',
      type: 'User Story',
      status: 'in-progress',
      estimate: 5,
      parent: 'ado:4',
    });
  });

  it('takes the id from System.Id when the item has no top-level id, and refuses none at all', () => {
    expect(toCoreWorkItem({ fields: { 'System.Id': 7 } }, 'todo')).toEqual({ ref: 'ado:7', status: 'todo' });
    expect(() => toCoreWorkItem({ fields: {} }, 'todo')).toThrow(/without an id/);
  });
});
