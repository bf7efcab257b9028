// Closing a period, grading, reopening and rolling over through the app (issue 12, SPEC §9–§10):
// what is stored, that export/import round-trips it, that a closed KR refuses every change with
// a message naming the period, that refusals write nothing and that concurrent edits conflict.
import { describe, expect, it } from 'vitest';
import { C } from '../../src/app/collections';
import { createApp } from '../../src/app/create-app';
import { NO_HISTORY } from '../../src/app/history';
import type { Actor } from '../../src/app/permissions';
import { day } from '../builders';
import { ADMIN, EDITOR, OWNER } from './actors';
import { DEMO, dumpStore, harness, TODAY, type Harness } from './harness';

/** Another person's app over the same stored plan. */
const appAs = (h: Harness, actor: Actor) => createApp({ store: h.store, source: h.source, actor, history: NO_HISTORY, today: () => h.clock.today });

const krOf = (plan: Awaited<ReturnType<Awaited<ReturnType<typeof harness>>['exported']>>, id: string) => {
  const kr = plan.objectives.flatMap((o) => o.keyResults).find((k) => k.id === id);
  if (!kr) throw new Error(`no ${id}`);
  return kr;
};

describe('previewClose', () => {
  it('lists each KR of the period with the score it would freeze at and warns about stale values', async () => {
    const h = await harness();
    const preview = await h.call('previewClose', { period: '2026-Q4' });
    expect(preview.asOf).toBe(TODAY);
    const byId = new Map(preview.keyResults.map((k) => [k.id, k]));
    // 73 → 75, latest 74.1 on 2026-11-12: (74.1 - 73) / 2 = 0.55, three days old: no warning.
    expect(byId.get('KR-RETENTION')?.score).toBeCloseTo(0.55, 10);
    expect(byId.get('KR-RETENTION')?.warning).toBeUndefined();
    // KR-LEADTIME's latest check-in (2026-11-07) is 8 days before 2026-11-15.
    expect(byId.get('KR-LEADTIME')?.warning).toMatch(/2026-11-07, more than 7 days before 2026-11-15/);
    // Effort KRs read their work live: never stale.
    expect(byId.get('KR-CRM')?.warning).toBeUndefined();
    expect(preview.keyResults.every((k) => k.objective !== 'O-SUMMER')).toBe(true);
  });

  it('freezes a past period as of its end', async () => {
    const h = await harness();
    const preview = await h.call('previewClose', { period: '2026-Q3' });
    expect(preview.asOf).toBe(day('2026-09-30'));
  });
});

