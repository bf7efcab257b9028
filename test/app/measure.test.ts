// Measured values in the app (SPEC §8, issue 11): "measure now" as the caller, one measured value
// per day that a later run replaces, manual values untouched, a failed run that keeps the last
// good value and logs the tracker's words, previews, and the hourly claim that lets several
// Azure DevOps browsers share one run.
import { describe, expect, it } from 'vitest';
import { C, type CheckInDoc, type ReadingDoc } from '../../src/app/collections';
import { createApp } from '../../src/app/create-app';
import { wholeScopeHistory } from '../../src/app/history';
import { listAll } from '../../src/app/list-all';
import type { Plan } from '../../src/core/model/plan';
import { day } from '../builders';
import { EDITOR, OWNER, VIEWER } from './actors';
import { FakeMeasureSource } from './fake-measure-source';
import { DEMO, harness } from './harness';

const OPEN_BUGS = 'project = CS AND type = Bug AND statusCategory != Done';
const CHURNED = 'project = CS AND labels = churned';

/** The demo plan with KR-HEALTHY and the churn KPI measured by JQL. */
function measuredPlan(): Plan {
  const plan = structuredClone(DEMO);
  for (const o of plan.objectives) {
    for (const kr of o.keyResults) if (kr.id === 'KR-HEALTHY' && kr.type === 'outcome') kr.measure = { jql: OPEN_BUGS };
  }
  const churn = plan.kpis.find((k) => k.id === 'churn');
  if (!churn) throw new Error('the demo plan has the churn KPI');
  churn.measure = { jql: CHURNED };
  return plan;
}

const checkInsOf = async (store: Parameters<typeof listAll>[0], kr: string) => (await listAll<CheckInDoc>(store, C.checkIns, { index: 'kr', value: kr })).map((d) => d.value);

