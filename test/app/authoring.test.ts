// Authoring in the product (issue 10 §1): teams, periods, deletes and owners through the app,
// with the plan file's rules and messages, optimistic versions, and nothing half-written.
import { describe, expect, it } from 'vitest';
import { C } from '../../src/app/collections';
import { createApp } from '../../src/app/create-app';
import { emptyPlan } from '../../src/core/model/plan';
import { MemoryDocumentStore } from '../../src/stores/memory-document-store';
import { day } from '../builders';
import { ADMIN } from './actors';
import { FakeWorkItemSource } from './fake-work-item-source';
import { dumpStore, harness, type Harness } from './harness';
import { NO_HISTORY } from '../../src/app/history';

const objectiveVersion = async (h: Harness, id: string) => (await h.store.get(C.objectives, id))?.version ?? '';

describe('saveTeam', () => {
  it('creates a team with an id made from its name and a parent, and renames it with its version', async () => {
    const h = await harness();
    const team = await h.call('saveTeam', { team: { name: 'Café Marketing', parent: 'company' }, expected: null });
    expect(team).toMatchObject({ id: 'cafe-marketing', name: 'Café Marketing', parent: 'company' });
    const renamed = await h.call('saveTeam', { team: { id: 'cafe-marketing', name: 'Marketing', parent: 'sales' }, expected: team.version });
    expect((await h.exported()).teams.at(-1)).toEqual({ id: 'cafe-marketing', name: 'Marketing', parent: 'sales' });
    expect((await h.fail('saveTeam', { team: { id: 'cafe-marketing', name: 'Old screen' }, expected: team.version })).code).toBe('conflict');
    expect(renamed.version).not.toBe(team.version);
  });

  it('refuses an unknown parent and a parent cycle with the plan file messages, changing nothing', async () => {
    const h = await harness();
    const before = await dumpStore(h.store);
    const unknown = await h.fail('saveTeam', { team: { name: 'Marketing', parent: 'salse' }, expected: null });
    expect(unknown.problems).toEqual([{ path: 'team.parent', message: 'unknown team "salse" (did you mean "sales"?)' }]);
    const company = (await h.call('getPlanOutline', {})).teams.find((t) => t.id === 'company');
    const cycle = await h.fail('saveTeam', { team: { id: 'company', name: 'Rain Town Tea', parent: 'platform' }, expected: company?.version });
    expect(cycle.problems).toEqual([{ path: 'team.parent', message: expect.stringMatching(/^team parents form a cycle: .*company/) as string }]);
    expect(await dumpStore(h.store)).toEqual(before);
  });
});

describe('savePeriod', () => {
  it('creates and re-dates a period; its end before its start is refused as in the plan file', async () => {
    const h = await harness();
    const period = await h.call('savePeriod', { period: { id: '2027-Q1', start: day('2027-01-01'), end: day('2027-03-31') }, expected: null });
    await h.call('savePeriod', { period: { id: '2027-Q1', start: day('2027-01-01'), end: day('2027-04-30') }, expected: period.version });
    expect((await h.exported()).periods.at(-1)).toEqual({ id: '2027-Q1', start: '2027-01-01', end: '2027-04-30' });
    const bad = await h.fail('savePeriod', { period: { id: '2027-Q2', start: '2027-06-30', end: '2027-04-01' }, expected: null });
    expect(bad.problems).toEqual([{ path: 'period.end', message: 'ends (2027-04-01) before it starts (2027-06-30)' }]);
    // Someone made the same period first.
    expect((await h.fail('savePeriod', { period: { id: '2027-Q1', start: '2027-01-01', end: '2027-03-31' }, expected: null })).code).toBe('conflict');
  });
});

