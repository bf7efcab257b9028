import { describe, expect, it } from 'vitest';
import { C } from '../../src/app/collections';
import { docsToPlan, planToDocs, type PlanDocs } from '../../src/app/plan-docs';
import { exportPlan } from '../../src/core/plan/export';
import { parsePlanText } from '../../src/core/plan/parse';
import { generateEffortKeyResult, generateKpi, generateObjective, generateOutcomeKeyResult, generatePlan } from '../builders';
import { DEMO } from './harness';

function roundTrip(docs: ReturnType<typeof planToDocs>): PlanDocs {
  const of = (c: string) => docs.filter((d) => d.collection === c);
  const values = <T>(c: string) => of(c).map((d) => d.value as T);
  return {
    settings: values<NonNullable<PlanDocs['settings']>>(C.settings)[0],
    periods: values(C.periods),
    teams: values(C.teams),
    objectives: values(C.objectives),
    kpis: values(C.kpis),
    workItems: values(C.workItems),
    links: values(C.links),
    // Stores list by id, not in the order written.
    checkIns: of(C.checkIns).map((d) => ({ id: d.id, value: d.value as PlanDocs['checkIns'][number]['value'] })).reverse(),
    readings: of(C.readings).map((d) => ({ id: d.id, value: d.value as PlanDocs['readings'][number]['value'] })).reverse(),
  };
}

describe('storage layout (collections.ts)', () => {
  it('gives back the same plan from its documents (SPEC §1 lossless)', () => {
    expect(docsToPlan(roundTrip(planToDocs(DEMO)))).toEqual(DEMO);
  });

  it('keeps empty lists written in the plan, so a round trip is exact', () => {
    const plan = generatePlan({
      objectives: [generateObjective({ keyResults: [generateOutcomeKeyResult({ checkIns: [], links: [] }), generateEffortKeyResult({ links: [] })] })],
      kpis: [generateKpi({ readings: [] })],
    });
    const back = docsToPlan(roundTrip(planToDocs(plan)));
    expect(back).toStrictEqual(parsePlanText(exportPlan(plan, 'json')));
    expect(back.objectives[0]?.keyResults[0]).toHaveProperty('checkIns', []);
    expect(back.kpis[0]).toHaveProperty('readings', []);
  });

  it('splits the plan into small documents: history never sits inside an objective', () => {
    const docs = planToDocs(DEMO);
    const objectives = docs.filter((d) => d.collection === C.objectives);
    expect(objectives).toHaveLength(DEMO.objectives.length);
    for (const o of objectives) {
      const json = JSON.stringify(o.value);
      expect(json).not.toContain('checkIns');
      expect(json).not.toContain('"links"');
      expect(o.indexes).toEqual({ team: expect.any(String) as string, period: expect.any(String) as string });
    }
    const biggest = Math.max(...docs.map((d) => JSON.stringify(d.value).length));
    // Forge KVS caps a value at 240 KiB; the demo's largest document is a tiny fraction.
    expect(biggest).toBeLessThan(4_000);
    const links = docs.filter((d) => d.collection === C.links);
    expect(links.map((l) => l.indexes)).toContainEqual({ kr: 'KR-CRM', ref: 'ado:101' });
    expect(docs.filter((d) => d.collection === C.checkIns).every((d) => d.indexes?.kr !== undefined)).toBe(true);
    expect(docs.filter((d) => d.collection === C.readings).every((d) => d.indexes?.kpi !== undefined)).toBe(true);
  });
});
