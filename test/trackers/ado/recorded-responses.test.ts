// Responses dev.azure.com really returned (test/fixtures/recorded/ado, from the Azure DevOps CLI's
// recordings), mapped to core work items: relation URLs that carry the project GUID, update answers
// whose `fields` have no System.Id, a parent added, removed and moved, a saved query run by id and
// a fields-only read. Nobody chose these shapes for us, so they catch what hand-written data misses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AdoWorkItemSource } from '../../../src/trackers/ado/ado-work-item-source';
import { estimateOf, idOf, parentIdOf, toCoreWorkItem } from '../../../src/trackers/ado/map-work-item';
import type { AdoWitClient } from '../../../src/trackers/ado/wit-client';
import type { WorkItem, WorkItemQueryResult, WorkItemStateColor } from '../../../src/trackers/ado/wit-contracts';

const DIR = new URL('../../fixtures/recorded/ado/', import.meta.url);
const recorded = <T>(file: string): T => JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as T;

const parentWithChildren = recorded<WorkItem>('adocli-get-973-expand-all-children.json');
const childLinked = recorded<WorkItem>('adocli-get-974-expand-relations-parent.json');
const childUnlinked = recorded<WorkItem>('adocli-get-974-after-unlink.json');
const childMoved = recorded<WorkItem>('adocli-get-977-expand-relations-reparented.json');
const savedQuery = recorded<WorkItemQueryResult>('adocli-queryshow-wiql-by-id.json');
const fieldsOnly = recorded<{ value: WorkItem[] }>('adocli-queryshow-workitems-fields-only.json');
const flatWiql = recorded<WorkItemQueryResult>('adocli-wiql-flat-974-976.json');

/**
 * The Basic process's states (To Do, Doing, Done) and their categories, as Microsoft documents them
 * for its Task and Issue types. Not part of the recordings: the CLI never asked for states.
 */
const BASIC_STATES: WorkItemStateColor[] = [
  { name: 'To Do', category: 'Proposed', color: 'b2b2b2' },
  { name: 'Doing', category: 'InProgress', color: '007acc' },
  { name: 'Done', category: 'Completed', color: '339933' },
];

/** Answers with the recordings: `queries` in order for WIQL, `items` for batch reads. */
class RecordedClient implements AdoWitClient {
  readonly statesAskedFor: string[] = [];
  constructor(
    private readonly items: WorkItem[],
    private readonly queries: WorkItemQueryResult[] = [],
  ) {}

  queryByWiql(): Promise<WorkItemQueryResult> {
    return Promise.resolve(this.queries.shift() ?? { workItems: [] });
  }

  getWorkItemsBatch(request: { ids: number[] }): Promise<(WorkItem | null)[]> {
    return Promise.resolve(request.ids.map((id) => this.items.find((w) => w.id === id) ?? null));
  }

  getWorkItemTypeStates(project: string, type: string): Promise<WorkItemStateColor[]> {
    this.statesAskedFor.push(`${project}/${type}`);
    return Promise.resolve(BASIC_STATES);
  }
}

