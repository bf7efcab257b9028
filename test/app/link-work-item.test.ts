import { describe, expect, it } from 'vitest';
import type { KeyResultReport } from '../../src/core/report/types';
import { dumpStore, harness } from './harness';

function units(kr: KeyResultReport) {
  if (kr.type !== 'effort') throw new Error('expected an effort KR');
  return kr.units;
}

describe('linkWorkItem / unlinkWorkItem', () => {
  it('links an ADO work item to a KR and the KR\'s progress changes at once', async () => {
    const h = await harness();
    const before = await h.call('getPanel', { ref: 'jira:CS-10' });
    expect(units(before.keyResults[0]?.kr as KeyResultReport)).toEqual({ done: 2, total: 4 });

    const kr = await h.call('linkWorkItem', { kr: 'KR-SUCCESS-PLANS', ref: 'ado:300' });
    // ado:300 adds 301, 302 done and 303, 304 open.
    expect(units(kr)).toEqual({ done: 4, total: 8 });
    expect(kr.links).toEqual(['ado:300', 'jira:CS-10']);

    const panel = await h.call('getPanel', { ref: 'ado:303' });
    // Same distance: plan order (O-LOYAL before O-BORING-DEPLOYS).
    expect(panel.keyResults.map((k) => [k.kr.id, k.via])).toEqual([
      ['KR-SUCCESS-PLANS', 'ado:300'],
      ['KR-PREVIEW-ENVS', 'ado:300'],
    ]);
    const exported = await h.exported();
    expect(exported.objectives.find((o) => o.id === 'O-LOYAL')?.keyResults.find((k) => k.id === 'KR-SUCCESS-PLANS')?.links).toEqual([
      'jira:CS-10',
      'ado:300',
    ]);
  });

  it('links once however often it is asked', async () => {
    const h = await harness();
    await h.call('linkWorkItem', { kr: 'KR-SUCCESS-PLANS', ref: 'ado:300' });
    const again = await h.call('linkWorkItem', { kr: 'KR-SUCCESS-PLANS', ref: 'ado:300' });
    expect(again.links).toEqual(['ado:300', 'jira:CS-10']);
  });

  it('refuses a work item that does not exist or that the viewer may not see; nothing is stored', async () => {
    const h = await harness({ hidden: ['jira:CS-6'] });
    const before = await dumpStore(h.store);
    const missing = await h.fail('linkWorkItem', { kr: 'KR-CRM', ref: 'ado:9999' });
    expect(missing).toMatchObject({ code: 'not-found', message: expect.stringContaining('ado:9999') as string });
    expect((await h.fail('linkWorkItem', { kr: 'KR-SUCCESS-PLANS', ref: 'jira:CS-6' })).code).toBe('not-found');
    expect(await dumpStore(h.store)).toEqual(before);
  });

  it('refuses an unknown KR and a malformed ref, each with what to fix', async () => {
    const h = await harness();
    const before = await dumpStore(h.store);
    expect(await h.fail('linkWorkItem', { kr: 'KR-NOPE', ref: 'jira:CS-1' })).toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('key result KR-NOPE') as string,
    });
    const malformed = await h.fail('linkWorkItem', { kr: '', ref: 'CS-1' });
    expect(malformed.code).toBe('invalid-input');
    expect(malformed.problems?.map((p) => p.path).sort()).toEqual(['kr', 'ref']);
    expect(malformed.problems?.find((p) => p.path === 'ref')?.message).toContain('"jira:CS-1"');
    expect(await dumpStore(h.store)).toEqual(before);
  });

  it('unlinks, and the progress goes back', async () => {
    const h = await harness();
    await h.call('linkWorkItem', { kr: 'KR-CRM', ref: 'ado:300' });
    const kr = await h.call('unlinkWorkItem', { kr: 'KR-CRM', ref: 'ado:300' });
    expect(units(kr)).toEqual({ done: 4, total: 7 });
    expect(kr.links).toEqual(['ado:101', 'jira:CS-1']);
    expect((await h.call('getPanel', { ref: 'ado:300' })).keyResults.map((k) => k.kr.id)).toEqual(['KR-PREVIEW-ENVS']);
  });

  it('unlinks a link whose item this viewer cannot read (an admin allowed to edit it), and refuses to unlink what is not linked', async () => {
    const h = await harness({ hidden: ['ado:101'] });
    const kr = await h.call('getKeyResult', { kr: 'KR-CRM' });
    // Issue 8, finding 4: a link the viewer cannot read is not named to them at all.
    expect(kr.kr.type === 'effort' && kr.kr.explanation.unknownLinks).toEqual([]);
    expect(kr.kr.links).toEqual(['jira:CS-1']);
    const after = await h.call('unlinkWorkItem', { kr: 'KR-CRM', ref: 'ado:101' });
    expect(after.links).toEqual(['jira:CS-1']);
    expect((await h.fail('unlinkWorkItem', { kr: 'KR-CRM', ref: 'ado:101' })).code).toBe('not-found');
  });

  it('links a work item to an outcome KR without counting it (SPEC §1: shown, never counted)', async () => {
    const h = await harness();
    const kr = await h.call('linkWorkItem', { kr: 'KR-RETENTION', ref: 'jira:CS-20' });
    expect(kr.type).toBe('outcome');
    expect(kr.progress).toBeCloseTo(0.55, 10);
    const panel = await h.call('getPanel', { ref: 'jira:CS-21' });
    expect(panel.keyResults.map((k) => [k.kr.id, k.contribution])).toEqual([
      ['KR-RETENTION', undefined],
      ['KR-SAVE-FLOW', { done: 1, total: 1 }],
    ]);
  });
});
