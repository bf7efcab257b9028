// Issue 4, triggers: an issue event recomputes only the KRs whose scope holds the issue, stores
// a progress snapshot, keeps the `harmony-okr` property in line, and costs at most 3 Jira
// requests when it touches one KR; a deleted issue leaves no dangling unit. Events run through
// the real @forge/api as the app (asApp) against the emulated site over HTTP.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { C, type LinkDoc, type SnapshotDoc } from '../../src/app/collections';
import { listAll } from '../../src/app/list-all';
import type { KeyResultDetail } from '../../src/app/api';
import { FC, type ScopeHead } from '../../src/forge/collections';
import { PROPERTY_KEY } from '../../src/forge/triggers/issue-property';
import { krsContaining } from '../../src/forge/triggers/members';
import { itemsOf, readScope } from '../../src/forge/triggers/scope-store';
import { ALICE_ID, forgeSiteDataset, PLAN, TODAY } from './fixtures';
import { dataOf, forgeHarness, STORE_KINDS, type ForgeHarness } from './harness';

const KRS = ['KR-CRM', 'KR-MIG', 'KR-OPS', 'KR-RET'];
const plan = () => {
  const p = structuredClone(PLAN);
  p.objectives[0]?.keyResults.push({ id: 'KR-MIG', title: 'Migrate every contact', type: 'effort', links: ['jira:CS-3'] });
  return p;
};

