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
