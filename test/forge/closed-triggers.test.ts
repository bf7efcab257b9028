// Issue 12, "frozen means frozen" on Forge: once a period is closed, issue events and the daily
// reconciliation neither recompute its KRs nor write their issues' `harmony-okr` property, and
// the panel keeps showing the closed number. Reopening asks for a pass that catches them up.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { KeyResultDetail } from '../../src/app/api';
import { C, type SnapshotDoc } from '../../src/app/collections';
import { PROPERTY_KEY } from '../../src/forge/triggers/issue-property';
import { itemsOf, readScope } from '../../src/forge/triggers/scope-store';
import { ALICE_ID, forgeSiteDataset, PLAN, TODAY } from './fixtures';
import { dataOf, forgeHarness, type ForgeHarness } from './harness';

const DONE = { statusCategory: 'done' as const, statusName: 'Done', resolution: 'Done' };
const statusChange = { items: [{ field: 'status', fieldId: 'status' }, { field: 'resolution', fieldId: 'resolution' }] };

describe('triggers skip the KRs of a closed period', () => {
  let h: ForgeHarness;
  beforeEach(async () => {
    h = await forgeHarness({ dataset: forgeSiteDataset(), today: TODAY, store: 'memory' });
    dataOf(await h.invoke('importPlan', { text: JSON.stringify(PLAN), format: 'json' }, ALICE_ID));
    expect((await h.reconcile())?.finished).toBe(true);
    dataOf(await h.invoke('closePeriod', { period: '2026-Q4' }, ALICE_ID));
    h.runtime.calls.length = 0;
  });
  afterEach(() => h.close());

  const head = async (kr: string) => h.store.get<SnapshotDoc>(C.snapshotHeads, kr);
  const detail = async () => dataOf<KeyResultDetail>(await h.invoke('getKeyResult', { kr: 'KR-CRM' }, ALICE_ID));

  test('an issue moved to Done changes nothing: no Jira request, no scope, snapshot or property write', async () => {
    const before = { head: await head('KR-CRM'), scope: itemsOf(await readScope(h.store, 'KR-CRM')), property: h.site.property('CS-5', PROPERTY_KEY) };
    const shown = (await detail()).kr;
    h.site.emulator.updateIssue('CS-5', DONE);
    await h.event({ eventType: 'avi:jira:updated:issue', issue: { id: '10005', key: 'CS-5' }, changelog: statusChange });
    expect((await head('KR-CRM'))?.version).toBe(before.head?.version);
    expect(itemsOf(await readScope(h.store, 'KR-CRM'))).toEqual(before.scope);
    expect(h.site.property('CS-5', PROPERTY_KEY)).toEqual(before.property);
    expect(h.runtime.calls.filter((c) => c.module === 'issue-events' && c.method !== 'GET')).toEqual([]);
    // What every viewer sees is the closed number, not Jira's new one.
    const after = (await detail()).kr;
    expect(after.progress).toBe(shown.progress);
    expect(after.status).toBe('closed');
  });

  test('the reconciliation pass leaves closed KRs alone; reopening catches them up', async () => {
    h.site.emulator.updateIssue('CS-5', DONE);
    const before = await head('KR-CRM');
    const scope = itemsOf(await readScope(h.store, 'KR-CRM'));
    // An import of the exported plan (the close travels with it) asks for a whole pass.
    const exported = dataOf<{ text: string }>(await h.invoke('exportPlan', { format: 'json' }, ALICE_ID));
    dataOf(await h.invoke('importPlan', { text: exported.text, format: 'json' }, ALICE_ID));
    expect((await h.reconcile())?.finished).toBe(true);
    expect((await head('KR-CRM'))?.value).toEqual(before?.value);
    expect(itemsOf(await readScope(h.store, 'KR-CRM'))).toEqual(scope);
    expect(scope.find((i) => i.ref === 'jira:CS-5')?.status).not.toBe('done');

    dataOf(await h.invoke('reopenPeriod', { period: '2026-Q4' }, ALICE_ID));
    expect((await h.reconcile())?.finished).toBe(true);
    const reopened = await head('KR-CRM');
    expect(reopened?.value.done).toBe((before?.value.done ?? 0) + 1);
    expect(itemsOf(await readScope(h.store, 'KR-CRM')).find((i) => i.ref === 'jira:CS-5')?.status).toBe('done');
  });
});
