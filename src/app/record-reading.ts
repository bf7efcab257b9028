// Records a reading of a KPI (the monthly churn figure, a week's deployment count).
import { z } from 'zod';
import { InvalidInputError } from '../core/model/errors';
import { evaluate } from '../core/report/evaluate';
import type { KpiReport } from '../core/report/types';
import type { IsoDate } from '../core/model/dates';
import { appendId, C, type ObjectiveDoc, type ReadingDoc } from './collections';
import { listAll } from './list-all';
import { appendSuffix, nextSeq } from './next-seq';
import { PlanReader } from './plan-reader';
import { editor } from './permissions';
import { requireConfirmation } from './plausible';
import type { UseCase } from './use-case';
import { finite, id, isoDate } from './validate';

export const recordReading: UseCase<'recordReading'> = {
  input: z.strictObject({ kpi: id, value: finite, at: isoDate.optional(), note: z.string().optional(), confirm: z.boolean().optional() }),
  requires: editor,

  async run(ctx, input) {
    const today = ctx.today();
    const at = input.at ?? today;
    if (at > today) throw new InvalidInputError([{ path: 'at', message: `a reading cannot be dated after today (${today})` }]);
    const reader = new PlanReader(ctx.store);
    const kpi = await reader.requireKpi(input.kpi);
    const existing = await reader.readingsOf(kpi.id);
    const latest = [...existing].sort((a, b) => (a.value.at < b.value.at ? -1 : a.value.at > b.value.at ? 1 : 0)).at(-1)?.value.value;
    requireConfirmation(input.value, [kpi.value.target, kpi.value.threshold, latest], `what this KPI reads`, input.confirm);
    const reading: ReadingDoc = { at, value: input.value, ...(input.note?.trim() ? { note: input.note.trim() } : {}), kpi: kpi.id, by: ctx.actor.id };
    const docId = appendId(kpi.id, nextSeq(kpi.id, existing.map((r) => r.id)), appendSuffix());
    // One single-document write, so concurrent readings never contend; `by` says who made it.
    await ctx.store.put(C.readings, docId, reading, { expected: null, indexes: { kpi: kpi.id } });
    return kpiReport(new PlanReader(ctx.store), kpi.id, today);
  },
};

/** One KPI's report, with the KRs that focus on it. */
export async function kpiReport(reader: PlanReader, kpiId: string, at: IsoDate): Promise<KpiReport> {
  const doc = await reader.requireKpi(kpiId);
  const [kpi, objectives] = await Promise.all([reader.hydratedKpi(doc.value), listAll<ObjectiveDoc>(reader.store, C.objectives)]);
  const report = evaluate({ okr: 1, periods: [], teams: [], objectives: [], kpis: [kpi], workItems: [] }, at).kpis[0] as KpiReport;
  const focusedBy = objectives.flatMap((o) => o.value.keyResults.filter((k) => k.type === 'outcome' && k.kpiRef === kpiId).map((k) => k.id));
  return { ...report, focusedBy };
}
