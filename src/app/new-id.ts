// Ids for things created in a surface rather than in a plan file. Objectives, KRs and KPIs
// share one namespace (SPEC §1), so every candidate is checked against all three.
import type { ObjectiveDoc } from './collections';
import type { PlanReader } from './plan-reader';

/** `O3-KR4`-style: readable next to the objective it belongs to. */
export async function newKeyResultId(reader: PlanReader, objective: Pick<ObjectiveDoc, 'id' | 'keyResults'>): Promise<string> {
  return firstFree(reader, (n) => `${objective.id}-KR${n}`, objective.keyResults.length + 1);
}

export async function newObjectiveId(reader: PlanReader, count: number): Promise<string> {
  return firstFree(reader, (n) => `O${n}`, count + 1);
}

export async function newKpiId(reader: PlanReader, title: string): Promise<string> {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'kpi';
  return firstFree(reader, (n) => (n === 1 ? slug : `${slug}-${n}`), 1);
}

async function firstFree(reader: PlanReader, make: (n: number) => string, from: number): Promise<string> {
  for (let n = from; ; n++) {
    const candidate = make(n);
    if (!(await reader.idTaken(candidate))) return candidate;
  }
}
