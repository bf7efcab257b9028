// Microsoft's recorded Work Item Tracking examples, fed unchanged through the adapter: the link
// query result drives the hierarchy walk, the batch read maps to core work items, the flat query
// drives search and the recorded type states decide status (SPEC §6).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AdoWorkItemSource } from '../../../src/trackers/ado/ado-work-item-source';
import type { AdoWitClient } from '../../../src/trackers/ado/wit-client';
import type { WorkItem, WorkItemLink, WorkItemQueryResult, WorkItemStateColor } from '../../../src/trackers/ado/wit-contracts';
import { contractFile } from '../../contracts/paths';

const DIR = contractFile('ado-wit-7.2-examples');
function recorded<T>(file: string): T {
  return (JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8')) as { responses: { '200': { body: T } } }).responses['200'].body;
}

const tree = recorded<WorkItemQueryResult>('GET__wit_wiql__queryId_.json');
const flat = recorded<WorkItemQueryResult>('GET__wit_get_id_workitems.json');
const batch = recorded<{ value: WorkItem[] }>('POST__wit_WorkItemsBatch_ids-_ids__fields-_columns_.json');
const bugStates = recorded<{ value: WorkItemStateColor[] }>('GET__workitem_type_states.json');

/** Answers from the recordings; a link query gets the recorded rows of the sources it names. */
class RecordedClient implements AdoWitClient {
  readonly linkSources: number[][] = [];
  extraItems: WorkItem[] = [];

  queryByWiql(wiql: { query: string }): Promise<WorkItemQueryResult> {
    const sources = /IN \(([\d,]+)\)/.exec(wiql.query)?.[1];
    if (!/FROM WorkItemLinks/.test(wiql.query) || sources === undefined) return Promise.resolve(flat);
    const ids = sources.split(',').map(Number);
    this.linkSources.push(ids);
    const rows = (tree.workItemRelations ?? []).filter((r: WorkItemLink) => ids.includes((r.source ?? r.target)?.id ?? -1));
    return Promise.resolve({ workItemRelations: rows });
  }

  getWorkItemsBatch(request: { ids: number[] }): Promise<(WorkItem | null)[]> {
    const all = [...batch.value, ...this.extraItems];
    return Promise.resolve(request.ids.map((id) => all.find((w) => w.id === id) ?? null));
  }

  getWorkItemTypeStates(_project: string, type: string): Promise<WorkItemStateColor[]> {
    return Promise.resolve(type === 'Bug' ? bugStates.value : []);
  }
}

function source(client: RecordedClient): AdoWorkItemSource {
  return new AdoWorkItemSource({ client, project: 'Fabrikam-Fiber-Git' });
}

describe("Microsoft's recorded examples through the adapter", () => {
  it('walks the recorded hierarchy level by level, one link query per level', async () => {
    const client = new RecordedClient();
    await source(client).getDescendants(['ado:20']);
    expect(client.linkSources).toEqual([[20], [1, 2, 3, 10], [13, 14, 15, 16, 17, 18, 19]]);
  });

  it('maps the recorded batch read to core work items, parents from the recorded links', async () => {
    const client = new RecordedClient();
    expect(await source(client).getDescendants(['ado:297'])).toEqual([
      // The recording asked for no State, so no category can be read: counted as todo.
      // RemainingWork is not an estimate field (SPEC §6), so no estimate.
      { ref: 'ado:299', title: 'JavaScript implementation for Microsoft Account', type: 'Task', status: 'todo', parent: 'ado:297' },
      { ref: 'ado:300', title: 'Unit Testing for MSA login', type: 'Task', status: 'todo', parent: 'ado:297' },
    ]);
    expect(await source(client).getScope(['ado:297', 'ado:404'])).toEqual({
      items: [
        { ref: 'ado:297', title: 'Customer can sign in using their Microsoft Account', type: 'Product Backlog Item', status: 'todo' },
        expect.objectContaining({ ref: 'ado:299', parent: 'ado:297' }),
        expect.objectContaining({ ref: 'ado:300', parent: 'ado:297' }),
      ],
      missing: ['ado:404'],
    });
  });

  it('searches through the recorded flat query, keeping its order and dropping ids the read does not return', async () => {
    const hits = await source(new RecordedClient()).search('Microsoft Account', 10);
    expect(hits.map((h) => h.ref)).toEqual(['ado:300', 'ado:299']);
  });

  it('decides status from the recorded Bug states, custom state included', async () => {
    const client = new RecordedClient();
    const names = [...bugStates.value.map((s) => s.name as string), 'Unheard of'];
    client.extraItems = names.map((state, i) => ({
      id: 500 + i,
      fields: { 'System.WorkItemType': 'Bug', 'System.State': state, 'System.TeamProject': 'Fabrikam-Fiber-Git', 'System.Title': state },
    }));
    const { items } = await source(client).getItems(names.map((_, i) => `ado:${500 + i}`));
    expect(items.map((w) => [w.title, w.status])).toEqual([
      ['New', 'todo'],
      ['Active', 'in-progress'],
      ['CustomState', 'in-progress'],
      ['Resolved', 'in-progress'],
      ['Closed', 'done'],
      // A state the type does not list never counts as done or cancelled.
      ['Unheard of', 'todo'],
    ]);
  });
});