describe('deleting parts of the plan', () => {
  it('refuses to delete a team, a period, a KR or a KPI that something still names, saying what', async () => {
    const h = await harness();
    const before = await dumpStore(h.store);
    const outline = await h.call('getPlanOutline', {});
    const v = (list: { id: string; version: string }[], id: string) => list.find((x) => x.id === id)?.version ?? '';
    expect((await h.fail('deleteTeam', { id: 'eng', expected: v(outline.teams, 'eng') })).problems?.[0]?.message).toMatch(/objective O-VELOCITY.*team platform/);
    expect((await h.fail('deletePeriod', { id: '2026-Q4', expected: v(outline.periods, '2026-Q4') })).problems?.[0]?.message).toMatch(/^it is the period of objective/);
    expect((await h.fail('deleteKeyResult', { id: 'KR-RETENTION', expected: await objectiveVersion(h, 'O-LOYAL') })).problems?.[0]?.message).toBe(
      'objectives align to it: O-WINBACK: change that first',
    );
    expect((await h.fail('deleteKpi', { id: 'churn', expected: v(outline.kpis, 'churn') })).problems?.[0]?.message).toContain('KR-CHURN');
    expect(await dumpStore(h.store)).toEqual(before);
  });

  it('deletes a KR with its check-ins, links and history, and a stale objective version is a conflict', async () => {
    const h = await harness();
    await h.call('checkIn', { kr: 'KR-HEALTHY', value: 45 });
    const stale = await objectiveVersion(h, 'O-LOYAL');
    await h.call('linkWorkItem', { kr: 'KR-HEALTHY', ref: 'jira:CS-14' });
    expect((await h.fail('deleteKeyResult', { id: 'KR-HEALTHY', expected: 'stale' })).code).toBe('conflict');
    await h.call('deleteKeyResult', { id: 'KR-HEALTHY', expected: stale });
    const plan = await h.exported();
    expect(plan.objectives.find((o) => o.id === 'O-LOYAL')?.keyResults.map((k) => k.id)).toEqual(['KR-RETENTION', 'KR-SUCCESS-PLANS', 'KR-CRM']);
    const left = await dumpStore(h.store);
    for (const c of [C.keyResults, C.checkIns, C.links, C.snapshots, C.snapshotHeads]) {
      expect(JSON.stringify(left[c])).not.toContain('KR-HEALTHY');
    }
    expect((await h.fail('getKeyResult', { kr: 'KR-HEALTHY' })).code).toBe('not-found');
  });

  it('deletes an unused KPI with its readings, and an unused team and period', async () => {
    const h = await harness();
    const outline = await h.call('getPlanOutline', {});
    const mttr = outline.kpis.find((k) => k.id === 'mttr');
    await h.call('deleteKpi', { id: 'mttr', expected: mttr?.version ?? '' });
    expect((await dumpStore(h.store))[C.readings]?.some((r) => JSON.stringify(r).includes('"kpi":"mttr"'))).toBe(false);
    const team = await h.call('saveTeam', { team: { name: 'Spare' }, expected: null });
    await h.call('deleteTeam', { id: team.id, expected: team.version });
    const period = await h.call('savePeriod', { period: { id: '2030-Q1', start: day('2030-01-01'), end: day('2030-03-31') }, expected: null });
    await h.call('deletePeriod', { id: '2030-Q1', expected: period.version });
    const plan = await h.exported();
    expect([plan.kpis.some((k) => k.id === 'mttr'), plan.teams.some((t) => t.id === 'spare'), plan.periods.some((p) => p.id === '2030-Q1')]).toEqual([false, false, false]);
  });
});

describe('a plan authored from empty', () => {
  it('team, period, objective, KRs and a KPI make a valid plan that exports and evaluates', async () => {
    const store = new MemoryDocumentStore();
    const app = createApp({ store, source: new FakeWorkItemSource([]), actor: ADMIN(), history: NO_HISTORY, today: () => day('2027-01-15') });
    await app.call('importPlan', { text: JSON.stringify(emptyPlan()), format: 'json' });
    await app.call('saveTeam', { team: { id: 'tea', name: 'Tea makers' }, expected: null });
    await app.call('savePeriod', { period: { id: '2027-Q1', start: day('2027-01-01'), end: day('2027-03-31') }, expected: null });
    const kpi = await app.call('saveKpi', { kpi: { title: 'Cups sold per day', direction: 'up', target: 500, threshold: 300, owner: 'jon', team: 'tea' }, expected: null });
    const o = await app.call('saveObjective', { objective: { title: 'Tea people love', team: 'tea', period: '2027-Q1', owner: 'maria' }, expected: null });
    let version = o.version;
    for (const kr of [
      { title: 'Cups per day from 320 to 450', type: 'outcome' as const, start: 320, target: 450, kpiRef: kpi.id },
      { title: 'Ship the loyalty card', type: 'effort' as const, weight: 2 },
      { title: 'Repeat buyers from 20% to 30%', type: 'outcome' as const, start: 20, target: 30, unit: '%', owner: 'priya' },
    ]) {
      await app.call('saveKeyResult', { keyResult: { objective: o.id, ...kr }, expected: version });
      version = (await store.get(C.objectives, o.id))?.version ?? '';
    }
    const { plan } = await app.call('exportPlan', { format: 'json' });
    expect(plan.kpis).toEqual([{ id: 'cups-sold-per-day', title: 'Cups sold per day', direction: 'up', target: 500, threshold: 300, owner: 'jon', team: 'tea' }]);
    expect(plan.objectives[0]?.keyResults.map((k) => k.id)).toEqual(['O1-KR1', 'O1-KR2', 'O1-KR3']);
    const board = await app.call('getBoard', {});
    expect(board.teams.map((t) => t.objectives.map((x) => x.id))).toEqual([['O1']]);
  });
});

describe('owners as people', () => {
  it('searches and resolves through the host directory; without one, nobody is found', async () => {
    const store = new MemoryDocumentStore();
    const people = [{ id: 'acc-1', name: 'Jon Ahlberg', detail: 'jon@rain.town' }];
    const app = createApp({
      store,
      source: new FakeWorkItemSource([]),
      actor: ADMIN(),
      history: NO_HISTORY,
      people: { search: (text) => Promise.resolve(people.filter((p) => p.name.toLowerCase().includes(text.toLowerCase()))), resolve: (ids) => Promise.resolve(people.filter((p) => ids.includes(p.id))) },
    });
    expect(await app.call('searchPeople', { text: ' jon ' })).toEqual(people);
    expect(await app.call('resolvePeople', { ids: ['acc-1', 'acc-1', 'gone'] })).toEqual(people);
    const bare = createApp({ store, source: new FakeWorkItemSource([]), actor: ADMIN(), history: NO_HISTORY });
    expect(await bare.call('searchPeople', { text: 'jon' })).toEqual([]);
    expect((await bare.handle('resolvePeople', { ids: Array.from({ length: 201 }, (_, i) => `p${i}`) })).ok).toBe(false);
  });
});