describe('measure now', () => {
  it('records the value as a measured check-in dated today with the matched count, read as the caller', async () => {
    const jira = new FakeMeasureSource('ed', new Map([[OPEN_BUGS, { matched: 23 }]]));
    const h = await harness({ plan: measuredPlan(), actor: EDITOR(), measures: { jira } });
    const [run] = await h.call('measureNow', { id: 'KR-HEALTHY' });
    expect(run).toMatchObject({ measure: 'KR-HEALTHY', by: 'ed', trigger: 'viewer', query: OPEN_BUGS, matched: 23, value: 23, requests: 1, day: '2026-11-15' });
    expect(jira.asked).toEqual([{ as: 'ed', query: OPEN_BUGS }]);
    expect((await checkInsOf(h.store, 'KR-HEALTHY')).filter((c) => c.source === 'measured')).toEqual([{ at: '2026-11-15', value: 23, source: 'measured', count: 23, kr: 'KR-HEALTHY' }]);
    const detail = await h.call('getKeyResult', { kr: 'KR-HEALTHY' });
    expect(detail.kr).toMatchObject({ current: 23, currentAt: '2026-11-15' });
  });

  it('a second run the same day replaces the measured value and leaves the manual one of that day', async () => {
    let matched = 23;
    const jira = new FakeMeasureSource('ed', () => ({ matched }));
    const h = await harness({ plan: measuredPlan(), actor: EDITOR(), measures: { jira } });
    await h.call('checkIn', { kr: 'KR-HEALTHY', value: 44, note: 'typed by hand' });
    await h.call('measureNow', { id: 'KR-HEALTHY' });
    matched = 19;
    await h.call('measureNow', { id: 'KR-HEALTHY' });
    const today = (await checkInsOf(h.store, 'KR-HEALTHY')).filter((c) => c.at === '2026-11-15');
    expect(today).toEqual([
      { at: '2026-11-15', value: 44, note: 'typed by hand', by: 'ed', kr: 'KR-HEALTHY' },
      { at: '2026-11-15', value: 19, source: 'measured', count: 19, kr: 'KR-HEALTHY' },
    ]);
    // The next day gets its own value; yesterday's stays as history.
    h.clock.today = day('2026-11-16');
    matched = 17;
    await h.call('measureNow', { id: 'KR-HEALTHY' });
    expect((await checkInsOf(h.store, 'KR-HEALTHY')).filter((c) => c.source === 'measured').map((c) => [c.at, c.value])).toEqual([
      ['2026-11-15', 19],
      ['2026-11-16', 17],
    ]);
  });

  it('a KPI gets a measured reading', async () => {
    const jira = new FakeMeasureSource('ed', new Map([[CHURNED, { matched: 4 }]]));
    const h = await harness({ plan: measuredPlan(), actor: EDITOR(), measures: { jira } });
    await h.call('measureNow', { id: 'churn' });
    const readings = (await listAll<ReadingDoc>(h.store, C.readings, { index: 'kpi', value: 'churn' })).map((d) => d.value);
    expect(readings.at(-1)).toEqual({ at: '2026-11-15', value: 4, source: 'measured', count: 4, kpi: 'churn' });
    // The KPI readout (value and sparkline) reads the measured history like any reading.
    const churn = (await h.call('getKpis', {})).kpis.find((k) => k.id === 'churn');
    expect(churn).toMatchObject({ value: 4, valueAt: '2026-11-15' });
    expect(churn?.trend.at(-1)).toMatchObject({ at: '2026-11-15', value: 4 });
  });

  it('a failed run keeps the last good value, logs the tracker\'s words and the value\'s age stays', async () => {
    let answer: { matched: number } | Error = { matched: 23 };
    const jira = new FakeMeasureSource('ed', () => answer);
    const h = await harness({ plan: measuredPlan(), actor: EDITOR(), measures: { jira } });
    await h.call('measureNow', { id: 'KR-HEALTHY' });
    h.clock.today = day('2026-11-16');
    answer = Object.assign(new Error('Jira refused the query'), { details: ["The value 'CS' does not exist for the field 'project'."] });
    const [failed] = await h.call('measureNow', { id: 'KR-HEALTHY' });
    expect(failed).toMatchObject({ error: "The value 'CS' does not exist for the field 'project'.", requests: 0 });
    expect(failed?.value).toBeUndefined();
    expect((await h.call('getKeyResult', { kr: 'KR-HEALTHY' })).kr).toMatchObject({ current: 23, currentAt: '2026-11-15' });
    const [log] = await h.call('getMeasureRuns', { id: 'KR-HEALTHY' });
    expect(log?.runs.map((r) => [r.day, r.value, r.error])).toEqual([
      ['2026-11-16', undefined, "The value 'CS' does not exist for the field 'project'."],
      ['2026-11-15', 23, undefined],
    ]);
    expect(log?.lastValueAt).toBe('2026-11-15T12:00:00.000Z');
  });

  it('refuses a KR that is not measured, naming what to do', async () => {
    const h = await harness({ plan: measuredPlan(), actor: EDITOR(), measures: { jira: new FakeMeasureSource('ed', new Map()) } });
    expect(await h.fail('measureNow', { id: 'KR-CRM' })).toMatchObject({ code: 'invalid-input', problems: [{ path: 'id', message: expect.stringMatching(/not measured by a query/) as unknown }] });
  });

  it('a WIQL measure on a host without Azure DevOps is a failed run that says so', async () => {
    const plan = measuredPlan();
    const churn = plan.kpis.find((k) => k.id === 'churn');
    if (churn) churn.measure = { wiql: 'SELECT [System.Id] FROM WorkItems WHERE [System.WorkItemType] = "Bug"' };
    const h = await harness({ plan, actor: EDITOR(), measures: { jira: new FakeMeasureSource('ed', new Map()) } });
    const [run] = await h.call('measureNow', { id: 'churn' });
    expect(run?.error).toMatch(/cannot run WIQL \(Azure DevOps\) queries/);
  });
});