describe('closePeriod', () => {
  it('stores closed and each KR final (with the review grades) and round-trips through export/import', async () => {
    const h = await harness();
    const out = await h.call('closePeriod', { period: '2026-Q4', grades: [{ kr: 'KR-RETENTION', grade: 0.7, reflection: '  renewals carried it  ' }] });
    const q4 = DEMO.objectives.filter((o) => o.period === '2026-Q4').flatMap((o) => o.keyResults);
    expect(out).toEqual({ period: '2026-Q4', closed: TODAY, keyResults: q4.length });
    const plan = await h.exported();
    expect(plan.periods.find((p) => p.id === '2026-Q4')?.closed).toBe(TODAY);
    expect(plan.periods.find((p) => p.id === '2026-Q3')?.closed).toBeUndefined();
    const retention = krOf(plan, 'KR-RETENTION');
    expect(retention.final?.progress).toBeCloseTo(0.55, 10);
    expect(retention.grade).toBe(0.7);
    expect(retention.reflection).toBe('renewals carried it');
    expect(krOf(plan, 'KR-SUMMER-STORES').final).toBeUndefined();

    const { text } = await h.call('exportPlan', { format: 'yaml' });
    await h.call('importPlan', { text, format: 'yaml' });
    expect(await h.exported()).toEqual(plan);
  });

  it('keeps a closed KR still: check-ins after the close do not move the board', async () => {
    const h = await harness();
    await h.call('closePeriod', { period: '2026-Q4' });
    h.clock.today = day('2026-12-20');
    const board = await h.call('getBoard', { period: '2026-Q4' });
    const kr = board.keyResults['KR-RETENTION'];
    expect(kr?.progress).toBeCloseTo(0.55, 10);
    expect(kr?.status).toBe('closed');
    expect(board.periods.find((p) => p.id === '2026-Q4')?.closed).toBe(TODAY);
  });

  it('refuses a KR of another period in the grades and writes nothing', async () => {
    const h = await harness();
    const before = await dumpStore(h.store);
    const error = await h.fail('closePeriod', { period: '2026-Q4', grades: [{ kr: 'KR-SUMMER-STORES', grade: 1 }] });
    expect(error.code).toBe('invalid-input');
    expect(error.problems).toEqual([{ path: 'grades[0].kr', message: 'KR-SUMMER-STORES is not a key result of period 2026-Q4' }]);
    expect(await dumpStore(h.store)).toEqual(before);
  });

  it('refuses a grade outside 0..1, a close dated after today, and an unknown period', async () => {
    const h = await harness();
    const before = await dumpStore(h.store);
    expect((await h.fail('closePeriod', { period: '2026-Q4', grades: [{ kr: 'KR-RETENTION', grade: 1.5 }] })).problems?.[0]?.message).toMatch(/from 0 to 1/);
    expect((await h.fail('closePeriod', { period: '2026-Q4', at: '2026-11-16' })).problems?.[0]?.message).toMatch(/after today/);
    expect((await h.fail('closePeriod', { period: '2027-Q9' })).code).toBe('not-found');
    expect(await dumpStore(h.store)).toEqual(before);
  });

  it('refuses closing a closed period and writes nothing', async () => {
    const h = await harness();
    await h.call('closePeriod', { period: '2026-Q3' });
    const before = await dumpStore(h.store);
    const error = await h.fail('closePeriod', { period: '2026-Q3' });
    expect(error.message).toMatch(/2026-Q3/);
    expect(await dumpStore(h.store)).toEqual(before);
  });

  it('is a conflict, writing nothing, when an objective of the period changed since it was read', async () => {
    const h = await harness();
    const store = h.store;
    const realBatch = store.batch.bind(store);
    // Someone renames O-LOYAL between the close's read and its write.
    store.batch = async (ops) => {
      const doc = await store.get<{ title: string }>(C.objectives, 'O-LOYAL');
      if (doc) await store.put(C.objectives, 'O-LOYAL', { ...doc.value, title: 'Renamed meanwhile' }, { expected: doc.version, indexes: { team: 'company', period: '2026-Q4' } });
      store.batch = realBatch;
      return realBatch(ops);
    };
    const error = await h.fail('closePeriod', { period: '2026-Q4' });
    expect(error.code).toBe('conflict');
    const plan = await h.exported();
    expect(plan.periods.find((p) => p.id === '2026-Q4')?.closed).toBeUndefined();
    expect(plan.objectives.find((o) => o.id === 'O-LOYAL')?.title).toBe('Renamed meanwhile');
  });
});

describe('frozen means frozen', () => {
  const refusals = [
    ['checkIn', { kr: 'KR-RETENTION', value: 75 }, 'kr'],
    ['linkWorkItem', { kr: 'KR-CRM', ref: 'jira:SALES-1' }, 'kr'],
    ['unlinkWorkItem', { kr: 'KR-CRM', ref: 'jira:CS-1' }, 'kr'],
    ['focusKpi', { kpi: 'mttr', objective: 'O-VELOCITY', start: 60, target: 30 }, 'objective'],
  ] as const;
  for (const [name, payload, path] of refusals) {
    it(`${name} on a KR of a closed period is refused, naming the period, and writes nothing`, async () => {
      const h = await harness();
      await h.call('closePeriod', { period: '2026-Q4' });
      const before = await dumpStore(h.store);
      const error = await h.fail(name, payload);
      expect(error.code).toBe('invalid-input');
      expect(error.problems?.[0]?.path).toBe(path);
      expect(error.problems?.[0]?.message).toMatch(/period 2026-Q4 was closed on 2026-11-15/);
      expect(await dumpStore(h.store)).toEqual(before);
    });
  }

  it('saveKeyResult (edit and add) on a closed period is refused; reopening allows it again', async () => {
    const h = await harness();
    await h.call('closePeriod', { period: '2026-Q4' });
    const version = (await h.store.get(C.objectives, 'O-LOYAL'))?.version ?? '';
    const edit = { keyResult: { objective: 'O-LOYAL', id: 'KR-HEALTHY', title: 'Healthy clients', type: 'outcome' as const, start: 40, target: 50 }, expected: version };
    const error = await h.fail('saveKeyResult', edit);
    expect(error.problems?.[0]).toEqual({ path: 'keyResult.objective', message: expect.stringMatching(/cannot edit KR-HEALTHY: period 2026-Q4 was closed/) as unknown });
    expect((await h.fail('saveKeyResult', { ...edit, keyResult: { ...edit.keyResult, id: undefined } })).problems?.[0]?.message).toMatch(/cannot add a key result to O-LOYAL/);

    await h.call('reopenPeriod', { period: '2026-Q4' });
    const plan = await h.exported();
    expect(plan.periods.find((p) => p.id === '2026-Q4')?.closed).toBeUndefined();
    expect(plan.objectives.flatMap((o) => o.keyResults).some((k) => k.final !== undefined)).toBe(false);
    const reopened = { ...edit, expected: (await h.store.get(C.objectives, 'O-LOYAL'))?.version ?? '' };
    expect((await h.call('saveKeyResult', reopened)).title).toBe('Healthy clients');
  });
});

