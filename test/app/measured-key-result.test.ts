// A measured KR (SPEC §8) keeps its `measure` and its measured check-ins and readings through
// import, export and an edit of the KR in the app: nothing the plan file says is lost.
import { describe, expect, it } from 'vitest';
import { toIsoDate, type Plan } from '../../src/core';
import { DEMO, harness } from './harness';

function measuredDemo(): { plan: Plan; krId: string; objectiveId: string } {
  const plan = structuredClone(DEMO);
  for (const o of plan.objectives) {
    for (const kr of o.keyResults) {
      if (kr.type === 'outcome' && kr.kpiRef === undefined) {
        kr.measure = { jql: 'project = CS AND type = Bug', aggregate: 'percent', of: 'project = CS' };
        kr.checkIns = [...(kr.checkIns ?? []), { at: toIsoDate('2026-11-02'), value: 40, source: 'measured', count: 4 }];
        const kpi = plan.kpis[0];
        if (kpi) {
          kpi.measure = { wiql: 'SELECT [System.Id] FROM WorkItems', aggregate: 'sum', field: 'estimate' };
          kpi.readings = [...(kpi.readings ?? []), { at: toIsoDate('2026-11-02'), value: 12, source: 'measured', count: 3 }];
        }
        return { plan, krId: kr.id, objectiveId: o.id };
      }
    }
  }
  throw new Error('the demo has no outcome KR without kpiRef');
}

describe('measured KRs and KPIs in the app', () => {
  it('round-trip through import and export', async () => {
    const { plan } = measuredDemo();
    const h = await harness({ plan });
    const exported = await h.exported();
    expect(exported.objectives).toEqual(plan.objectives);
    expect(exported.kpis).toEqual(plan.kpis);
  });

  it('keep `measure` when the KR is edited', async () => {
    const { plan, krId, objectiveId } = measuredDemo();
    const h = await harness({ plan });
    const expected = (await h.store.get('objectives', objectiveId))?.version;
    if (expected === undefined) throw new Error(`no objective ${objectiveId}`);
    await h.call('saveKeyResult', { keyResult: { objective: objectiveId, id: krId, title: 'Renamed', type: 'outcome', start: 0, target: 100 }, expected });
    const kr = (await h.exported()).objectives.flatMap((o) => o.keyResults).find((k) => k.id === krId);
    expect(kr).toMatchObject({ title: 'Renamed', measure: { jql: 'project = CS AND type = Bug', aggregate: 'percent', of: 'project = CS' } });
  });
});

// Issue 11: the KR and KPI forms edit `measure`. A sent measure is the form's word, null removes
// it, and a caller that sends none (the panel's KR form, older clients) keeps the stored one.
describe('saving a measure through saveKeyResult and saveKpi', () => {
  const OPEN_BUGS = { jql: 'project = CS AND type = Bug AND statusCategory != Done' };

  async function krSetup() {
    const { plan, krId, objectiveId } = measuredDemo();
    const h = await harness({ plan });
    const version = async () => {
      const v = (await h.store.get('objectives', objectiveId))?.version;
      if (v === undefined) throw new Error(`no objective ${objectiveId}`);
      return v;
    };
    const save = async (extra: object) =>
      h.call('saveKeyResult', { keyResult: { objective: objectiveId, id: krId, title: 'Renamed', type: 'outcome', start: 0, target: 100, ...extra }, expected: await version() });
    const stored = async () => (await h.exported()).objectives.flatMap((o) => o.keyResults).find((k) => k.id === krId);
    return { h, save, stored, objectiveId };
  }

  it('replaces a KR measure with the one sent', async () => {
    const { save, stored } = await krSetup();
    await save({ measure: OPEN_BUGS });
    expect(await stored()).toMatchObject({ measure: OPEN_BUGS });
  });

  it('removes a KR measure on null and keeps its measured check-ins', async () => {
    const { save, stored } = await krSetup();
    await save({ measure: null });
    const kr = await stored();
    expect(kr).not.toHaveProperty('measure');
    expect(kr).toMatchObject({ checkIns: expect.arrayContaining([expect.objectContaining({ source: 'measured', value: 40 })]) as unknown });
  });

  it('creates a measured KR, and refuses a measure without its field beside `measure`', async () => {
    const { h, objectiveId } = await krSetup();
    const expected = (await h.store.get('objectives', objectiveId))?.version ?? '';
    const created = await h.call('saveKeyResult', { keyResult: { objective: objectiveId, title: 'Open bugs', type: 'outcome', target: 0, measure: OPEN_BUGS }, expected });
    const kr = (await h.exported()).objectives.flatMap((o) => o.keyResults).find((k) => k.id === created.id);
    expect(kr).toMatchObject({ measure: OPEN_BUGS });
    const again = (await h.store.get('objectives', objectiveId))?.version ?? '';
    await expect(h.call('saveKeyResult', { keyResult: { objective: objectiveId, title: 'Points', type: 'outcome', measure: { ...OPEN_BUGS, aggregate: 'sum' } }, expected: again })).rejects.toMatchObject({
      code: 'invalid-input',
      problems: [expect.objectContaining({ path: expect.stringMatching(/^keyResult\.measure/) as unknown })],
    });
  });

  async function kpiSetup() {
    const { plan } = measuredDemo();
    const h = await harness({ plan });
    const kpi = plan.kpis[0];
    if (!kpi) throw new Error('the demo has no KPI');
    const save = async (extra: object) => {
      const expected = (await h.store.get('kpis', kpi.id))?.version ?? '';
      return h.call('saveKpi', { kpi: { id: kpi.id, title: kpi.title, direction: kpi.direction ?? 'up', ...extra }, expected });
    };
    const stored = async () => (await h.exported()).kpis.find((k) => k.id === kpi.id);
    return { h, save, stored, kpi };
  }

  it('keeps a KPI measure when none is sent, replaces it when one is, removes it on null', async () => {
    const { save, stored } = await kpiSetup();
    await save({});
    expect(await stored()).toMatchObject({ measure: { wiql: 'SELECT [System.Id] FROM WorkItems', aggregate: 'sum', field: 'estimate' } });
    await save({ measure: OPEN_BUGS });
    expect((await stored())?.measure).toEqual(OPEN_BUGS);
    await save({ measure: null });
    const kpi = await stored();
    expect(kpi).not.toHaveProperty('measure');
    expect(kpi?.readings).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'measured', value: 12 })]));
  });

  it('creates a KPI with a measure and refuses a percent without `of`', async () => {
    const { h } = await kpiSetup();
    const created = await h.call('saveKpi', { kpi: { title: 'Open bugs now', direction: 'down', measure: OPEN_BUGS }, expected: null });
    expect((await h.exported()).kpis.find((k) => k.id === created.id)?.measure).toEqual(OPEN_BUGS);
    await expect(h.call('saveKpi', { kpi: { title: 'Share', direction: 'up', measure: { ...OPEN_BUGS, aggregate: 'percent' } }, expected: null })).rejects.toMatchObject({
      code: 'invalid-input',
      problems: [expect.objectContaining({ path: expect.stringMatching(/^kpi\.measure/) as unknown })],
    });
  });
});
