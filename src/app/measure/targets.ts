// The KRs and KPIs a query measures (SPEC §8), read from the stored plan: outcome KRs with a
// `measure` (never with kpiRef, which validation refuses) and KPIs with one.
import { InvalidInputError } from '../../core/model/errors';
import type { Measure } from '../../core/model/measure';
import type { DocumentStore } from '../../core/ports/document-store';
import { C, type KpiDoc, type ObjectiveDoc } from '../collections';
import { listAll } from '../list-all';
import { PlanReader } from '../plan-reader';

export interface MeasuredTarget {
  kind: 'kr' | 'kpi';
  id: string;
  title: string;
  measure: Measure;
  /** Whose access a scheduled run reads with; a measure without one is never run unattended. */
  owner?: string;
}

export async function measuredTargets(store: DocumentStore): Promise<MeasuredTarget[]> {
  const [objectives, kpis] = await Promise.all([listAll<ObjectiveDoc>(store, C.objectives), listAll<KpiDoc>(store, C.kpis)]);
  const targets: MeasuredTarget[] = [];
  for (const o of objectives) {
    for (const kr of o.value.keyResults) {
      if (kr.type !== 'outcome' || !kr.measure) continue;
      const owner = kr.owner ?? o.value.owner;
      targets.push({ kind: 'kr', id: kr.id, title: kr.title, measure: kr.measure, ...(owner ? { owner } : {}) });
    }
  }
  for (const k of kpis) {
    if (k.value.measure) targets.push({ kind: 'kpi', id: k.value.id, title: k.value.title, measure: k.value.measure, ...(k.value.owner ? { owner: k.value.owner } : {}) });
  }
  return targets;
}

/** One measured KR or KPI by id; says what is wrong when the id is neither or is not measured. */
export async function measuredTarget(store: DocumentStore, id: string): Promise<MeasuredTarget> {
  const found = await findMeasured(store, id);
  if (found === 'not-measured') throw new InvalidInputError([{ path: 'id', message: `${id} is not measured by a query: give it a \`measure\` first` }]);
  return found;
}

/** The measured KR or KPI, or 'not-measured' when it exists without a measure. */
export async function findMeasured(store: DocumentStore, id: string): Promise<MeasuredTarget | 'not-measured'> {
  const reader = new PlanReader(store);
  const kr = await reader.keyResult(id);
  if (kr) {
    const { def, objective } = kr;
    if (def.type !== 'outcome' || !def.measure) return 'not-measured';
    const owner = def.owner ?? objective.value.owner;
    return { kind: 'kr', id, title: def.title, measure: def.measure, ...(owner ? { owner } : {}) };
  }
  const kpi = await reader.kpi(id);
  if (kpi) {
    if (!kpi.value.measure) return 'not-measured';
    return { kind: 'kpi', id, title: kpi.value.title, measure: kpi.value.measure, ...(kpi.value.owner ? { owner: kpi.value.owner } : {}) };
  }
  throw new InvalidInputError([{ path: 'id', message: `no key result or KPI "${id}"` }]);
}