describe('recorded work items, one by one', () => {
  it('reads the id from `id` when `fields` has no System.Id (update answers)', () => {
    for (const item of [childLinked, childUnlinked, childMoved]) expect(item.fields?.['System.Id']).toBeUndefined();
    expect([childLinked, childUnlinked, childMoved].map(idOf)).toEqual([974, 974, 977]);
    expect(idOf(parentWithChildren)).toBe(973);
  });

  it('reads the parent from a Hierarchy-Reverse relation whose URL carries the project GUID', () => {
    expect(childLinked.relations?.[0]?.url).toMatch(/\/[0-9a-f-]{36}\/_apis\/wit\/workItems\/973$/);
    expect(parentIdOf(childLinked)).toBe(973);
    // The relation alone is enough, without the System.Parent mirror.
    const { 'System.Parent': _mirror, ...fields } = childLinked.fields ?? {};
    expect(parentIdOf({ ...childLinked, fields })).toBe(973);
  });

  it('gives no parent once the link is removed, and the new one once it is moved', () => {
    expect(parentIdOf(childUnlinked)).toBeUndefined();
    expect(parentIdOf(childMoved)).toBe(973);
  });

  it('never takes a child link (Hierarchy-Forward) for a parent', () => {
    expect(parentWithChildren.relations?.map((r) => r.rel)).toEqual(Array(3).fill('System.LinkTypes.Hierarchy-Forward'));
    expect(parentIdOf(parentWithChildren)).toBeUndefined();
  });

  it('finds no estimate where none of StoryPoints, Effort or Size is set (Priority is not one)', () => {
    expect(parentWithChildren.fields?.['Microsoft.VSTS.Common.Priority']).toBe(2);
    expect([parentWithChildren, childLinked, childUnlinked, childMoved, ...fieldsOnly.value].map(estimateOf)).toEqual(Array(6).fill(undefined));
    expect(estimateOf({ ...childMoved, fields: { ...childMoved.fields, 'Microsoft.VSTS.Scheduling.Effort': 5 } })).toBe(5);
  });

  it('maps each to the core shape', () => {
    expect(toCoreWorkItem(parentWithChildren, 'todo')).toEqual({ ref: 'ado:973', title: 'Task_0', type: 'Task', status: 'todo' });
    expect(toCoreWorkItem(childLinked, 'todo')).toEqual({ ref: 'ado:974', title: 'Task_1', type: 'Task', status: 'todo', parent: 'ado:973' });
    expect(toCoreWorkItem(childUnlinked, 'todo')).toEqual({ ref: 'ado:974', title: 'Task_1', type: 'Task', status: 'todo' });
    expect(toCoreWorkItem(childMoved, 'todo')).toEqual({ ref: 'ado:977', title: 'Task_4', type: 'Task', status: 'todo', parent: 'ado:973' });
  });
});

describe('recorded answers through the work item source', () => {
  it('reads the recorded items with their state category (To Do is Proposed: todo)', async () => {
    const client = new RecordedClient([parentWithChildren, childLinked, childMoved]);
    const source = new AdoWorkItemSource({ client, project: 'WIRel000001' });
    const { items, missing } = await source.getItems(['ado:973', 'ado:974', 'ado:977', 'ado:975']);
    expect(items).toEqual([
      { ref: 'ado:973', title: 'Task_0', type: 'Task', status: 'todo' },
      { ref: 'ado:974', title: 'Task_1', type: 'Task', status: 'todo', parent: 'ado:973' },
      { ref: 'ado:977', title: 'Task_4', type: 'Task', status: 'todo', parent: 'ado:973' },
    ]);
    expect(missing).toEqual(['ado:975']);
    // One states read for the one project and type, named as the items name them.
    expect(client.statesAskedFor).toEqual(['WIRel000001/Task']);
  });

  it('decides Doing and Done by category on the recorded shape', async () => {
    const doing = { ...childMoved, fields: { ...childMoved.fields, 'System.State': 'Doing' } };
    const done = { ...parentWithChildren, fields: { ...parentWithChildren.fields, 'System.State': 'Done' } };
    const { items } = await new AdoWorkItemSource({ client: new RecordedClient([doing, done]), project: 'WIRel000001' }).getItems(['ado:977', 'ado:973']);
    expect(items.map((i) => [i.ref, i.status])).toEqual([
      ['ado:977', 'in-progress'],
      ['ado:973', 'done'],
    ]);
  });

  it('searches through a recorded query result and a recorded fields-only read (no System.TeamProject: the source project decides states)', async () => {
    const client = new RecordedClient(fieldsOnly.value, [savedQuery]);
    const hits = await new AdoWorkItemSource({ client, project: 'Demo' }).search('Test', 10);
    expect(hits).toEqual([
      { ref: 'ado:40', title: 'Test', type: 'Issue', status: 'todo' },
      { ref: 'ado:41', title: 'Test2', type: 'Task', status: 'todo' },
    ]);
    expect(client.statesAskedFor.sort()).toEqual(['Demo/Issue', 'Demo/Task']);
  });

  it('keeps the order of a recorded flat WIQL result and leaves out ids the read does not return', async () => {
    const client = new RecordedClient([childUnlinked, childMoved], [flatWiql]);
    const hits = await new AdoWorkItemSource({ client, project: 'WIRel000001' }).search('Task', 10);
    // 975 and 976 are not among the recorded items: absent, like items the viewer may not see.
    expect(hits.map((h) => [h.ref, h.parent ?? null])).toEqual([
      ['ado:974', null],
    ]);
    expect(flatWiql.workItems?.map((w) => w.id)).toEqual([974, 975, 976]);
  });
});