describe('objectives of a closed period', () => {
  it('may not move out of it or into it (their KRs carry frozen numbers); a rename is fine', async () => {
    const h = await harness();
    await h.call('closePeriod', { period: '2026-Q3' });
    const version = async (id: string) => (await h.store.get(C.objectives, id))?.version ?? '';
    const summer = { id: 'O-SUMMER', title: 'Summer range', team: 'company', period: '2026-Q4' };
    const out = await h.fail('saveObjective', { objective: summer, expected: await version('O-SUMMER') });
    expect(out.problems?.[0]).toEqual({ path: 'objective.period', message: expect.stringMatching(/cannot move O-SUMMER out of 2026-Q3: period 2026-Q3 was closed/) as unknown });
    const loyal = { id: 'O-LOYAL', title: 'Create wildly loyal customers', team: 'company', period: '2026-Q3' };
    const into = await h.fail('saveObjective', { objective: loyal, expected: await version('O-LOYAL') });
    expect(into.problems?.[0]?.message).toMatch(/cannot move O-LOYAL into 2026-Q3/);
    const stored = (await h.store.get<{ team: string }>(C.objectives, 'O-SUMMER'))?.value.team ?? '';
    expect((await h.call('saveObjective', { objective: { ...summer, team: stored, period: '2026-Q3' }, expected: await version('O-SUMMER') })).title).toBe('Summer range');
  });
});

describe('gradeKeyResult', () => {
  it('lets the owner grade a KR of a closed period; the grade is the score, the progress stays', async () => {
    const h = await harness();
    await h.call('closePeriod', { period: '2026-Q4' });
    const ownerApp = appAs(h, OWNER());
    const kr = await ownerApp.call('gradeKeyResult', { kr: 'KR-HEALTHY', grade: 0.4, reflection: 'model still tuned' });
    expect(kr.score).toBe(0.4);
    expect(kr.progress).toBeCloseTo(0.25, 10);
    const plan = await h.exported();
    expect(krOf(plan, 'KR-HEALTHY').reflection).toBe('model still tuned');
    // Clearing the grade gives the frozen progress back as the score.
    expect((await ownerApp.call('gradeKeyResult', { kr: 'KR-HEALTHY', grade: null })).score).toBeCloseTo(0.25, 10);
    expect(krOf(await h.exported(), 'KR-HEALTHY').reflection).toBe('model still tuned');
  });

  it('refuses an editor who does not own the KR, and a KR of an open period', async () => {
    const h = await harness();
    const editorApp = appAs(h, EDITOR());
    const forbidden = await editorApp.handle('gradeKeyResult', { kr: 'KR-HEALTHY', grade: 0.4 });
    expect(forbidden.ok ? undefined : forbidden.error.message).toMatch(/needs the admin role, or to be the owner of key result KR-HEALTHY/);
    const open = await h.fail('gradeKeyResult', { kr: 'KR-HEALTHY', grade: 0.4 });
    expect(open.problems?.[0]?.message).toMatch(/period 2026-Q4 is not closed/);
  });
});

