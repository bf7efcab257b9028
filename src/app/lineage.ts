// A carried KR's lineage (SPEC §10, issue 12): the quarters it was carried through, oldest first,
// each with the KR there and its score, so a KPI kept as a key result shows its trend. Follows
// `carriedFrom` back through the plan; an id that names nothing (history removed) ends the chain.
import type { Plan } from '../core/model/plan';
import type { Report } from '../core/report/types';
import type { LineageStep } from './close-types';

/** Lineage of each of these KRs that was carried from another, keyed by the KR. */
export function lineageOf(plan: Plan, report: Report, krIds: Iterable<string>): Record<string, LineageStep[]> {
  const defs = new Map(plan.objectives.flatMap((o) => o.keyResults.map((kr) => [kr.id, { kr, period: o.period }] as const)));
  const reports = new Map(report.keyResults.map((k) => [k.id, k]));
  const out: Record<string, LineageStep[]> = {};
  for (const id of krIds) {
    const steps: LineageStep[] = [];
    const seen = new Set<string>([id]);
    let from = defs.get(id)?.kr.carriedFrom;
    while (from !== undefined && !seen.has(from)) {
      seen.add(from);
      const def = defs.get(from);
      const r = reports.get(from);
      if (!def || !r) break;
      steps.unshift({ kr: from, period: def.period, progress: r.progress, ...(r.score !== undefined ? { score: r.score } : {}) });
      from = def.kr.carriedFrom;
    }
    if (steps.length) out[id] = steps;
  }
  return out;
}
