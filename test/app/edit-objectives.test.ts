import { describe, expect, it } from 'vitest';
import { dumpStore, harness, type Harness } from './harness';

async function versionOf(h: Harness, id: string): Promise<string> {
  const doc = await h.store.get('objectives', id);
  if (!doc) throw new Error(`no objective ${id}`);
  return doc.version;
}

describe('saveObjective', () => {
  it('creates an objective with a fresh id and answers its report and version', async () => {
    const h = await harness();
    const created = await h.call('saveObjective', { objective: { title: 'Make tea loved at work', team: 'sales', period: '2026-Q4', owner: 'sam', aligns: 'O-LOYAL' }, expected: null });
    expect(created).toMatchObject({ id: 'O7', title: 'Make tea loved at work', team: 'sales', progress: 0, aligns: 'O-LOYAL', keyResults: [] });
    expect(created.version).toBe(await versionOf(h, 'O7'));
    const exported = await h.exported();
    expect(exported.objectives.at(-1)).toEqual({ id: 'O7', title: 'Make tea loved at work', team: 'sales', period: '2026-Q4', owner: 'sam', aligns: 'O-LOYAL', keyResults: [] });
  });

  it('updates with the version it read, keeping the KRs and the place in the plan', async () => {
    const h = await harness();
    const version = await versionOf(h, 'O-LOYAL');
    const saved = await h.call('saveObjective', { objective: { id: 'O-LOYAL', title: 'Create wildly loyal tea drinkers', team: 'company', period: '2026-Q4', owner: 'maria' }, expected: version });
    expect(saved.keyResults).toEqual(['KR-RETENTION', 'KR-HEALTHY', 'KR-SUCCESS-PLANS', 'KR-CRM']);
    expect(saved.version).not.toBe(version);
    const exported = await h.exported();
    expect(exported.objectives[1]?.title).toBe('Create wildly loyal tea drinkers');
  });

  it('refuses a stale update with a conflict and changes nothing', async () => {
    const h = await harness();
    const version = await versionOf(h, 'O-LOYAL');
    const input = { id: 'O-LOYAL', title: 'First edit', team: 'company', period: '2026-Q4' };
    await h.call('saveObjective', { objective: input, expected: version });
    const before = await dumpStore(h.store);
    const error = await h.fail('saveObjective', { objective: { ...input, title: 'Second edit, from an old screen' }, expected: version });
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('reload');
    expect(await dumpStore(h.store)).toEqual(before);
    // Creating an id someone just created is the same race.
    expect((await h.fail('saveObjective', { objective: { ...input, id: 'O-SUMMER' }, expected: null })).code).toBe('conflict');
  });

  it('lists every problem at once: empty title, unknown team and period, unknown alignment', async () => {
    const h = await harness();
    const before = await dumpStore(h.store);
    const shape = await h.fail('saveObjective', { objective: { title: ' ', team: 'sales', period: '2026-Q4' }, expected: null });
    expect(shape.problems).toEqual([{ path: 'objective.title', message: 'must not be empty' }]);
    const refs = await h.fail('saveObjective', { objective: { title: 'T', team: 'marketing', period: '2027-Q1', aligns: 'KR-NOPE' }, expected: null });
    expect(refs.problems?.map((p) => p.path)).toEqual(['objective.team', 'objective.period', 'objective.aligns']);
    expect((await h.fail('saveObjective', { objective: { id: 'KR-CRM', title: 'T', team: 'sales', period: '2026-Q4' }, expected: null })).problems?.[0]?.path).toBe(
      'objective.id',
    );
    expect((await h.fail('saveObjective', { objective: { id: 'O-GONE', title: 'T', team: 'sales', period: '2026-Q4' }, expected: 'v1' })).code).toBe('not-found');
    expect(await dumpStore(h.store)).toEqual(before);
  });

  it('refuses an alignment that would make a cycle (SPEC §1)', async () => {
    const h = await harness();
    // O-BORING-DEPLOYS → KR-DEPLOYS → O-VELOCITY → O-LOYAL; O-LOYAL may not align below itself.
    const error = await h.fail('saveObjective', {
      objective: { id: 'O-LOYAL', title: 'Create wildly loyal customers', team: 'company', period: '2026-Q4', aligns: 'KR-PREVIEW-ENVS' },
      expected: await versionOf(h, 'O-LOYAL'),
    });
    expect(error.problems?.[0]).toMatchObject({ path: 'objective.aligns', message: expect.stringContaining('cycle') as string });
  });
});