describe('rollover', () => {
  async function closedQ4() {
    const h = await harness({ actor: ADMIN() });
    await h.call('closePeriod', { period: '2026-Q4' });
    return h;
  }
  const next = { from: '2026-Q4', to: '2027-Q1', start: day('2027-01-01'), end: day('2027-03-31') };

  it('previews KPI KRs as always carried, the others as choices, starting from the actuals', async () => {
    const h = await closedQ4();
    const preview = await h.call('previewRollover', next);
    expect(preview.period).toEqual({ id: '2027-Q1', start: '2027-01-01', end: '2027-03-31', created: true });
    const retention = preview.candidates.find((c) => c.kr === 'KR-RETENTION');
    expect(retention).toMatchObject({ always: true, newId: 'KR-RETENTION-2027-Q1', start: 74.1, target: 75 });
    expect(preview.candidates.find((c) => c.kr === 'KR-FCR')).toMatchObject({ always: false, newId: 'KR-FCR-2027-Q1', start: 69 });
    expect(preview.candidates.filter((c) => c.always).map((c) => c.kr).sort()).toEqual(['KR-HEALTHY', 'KR-RETENTION']);
    // A preview writes nothing.
    expect((await h.exported()).periods.map((p) => p.id)).toEqual(['2026-Q3', '2026-Q4']);
  });

  it('carries KPI KRs and the chosen ones with edited targets, creating the period; round-trips', async () => {
    const h = await closedQ4();
    const out = await h.call('rolloverPeriod', { ...next, keyResults: ['KR-FCR'], targets: { 'KR-FCR': 80 } });
    expect(out).toEqual({ period: '2027-Q1', objectives: 2, keyResults: 3 });
    const plan = await h.exported();
    expect(plan.periods.find((p) => p.id === '2027-Q1')).toEqual({ id: '2027-Q1', start: '2027-01-01', end: '2027-03-31' });
    const fcr = krOf(plan, 'KR-FCR-2027-Q1');
    expect(fcr).toMatchObject({ carriedFrom: 'KR-FCR', start: 69, target: 80 });
    expect(krOf(plan, 'KR-RETENTION-2027-Q1')).toMatchObject({ carriedFrom: 'KR-RETENTION', start: 74.1, target: 75 });
    expect(plan.objectives.find((o) => o.id === 'O-LOYAL-2027-Q1')?.carriedFrom).toBe('O-LOYAL');

    // The carried KR is open: it takes check-ins, and the board shows its lineage.
    h.clock.today = day('2027-01-10');
    await h.call('checkIn', { kr: 'KR-RETENTION-2027-Q1', value: 74.5 });
    const board = await h.call('getBoard', { period: '2027-Q1' });
    expect(board.lineage?.['KR-RETENTION-2027-Q1']).toEqual([{ kr: 'KR-RETENTION', period: '2026-Q4', progress: expect.closeTo(0.55, 10) as unknown, score: expect.closeTo(0.55, 10) as unknown }]);

    const { text, plan: rolled } = await h.call('exportPlan', { format: 'yaml' });
    await h.call('importPlan', { text, format: 'yaml' });
    expect(await h.exported()).toEqual(rolled);
  });

  it('refuses, writing nothing: an open period, a KR of another period, a target on an uncarried KR, ids taken', async () => {
    const h = await harness();
    const before = await dumpStore(h.store);
    expect((await h.fail('rolloverPeriod', { ...next, keyResults: [] })).message).toMatch(/2026-Q4/);
    expect(await dumpStore(h.store)).toEqual(before);

    await h.call('closePeriod', { period: '2026-Q4' });
    const closed = await dumpStore(h.store);
    expect((await h.fail('rolloverPeriod', { ...next, keyResults: ['KR-SUMMER-STORES'] })).problems?.[0]).toEqual({ path: 'keyResults', message: 'not key results of period "2026-Q4": KR-SUMMER-STORES' });
    expect((await h.fail('rolloverPeriod', { ...next, keyResults: [], targets: { 'KR-FCR': 80 } })).problems?.[0]).toEqual({ path: 'targets.KR-FCR', message: 'KR-FCR is not carried in this rollover' });
    expect(await dumpStore(h.store)).toEqual(closed);

    await h.call('rolloverPeriod', { ...next, keyResults: [] });
    const rolled = await dumpStore(h.store);
    expect((await h.fail('rolloverPeriod', { from: '2026-Q4', to: '2027-Q1', keyResults: [] })).code).toBe('invalid-input');
    expect(await dumpStore(h.store)).toEqual(rolled);
  });
});

describe('frozen counts and who sees them', () => {
  it('shows a closed effort KR its frozen progress and score but withholds its unit counts (they may count hidden items)', async () => {
    const h = await harness();
    const before = await h.call('getKeyResult', { kr: 'KR-CRM' });
    expect(before.kr.type === 'effort' && before.kr.units.total).toBeGreaterThan(0);
    await h.call('closePeriod', { period: '2026-Q4' });
    const plan = await h.exported();
    const crm = krOf(plan, 'KR-CRM');
    // The file keeps the frozen counts (the CLI and an export show them to whoever holds the file)…
    expect(crm.type === 'effort' && crm.final?.units).toEqual(before.kr.type === 'effort' ? before.kr.units : undefined);
    // …the apps show the frozen progress and score, never the counts.
    const after = await h.call('getKeyResult', { kr: 'KR-CRM' });
    expect(after.kr).toMatchObject({ type: 'effort', status: expect.stringMatching(/closed|done/) as unknown, countsWithheld: true, units: { done: 0, total: 0 } });
    expect(after.kr.progress).toBeCloseTo(before.kr.progress, 10);
    const board = await h.call('getBoard', {});
    expect(board.keyResults['KR-CRM']).toMatchObject({ countsWithheld: true, units: { done: 0, total: 0 } });
  });
});
