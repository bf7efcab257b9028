import { describe, expect, it } from 'vitest';
import { RoutingWorkItemSource } from '../../src/app/routing-source';
import { generateWorkItem } from '../builders';
import { FakeWorkItemSource } from './fake-work-item-source';

function sources() {
  const jira = new FakeWorkItemSource([
    generateWorkItem({ ref: 'jira:CS-1', title: 'CRM rollout' }),
    generateWorkItem({ ref: 'jira:CS-2', title: 'CRM vendor', parent: 'jira:CS-1' }),
    generateWorkItem({ ref: 'jira:CS-3', title: 'CRM import', parent: 'jira:CS-1' }),
  ]);
  const ado = new FakeWorkItemSource([generateWorkItem({ ref: 'ado:1', title: 'CRM migration' }), generateWorkItem({ ref: 'ado:2', title: 'Sync', parent: 'ado:1' })]);
  return { jira, ado, routing: new RoutingWorkItemSource({ jira, ado }) };
}

describe('RoutingWorkItemSource', () => {
  it('sends each ref to its tracker, one call per tracker', async () => {
    const { jira, ado, routing } = sources();
    const result = await routing.getItems(['jira:CS-1', 'ado:1', 'jira:CS-404', 'ado:1']);
    expect(result.items.map((i) => i.ref).sort()).toEqual(['ado:1', 'jira:CS-1']);
    expect(result.missing).toEqual(['jira:CS-404']);
    expect([jira.calls.getItems, ado.calls.getItems]).toEqual([1, 1]);
    const descendants = await routing.getDescendants(['jira:CS-1', 'ado:1']);
    expect(descendants.map((i) => i.ref).sort()).toEqual(['ado:2', 'jira:CS-2', 'jira:CS-3']);
  });

  it('treats refs no configured tracker can hold as missing', async () => {
    const jira = new FakeWorkItemSource([generateWorkItem()]);
    const routing = new RoutingWorkItemSource({ jira });
    expect(await routing.getItems(['ado:7', 'not a ref', 'jira:CS-1'])).toEqual({ items: [generateWorkItem()], missing: ['ado:7', 'not a ref'] });
    expect(jira.calls.getItems).toBe(1);
    expect(await routing.getDescendants(['ado:7'])).toEqual([]);
  });

  it('interleaves search hits so one tracker cannot crowd out the other', async () => {
    const { routing } = sources();
    const hits = await routing.search('crm', 3);
    expect(hits.map((i) => i.ref)).toEqual(['jira:CS-1', 'ado:1', 'jira:CS-2']);
  });

  it('reads a whole ref typed into the search from its own tracker', async () => {
    const { jira, ado, routing } = sources();
    expect((await routing.search(' ado:2 ', 5)).map((i) => i.title)).toEqual(['Sync']);
    expect([jira.calls.search, ado.calls.search, ado.calls.getItems]).toEqual([0, 0, 1]);
  });
});
