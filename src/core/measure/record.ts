// Recording a measured value (SPEC §8): one measured value per KR or KPI per day. A later run
// that day replaces the earlier measured value in place; values people typed are never replaced
// or removed. A new value goes last, so on a day that also holds a manual value the evaluation's
// "on a tie, the one written last" picks whichever was written later.
import type { IsoDate } from '../model/dates';
import { NotFoundError } from '../model/errors';
import type { Measure } from '../model/measure';
import type { CheckIn, Plan, Reading } from '../model/plan';

export interface MeasuredEntry {
  at: IsoDate;
  value: number;
  /** Items the query matched. */
  count: number;
}

/** The entries with this measured value recorded: a new array, the input is left as it was. */
export function recordMeasuredValue<T extends CheckIn | Reading>(entries: readonly T[] | undefined, entry: MeasuredEntry): T[] {
  const recorded = { at: entry.at, value: entry.value, source: 'measured', count: entry.count } as T;
  const list = [...(entries ?? [])];
  const sameDay = list.findIndex((e) => e.at === entry.at && e.source === 'measured');
  if (sameDay === -1) list.push(recorded);
  else list[sameDay] = recorded;
  return list;
}

/**
 * The plan with a measured value recorded on the KR (as a check-in) or KPI (as a reading) with
 * this id. A new plan; only the lists on the way to the entry are copied.
 */
export function recordMeasured(plan: Plan, id: string, entry: MeasuredEntry): Plan {
  const kpiIndex = plan.kpis.findIndex((k) => k.id === id);
  if (kpiIndex !== -1) {
    const kpis = [...plan.kpis];
    const kpi = plan.kpis[kpiIndex] as (typeof kpis)[number];
    kpis[kpiIndex] = { ...kpi, readings: recordMeasuredValue(kpi.readings, entry) };
    return { ...plan, kpis };
  }
  for (const [i, objective] of plan.objectives.entries()) {
    const j = objective.keyResults.findIndex((kr) => kr.id === id);
    if (j === -1) continue;
    const kr = objective.keyResults[j] as (typeof objective.keyResults)[number];
    if (kr.type !== 'outcome') throw new Error(`key result ${id} is an effort KR; only outcome KRs and KPIs hold measured values`);
    const keyResults = [...objective.keyResults];
    keyResults[j] = { ...kr, checkIns: recordMeasuredValue(kr.checkIns, entry) };
    const objectives = [...plan.objectives];
    objectives[i] = { ...objective, keyResults };
    return { ...plan, objectives };
  }
  throw new NotFoundError('key result or KPI', id);
}

/** One measure of the plan: where it sits and what it asks. */
export interface PlanMeasure {
  id: string;
  kind: 'key-result' | 'kpi';
  /** Path into the plan, for messages: `objectives[0].keyResults[1].measure`. */
  path: string;
  measure: Measure;
}

/** Every measure in the plan, KRs first in plan order, then KPIs. */
export function planMeasures(plan: Plan): PlanMeasure[] {
  const found: PlanMeasure[] = [];
  plan.objectives.forEach((o, i) =>
    o.keyResults.forEach((kr, j) => {
      if (kr.type === 'outcome' && kr.measure !== undefined) {
        found.push({ id: kr.id, kind: 'key-result', path: `objectives[${i}].keyResults[${j}].measure`, measure: kr.measure });
      }
    }),
  );
  plan.kpis.forEach((k, i) => {
    if (k.measure !== undefined) found.push({ id: k.id, kind: 'kpi', path: `kpis[${i}].measure`, measure: k.measure });
  });
  return found;
}