describe.each(STORE_KINDS)('on the %s store', (store) => {
  let h: ForgeHarness;
  beforeEach(async () => {
    h = await forgeHarness({ dataset: forgeSiteDataset(), today: TODAY, store });
    dataOf(await h.invoke('importPlan', { text: JSON.stringify(plan()), format: 'json' }, ALICE_ID));
    const pass = await h.reconcile();
    expect(pass?.finished).toBe(true);
    expect(h.site.violations).toEqual([]);
    h.runtime.calls.length = 0;
  });
  afterEach(() => h.close());

  async function heads(): Promise<Record<string, { version: string; done?: number; total?: number } | undefined>> {
    const out: Record<string, { version: string; done?: number; total?: number } | undefined> = {};
    for (const kr of KRS) {
      const doc = await h.store.get<SnapshotDoc>(C.snapshotHeads, kr);
      out[kr] = doc && { version: doc.version, ...(doc.value.done !== undefined ? { done: doc.value.done, total: doc.value.total } : {}) };
    }
    return out;
  }

  const property = (key: string) => h.site.property(key, PROPERTY_KEY);
  const changed = (before: Awaited<ReturnType<typeof heads>>, after: Awaited<ReturnType<typeof heads>>) =>
    KRS.filter((kr) => before[kr]?.version !== after[kr]?.version);
  /** Jira requests of the trigger invocations since the last reset, and as whom they went. */
  const triggerCalls = () => h.runtime.calls.filter((c) => c.module === 'issue-events');

  const DONE = { statusCategory: 'done' as const, statusName: 'Done', resolution: 'Done' };
  const statusChange = { items: [{ field: 'status', fieldId: 'status' }, { field: 'resolution', fieldId: 'resolution' }] };

  describe('the reconciliation pass (as the app)', () => {
    test('stores each effort KR scope, the memberships and the issue property with KR ids only', async () => {
      expect(await krsContaining(h.store, 'jira:CS-5')).toEqual(['KR-CRM', 'KR-MIG']);
      expect(property('CS-5')).toEqual({ keyResults: ['KR-CRM', 'KR-MIG'] });
      expect(property('CS-2')).toEqual({ keyResults: ['KR-CRM'] });
      // The app sees every project: the secret child of the CRM epic is counted and labelled too.
      expect(property('SECRET-1')).toEqual({ keyResults: ['KR-CRM'] });
      // Issues in no effort KR's scope carry nothing.
      expect(property('CS-14')).toBeUndefined();
      const scope = await readScope(h.store, 'KR-CRM');
      expect(itemsOf(scope).some((i) => 'title' in i)).toBe(false);
      expect((await heads())['KR-CRM']).toMatchObject({ done: 3, total: 8 });
    });
  });

  describe('issue events', () => {
    test('an issue moved to Done updates exactly the KRs that contain it, in at most 3 requests', async () => {
      const before = await heads();
      h.site.emulator.updateIssue('CS-5', DONE);
      const outcome = await h.event({ eventType: 'avi:jira:updated:issue', issue: { id: '10005', key: 'CS-5' }, changelog: statusChange });
      const after = await heads();
      expect(changed(before, after)).toEqual(['KR-CRM', 'KR-MIG']);
      expect(after['KR-CRM']).toMatchObject({ done: 4, total: 8 });
      expect(after['KR-MIG']).toMatchObject({ done: 2, total: 2 });
      expect(outcome?.requests).toBeLessThanOrEqual(3);
      expect(triggerCalls().length).toBe(outcome?.requests);
      expect(triggerCalls().every((c) => c.provider === 'app')).toBe(true);
      console.info(`issue-updated event touching 2 KRs: ${outcome?.requests} Jira request(s)`);
    });

    test('an issue of another epic touches only its own KR', async () => {
      const before = await heads();
      h.site.emulator.updateIssue('OPS-2', DONE);
      const outcome = await h.event({ eventType: 'avi:jira:updated:issue', issue: { key: 'OPS-2' }, changelog: statusChange });
      expect(changed(before, await heads())).toEqual(['KR-OPS']);
      expect(outcome?.requests).toBeLessThanOrEqual(3);
      console.info(`issue-updated event touching 1 KR: ${outcome?.requests} Jira request(s)`);
    });

    test('a change to an issue in no scope costs no Jira request and touches nothing', async () => {
      const before = await heads();
      h.site.emulator.updateIssue('CS-14', DONE);
      const outcome = await h.event({ eventType: 'avi:jira:updated:issue', issue: { key: 'CS-14' }, changelog: statusChange });
      expect(changed(before, await heads())).toEqual([]);
      expect(outcome?.requests).toBe(0);
    });

    test('a new story under a counted story joins both KRs and gets the property, in at most 3 requests', async () => {
      const before = await heads();
      h.site.emulator.addIssue({ key: 'CS-16', summary: 'Dedupe contacts', issuetype: 'Sub-task', statusCategory: 'new', parent: 'CS-3' });
      const outcome = await h.event({ eventType: 'avi:jira:created:issue', issue: { key: 'CS-16' } });
      const after = await heads();
      expect(changed(before, after)).toEqual(['KR-CRM', 'KR-MIG']);
      expect(after['KR-MIG']).toMatchObject({ done: 1, total: 3 });
      expect(property('CS-16')).toEqual({ keyResults: ['KR-CRM', 'KR-MIG'] });
      expect(outcome?.requests).toBeLessThanOrEqual(3);
      console.info(`issue-created event touching 2 KRs: ${outcome?.requests} Jira request(s)`);
    });

    test('an issue moved to another epic leaves one KR and joins the other, property included', async () => {
      const before = await heads();
      h.site.emulator.updateIssue('CS-11', { parent: 'OPS-1' });
      await h.event({ eventType: 'avi:jira:updated:issue', issue: { key: 'CS-11' }, changelog: { items: [{ field: 'IssueParentAssociation', fieldId: 'parent' }] } });
      const after = await heads();
      expect(changed(before, after)).toEqual(['KR-CRM', 'KR-OPS']);
      expect(after['KR-CRM']).toMatchObject({ total: 7 });
      expect(after['KR-OPS']).toMatchObject({ total: 2 });
      expect(property('CS-11')).toEqual({ keyResults: ['KR-OPS'] });
    });

    test('a deleted issue leaves no dangling unit: its subtree leaves every scope and the link naming it goes', async () => {
      // Jira deletes CS-3 with its sub-tasks CS-4 and CS-5; KR-MIG links CS-3 itself.
      h.site.emulator.deleteIssue('CS-3');
      await h.event({ eventType: 'avi:jira:deleted:issue', issue: { key: 'CS-3' } });
      for (const sub of ['CS-4', 'CS-5']) await h.event({ eventType: 'avi:jira:deleted:issue', issue: { key: sub } });

      for (const ref of ['jira:CS-3', 'jira:CS-4', 'jira:CS-5']) expect(await krsContaining(h.store, ref)).toEqual([]);
      const stored = [...itemsOf(await readScope(h.store, 'KR-CRM')), ...itemsOf(await readScope(h.store, 'KR-MIG'))].map((i) => i.ref);
      expect(stored.filter((r) => ['jira:CS-3', 'jira:CS-4', 'jira:CS-5'].includes(r))).toEqual([]);
      expect((await listAll<LinkDoc>(h.store, C.links, { index: 'ref', value: 'jira:CS-3' })).length).toBe(0);
      const after = await heads();
      expect(after['KR-CRM']).toMatchObject({ done: 2, total: 6 });
      expect(after['KR-MIG']).toMatchObject({ done: 0, total: 0 });
      // What a viewer then sees of KR-MIG: no unit, and no "unknown" link left behind.
      const detail = dataOf<KeyResultDetail>(await h.invoke('getKeyResult', { kr: 'KR-MIG' }, ALICE_ID));
      expect(detail.kr.type === 'effort' && detail.kr.explanation).toMatchObject({ units: [], unknownLinks: [] });
    });

    test('after any sequence of events the stored state is what a full reconciliation computes', async () => {
      h.site.emulator.updateIssue('CS-5', DONE);
      await h.event({ eventType: 'avi:jira:updated:issue', issue: { key: 'CS-5' }, changelog: statusChange });
      h.site.emulator.addIssue({ key: 'CS-16', summary: 'Dedupe contacts', issuetype: 'Story', statusCategory: 'new', parent: 'CS-1', storyPoints: 2 });
      await h.event({ eventType: 'avi:jira:created:issue', issue: { key: 'CS-16' } });
      h.site.emulator.updateIssue('CS-11', { parent: 'OPS-1' });
      await h.event({ eventType: 'avi:jira:updated:issue', issue: { key: 'CS-11' }, changelog: { items: [{ fieldId: 'parent' }] } });
      const byEvents = await heads();
      const scopesByEvents = await Promise.all(KRS.map(async (kr) => itemsOf(await readScope(h.store, kr)).map((i) => i.ref).sort()));

      // A new pass reads everything anew and must find nothing to change.
      await h.store.delete(FC.reconcile, 'pass', (await h.store.get(FC.reconcile, 'pass'))?.version ?? '');
      await h.reconcile();
      const byPass = await heads();
      const scopesByPass = await Promise.all(KRS.map(async (kr) => itemsOf(await readScope(h.store, kr)).map((i) => i.ref).sort()));
      expect(scopesByPass).toEqual(scopesByEvents);
      for (const kr of KRS) expect(byPass[kr] && { done: byPass[kr].done, total: byPass[kr].total }).toEqual(byEvents[kr] && { done: byEvents[kr].done, total: byEvents[kr].total });
      const head = await h.store.get<ScopeHead>(FC.scopeHeads, 'KR-CRM');
      expect(head?.value.size).toBe(scopesByPass[0]?.length);
    });
  });
});
