// Replacing one tracker's items by a live snapshot: the other tracker's items are untouched,
// updates happen in place, new items follow their tracker's last item, stale ones are removed.
import { describe, expect, it } from 'vitest';
import { changedFields, hasChanges, mergedItems, mergeSnapshot } from '../../../src/cli/pull/merge';
import type { WorkItem } from '../../../src/core';

const item = (ref: string, extra: Partial<WorkItem> = {}): WorkItem => ({ ref, status: 'todo', ...extra });

describe('mergeSnapshot', () => {
  const current = [item('jira:A-1'), item('ado:1'), item('jira:A-2', { status: 'in-progress' }), item('jira:A-3'), item('ado:2')];

  it('updates in place, drops what the tracker no longer has, adds after the tracker\'s last item', () => {
    const live = [item('jira:A-1'), item('jira:A-2', { status: 'done' }), item('jira:A-4', { parent: 'jira:A-1' })];
    const merge = mergeSnapshot(current, 'jira', live);
    expect(mergedItems(merge).map((i) => `${i.ref} ${i.status}`)).toEqual(['jira:A-1 todo', 'ado:1 todo', 'jira:A-2 done', 'jira:A-4 todo', 'ado:2 todo']);
    expect(merge.entries.map((e) => e.kind)).toEqual(['kept', 'kept', 'changed', 'added', 'kept']);
    expect(merge.removed).toEqual([{ item: item('jira:A-3'), from: 3 }]);
    expect(hasChanges(merge)).toBe(true);
  });

  it('never touches the other tracker\'s items, even when the snapshot carries one by mistake', () => {
    const merge = mergeSnapshot(current, 'ado', [item('ado:1'), item('ado:2'), item('jira:A-1', { status: 'done' })]);
    expect(mergedItems(merge).filter((i) => i.ref.startsWith('jira:'))).toEqual([item('jira:A-1'), item('jira:A-2', { status: 'in-progress' }), item('jira:A-3')]);
  });

  it('appends at the end when the plan had none of the tracker, and lists each live item once', () => {
    const merge = mergeSnapshot([item('ado:1')], 'jira', [item('jira:B-1'), item('jira:B-1'), item('jira:B-2')]);
    expect(mergedItems(merge).map((i) => i.ref)).toEqual(['ado:1', 'jira:B-1', 'jira:B-2']);
  });

  it('an identical snapshot changes nothing', () => {
    expect(hasChanges(mergeSnapshot(current, 'ado', [item('ado:2'), item('ado:1')]))).toBe(false);
  });

  it('a duplicate ref in the old list keeps its first place only', () => {
    const merge = mergeSnapshot([item('jira:A-1'), item('jira:A-1', { title: 'dup' })], 'jira', [item('jira:A-1')]);
    expect(mergedItems(merge)).toEqual([item('jira:A-1')]);
    expect(merge.removed.map((r) => r.from)).toEqual([1]);
  });
});

describe('changedFields', () => {
  it('names every field that differs, an estimate or parent that appeared or vanished included', () => {
    expect(changedFields(item('jira:A-1', { title: 'a', estimate: 3 }), item('jira:A-1', { title: 'b', parent: 'jira:A-0', status: 'done' }))).toEqual([
      'title',
      'status',
      'estimate',
      'parent',
    ]);
  });
});