describe('deleteObjective', () => {
  it('deletes an objective with its KRs, links, check-ins and history, all at once', async () => {
    const h = await harness();
    await h.call('getKeyResult', { kr: 'KR-MRR' }); // leaves a snapshot behind
    await h.call('deleteObjective', { id: 'O-SUBSCRIPTIONS', expected: await versionOf(h, 'O-SUBSCRIPTIONS') });
    const dump = await dumpStore(h.store);
    const mentions = JSON.stringify(dump);
    for (const id of ['O-SUBSCRIPTIONS', 'KR-MRR', 'KR-CAFES', 'KR-OFFICE']) expect(mentions).not.toContain(`"${id}`);
    expect((await h.fail('getKeyResult', { kr: 'KR-OFFICE' })).code).toBe('not-found');
    expect((await h.call('getPanel', { ref: 'jira:SALES-1' })).keyResults).toEqual([]);
  });

  it('refuses to delete what others align to, and a stale delete; nothing changes', async () => {
    const h = await harness();
    const before = await dumpStore(h.store);
    const aligned = await h.fail('deleteObjective', { id: 'O-VELOCITY', expected: await versionOf(h, 'O-VELOCITY') });
    expect(aligned).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('O-BORING-DEPLOYS') as string });
    expect((await h.fail('deleteObjective', { id: 'O-SUBSCRIPTIONS', expected: 'stale' })).code).toBe('conflict');
    expect((await h.fail('deleteObjective', { id: 'O-NONE', expected: 'v' })).code).toBe('not-found');
    expect(await dumpStore(h.store)).toEqual(before);
  });
});

describe('saveKeyResult', () => {
  it('adds a KR to an objective with the objective\'s version', async () => {
    const h = await harness();
    const kr = await h.call('saveKeyResult', {
      keyResult: { objective: 'O-SUBSCRIPTIONS', title: 'Raise subscriber NPS from 30 to 45', type: 'outcome', start: 30, target: 45, owner: 'sam' },
      expected: await versionOf(h, 'O-SUBSCRIPTIONS'),
    });
    expect(kr).toMatchObject({ id: 'O-SUBSCRIPTIONS-KR4', objective: 'O-SUBSCRIPTIONS', progress: 0, owner: 'sam' });
    const checked = await h.call('checkIn', { kr: kr.id, value: 36 });
    expect(checked.progress).toBeCloseTo(0.4, 10);
  });

  it('replaces a KR in place, keeping its links', async () => {
    const h = await harness();
    const kr = await h.call('saveKeyResult', {
      keyResult: { objective: 'O-LOYAL', id: 'KR-CRM', title: 'Roll out the CRM', type: 'effort', weighting: 'estimate' },
      expected: await versionOf(h, 'O-LOYAL'),
    });
    expect(kr).toMatchObject({ title: 'Roll out the CRM', links: ['ado:101', 'jira:CS-1'] });
    // Estimates: CS-2 3, CS-6 8, CS-8 2, ado:102 3, ado:103 5; CS-4/CS-5 take the mean 4.2.
    expect(kr.type === 'effort' && kr.weighting).toBe('estimate');
    expect(kr.progress).toBeCloseTo((3 + 4.2 + 2 + 3) / (3 + 4.2 + 4.2 + 8 + 2 + 3 + 5), 10);
    const exported = await h.exported();
    expect(exported.objectives[1]?.keyResults.map((k) => k.id)).toEqual(['KR-RETENTION', 'KR-HEALTHY', 'KR-SUCCESS-PLANS', 'KR-CRM']);
  });

  it('refuses fields of the other KR type, unknown KPIs, taken ids and stale versions; nothing stored', async () => {
    const h = await harness();
    const version = await versionOf(h, 'O-LOYAL');
    const before = await dumpStore(h.store);
    const mixed = await h.fail('saveKeyResult', { keyResult: { objective: 'O-LOYAL', title: 'X', type: 'effort', target: 3, kpiRef: 'nps' }, expected: version });
    expect(mixed.problems?.map((p) => p.path)).toEqual(['keyResult.target', 'keyResult.kpiRef', 'keyResult.kpiRef']);
    const taken = await h.fail('saveKeyResult', { keyResult: { objective: 'O-LOYAL', id: 'KR-MRR', title: 'X', type: 'outcome' }, expected: version });
    expect(taken.problems?.[0]?.path).toBe('keyResult.id');
    const history = await h.fail('saveKeyResult', { keyResult: { objective: 'O-LOYAL', id: 'KR-RETENTION', title: 'X', type: 'effort' }, expected: version });
    expect(history.problems?.[0]).toMatchObject({ path: 'keyResult.type', message: expect.stringContaining('2 check-in(s)') as string });
    const blank = await h.fail('saveKeyResult', { keyResult: { objective: 'O-LOYAL', title: '', type: 'outcome', weight: 0 }, expected: version });
    expect(blank.problems?.map((p) => p.path)).toEqual(['keyResult.title', 'keyResult.weight']);
    expect((await h.fail('saveKeyResult', { keyResult: { objective: 'O-LOYAL', title: 'X', type: 'outcome' }, expected: 'old' })).code).toBe('conflict');
    expect(await dumpStore(h.store)).toEqual(before);
  });
});