describe('previewMeasure', () => {
  it('answers what the query matches now, as the viewer, and records nothing', async () => {
    const jira = new FakeMeasureSource('vic', new Map([[OPEN_BUGS, { matched: 23 }]]));
    const h = await harness({ plan: measuredPlan(), actor: VIEWER(), measures: { jira } });
    expect(await h.call('previewMeasure', { measure: { jql: OPEN_BUGS } })).toEqual({
      ok: true,
      matched: 23,
      value: 23,
      requests: 1,
      url: `https://tracker.test/issues/?jql=${encodeURIComponent(OPEN_BUGS)}`,
    });
    expect(jira.asked).toEqual([{ as: 'vic', query: OPEN_BUGS }]);
    expect(await listAll(h.store, C.measureRuns)).toEqual([]);
  });

  it("answers the tracker's error in its own words", async () => {
    const refused = Object.assign(new Error('400'), { details: ["Error in the JQL Query: Expecting operator but got 'Bug'. (line 1, character 6)"] });
    const h = await harness({ plan: measuredPlan(), actor: VIEWER(), measures: { jira: new FakeMeasureSource('vic', () => refused) } });
    expect(await h.call('previewMeasure', { measure: { jql: 'type Bug' } })).toEqual({ ok: false, error: "Error in the JQL Query: Expecting operator but got 'Bug'. (line 1, character 6)" });
  });

  it('refuses a measure the plan rules refuse, at its path', async () => {
    const h = await harness({ plan: measuredPlan(), actor: VIEWER(), measures: { jira: new FakeMeasureSource('vic', new Map()) } });
    const error = await h.fail('previewMeasure', { measure: { jql: OPEN_BUGS, aggregate: 'sum' } });
    expect(error).toMatchObject({ code: 'invalid-input', problems: [{ path: 'measure.field' }] });
  });
});

describe('measureDue (Azure DevOps board opening, the workbench timer)', () => {
  it('two clients opening the board at once run each due measure once between them, then not again within the hour', async () => {
    const clock = { now: new Date('2026-11-15T09:00:00Z') };
    const first = new FakeMeasureSource('ed', () => ({ matched: 5 }));
    const h = await harness({ plan: measuredPlan(), actor: EDITOR(), measures: { jira: first }, now: () => clock.now });
    // A second browser: its own app over the same shared store (the Extension Data Service).
    const second = new FakeMeasureSource('eve', () => ({ matched: 5 }));
    const other = createApp({ store: h.store, source: h.source, actor: EDITOR(), history: wholeScopeHistory(h.store), today: () => h.clock.today, measures: { jira: second }, now: () => clock.now });
    const [a, b] = await Promise.all([h.call('measureDue', {}), other.call('measureDue', {})]);
    // Every JQL measure of the plan; the WIQL ones wait for a host that reads Azure DevOps.
    const jql = ['KR-HEALTHY', 'KR-OPEN-BUGS', 'KR-P1-SLA', 'churn'];
    expect([...a, ...b].map((r) => r.measure).sort()).toEqual(jql);
    expect(first.asked.length + second.asked.length).toBe(jql.length);

    clock.now = new Date('2026-11-15T09:59:00Z');
    expect(await h.call('measureDue', {})).toEqual([]);
    clock.now = new Date('2026-11-15T10:00:00Z');
    expect((await other.call('measureDue', {})).map((r) => r.measure).sort()).toEqual(jql);
  });

  it('needs the editor role (measuring writes values)', async () => {
    const h = await harness({ plan: measuredPlan(), actor: OWNER(), measures: { jira: new FakeMeasureSource('jon', () => ({ matched: 1 })) } });
    expect(await h.fail('measureDue', {})).toMatchObject({ code: 'forbidden' });
  });
});

describe('measureNow permissions', () => {
  it("the KR's owner may measure it; a viewer may not", async () => {
    const owner = await harness({ plan: measuredPlan(), actor: OWNER(), measures: { jira: new FakeMeasureSource('jon', () => ({ matched: 1 })) } });
    expect(await owner.call('measureNow', { id: 'KR-HEALTHY' })).toHaveLength(1);
    const viewer = await harness({ plan: measuredPlan(), actor: VIEWER(), measures: { jira: new FakeMeasureSource('vic', () => ({ matched: 1 })) } });
    expect(await viewer.fail('measureNow', { id: 'KR-HEALTHY' })).toMatchObject({ code: 'forbidden' });
  });
});
