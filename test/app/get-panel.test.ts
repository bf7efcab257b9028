import { describe, expect, it } from 'vitest';
import type { PanelKeyResult } from '../../src/app/api';
import { generateEffortKeyResult, generateObjective, generatePlan, generateWorkItem } from '../builders';
import { harness } from './harness';

function effort(entry: PanelKeyResult | undefined) {
  if (entry?.kr.type !== 'effort') throw new Error('expected an effort KR');
  return entry.kr;
}

describe('getPanel', () => {
  it('shows the KRs linked to an epic with live progress and its own contribution (SPEC §2 effort rules)', async () => {
    const h = await harness();
    const panel = await h.call('getPanel', { ref: 'jira:CS-1' });
    expect(panel.item.title).toBe('CRM rollout');
    expect(panel.ancestors).toEqual([]);
    expect(panel.keyResults.map((k) => k.kr.id)).toEqual(['KR-CRM']);
    const entry = panel.keyResults[0];
    const kr = effort(entry);
    // CS-2, CS-4, CS-8 done; CS-5, CS-6 open; CS-7 cancelled; ado:102 done, ado:103 open.
    expect(kr.units).toEqual({ done: 4, total: 7 });
    expect(kr.progress).toBeCloseTo(4 / 7, 10);
    expect(entry?.via).toBe('jira:CS-1');
    expect(entry?.contribution).toEqual({ done: 3, total: 5 });
    expect(entry?.objective.id).toBe('O-LOYAL');
    expect(entry?.chain.map((c) => [c.kind, c.id, c.teamName])).toEqual([['objective', 'O-LOYAL', 'Rain Town Tea']]);
    expect(panel.at).toBe(h.clock.today);
  });

  it('finds KRs through an ancestor and counts only the item\'s own subtree as its contribution', async () => {
    const h = await harness();
    const panel = await h.call('getPanel', { ref: 'jira:CS-3' });
    expect(panel.ancestors.map((a) => a.ref)).toEqual(['jira:CS-1']);
    expect(panel.keyResults).toHaveLength(1);
    expect(panel.keyResults[0]?.via).toBe('jira:CS-1');
    expect(panel.keyResults[0]?.contribution).toEqual({ done: 1, total: 2 });
    expect(effort(panel.keyResults[0]).units).toEqual({ done: 4, total: 7 });
  });

  it('walks the objective chain up through a KR to the company objective', async () => {
    const h = await harness();
    const panel = await h.call('getPanel', { ref: 'jira:CS-20' });
    const entry = panel.keyResults[0];
    expect(entry?.kr.id).toBe('KR-SAVE-FLOW');
    expect(entry?.chain.map((c) => `${c.kind}:${c.id}`)).toEqual(['objective:O-WINBACK', 'key-result:KR-RETENTION', 'objective:O-LOYAL']);
    const retention = entry?.chain[1];
    // KR-RETENTION: 73 → 75, latest check-in 74.1 (SPEC §2 outcome rule).
    expect(retention?.progress).toBeCloseTo(0.55, 10);
    expect(retention?.teamName).toBe('Rain Town Tea');
    expect(entry?.chain[0]?.teamName).toBe('Customer Success');
  });

  it('shows an ADO work item\'s KRs the same way (mixed Jira and ADO scope)', async () => {
    const h = await harness();
    const panel = await h.call('getPanel', { ref: 'ado:101' });
    expect(panel.keyResults.map((k) => k.kr.id)).toEqual(['KR-CRM']);
    expect(panel.keyResults[0]?.contribution).toEqual({ done: 1, total: 2 });
  });

  it('lists the nearest link first when a KR is reached through the item and through its parent', async () => {
    const plan = generatePlan({
      objectives: [
        generateObjective({
          keyResults: [
            generateEffortKeyResult({ id: 'KR-A', links: ['jira:CS-1'] }),
            generateEffortKeyResult({ id: 'KR-B', links: ['jira:CS-2', 'jira:CS-1'] }),
          ],
        }),
      ],
    });
    const items = [generateWorkItem(), generateWorkItem({ ref: 'jira:CS-2', title: 'Vendor', status: 'done', parent: 'jira:CS-1' })];
    const h = await harness({ plan, items });
    const panel = await h.call('getPanel', { ref: 'jira:CS-2' });
    expect(panel.keyResults.map((k) => [k.kr.id, k.via])).toEqual([
      ['KR-B', 'jira:CS-2'],
      ['KR-A', 'jira:CS-1'],
    ]);
  });

  it('answers an empty panel for an item no KR reaches', async () => {
    const h = await harness();
    h.source.set(generateWorkItem({ ref: 'jira:OPS-1', title: 'Office move', status: 'todo' }));
    const panel = await h.call('getPanel', { ref: 'jira:OPS-1' });
    expect(panel.item.title).toBe('Office move');
    expect(panel.keyResults).toEqual([]);
  });

  it('finds the KR of a parent work item in ADO (story → feature)', async () => {
    const h = await harness();
    const panel = await h.call('getPanel', { ref: 'ado:304' });
    expect(panel.ancestors.map((a) => a.ref)).toEqual(['ado:300']);
    expect(panel.keyResults.map((k) => k.kr.id)).toEqual(['KR-PREVIEW-ENVS']);
    expect(panel.keyResults[0]?.contribution).toEqual({ done: 0, total: 1 });
  });

  it('evaluates as of a date: the scope is live, check-ins after the date do not count (SPEC §2)', async () => {
    const h = await harness();
    const panel = await h.call('getPanel', { ref: 'jira:CS-20', at: '2026-10-31' as never });
    const retention = panel.keyResults[0]?.chain[1];
    expect(retention?.progress).toBeCloseTo(0.2, 10); // 73.4 checked in on 2026-10-15
  });

  it('refuses an item that does not exist, and one the viewer may not see, with the same answer', async () => {
    const h = await harness({ hidden: ['jira:CS-3'] });
    const missing = await h.fail('getPanel', { ref: 'jira:CS-999' });
    const hidden = await h.fail('getPanel', { ref: 'jira:CS-3' });
    expect(missing.code).toBe('not-found');
    expect(hidden.code).toBe('not-found');
    expect(hidden.message).toBe(missing.message.replace('CS-999', 'CS-3'));
  });

  it('never shows an item hidden from the viewer: not as an ancestor, not as a unit, not by title', async () => {
    const h = await harness({ hidden: ['jira:CS-3'] });
    const panel = await h.call('getPanel', { ref: 'jira:CS-1' });
    const text = JSON.stringify(panel);
    expect(text).not.toContain('Import customer records');
    expect(text).not.toContain('jira:CS-3');
    // Its sub-tasks are reached only through it, so they drop out of the scope too.
    expect(text).not.toContain('jira:CS-4');
    expect(effort(panel.keyResults[0]).units).toEqual({ done: 3, total: 5 });

    const child = await harness({ hidden: ['jira:CS-1'] });
    const below = await child.call('getPanel', { ref: 'jira:CS-3' });
    expect(below.ancestors).toEqual([]);
    expect(below.keyResults).toEqual([]);
  });

  it('refuses a malformed ref with a path to it', async () => {
    const h = await harness();
    const error = await h.fail('getPanel', { ref: 'CS 1' });
    expect(error.code).toBe('invalid-input');
    expect(error.problems?.[0]?.path).toBe('ref');
    expect((await h.fail('getPanel', { ref: 'jira:CS-1', at: '2026-02-30' })).problems?.[0]?.path).toBe('at');
    expect((await h.fail('getPanel', { ref: 'jira:CS-1', extra: 1 })).problems).toEqual([{ path: 'extra', message: 'unknown field' }]);
  });

  it('reads each scope with one batched getItems and one getDescendants', async () => {
    const h = await harness();
    h.source.calls.getItems = 0;
    h.source.calls.getDescendants = 0;
    await h.call('getPanel', { ref: 'jira:CS-5' });
    // The item, its two ancestors (CS-3, CS-1), then the links not read yet (ado:101) at
    // once; descendants once.
    expect(h.source.calls).toMatchObject({ getItems: 4, getDescendants: 1 });
    h.source.calls.getItems = 0;
    await h.call('getPanel', { ref: 'jira:CS-20' });
    // KR-SAVE-FLOW's only link is the item itself; the chain's objectives need their links.
    expect(h.source.calls.getItems).toBe(2);
  });
});
