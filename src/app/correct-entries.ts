// Correcting and deleting a check-in or a reading (issue 10 §2): by its author, the owner of its
// KR or KPI, or an editor. The change and its audit line are one batch, and `expected` makes an
// edit by someone else meanwhile a conflict rather than a lost update.
import { z } from 'zod';
import { InvalidInputError, NotFoundError } from '../core/model/errors';
import type { StoredDoc } from '../core/ports/document-store';
import type { KpiReport } from '../core/report/types';
import { C, type CheckInDoc, type ReadingDoc } from './collections';
import type { AppContext } from './context';
import { evaluateObjectives, keyResultOf } from './evaluate-objectives';
import { requireConfirmation } from './plausible';
import { PlanReader } from './plan-reader';
import { kpiReport } from './record-reading';
import { entryValues, revisionOp, revisionsOf } from './revisions';
import type { UseCase } from './use-case';
import { confidence, finite, id, isoDate } from './validate';
import { viewer } from './permissions';

const version = z.string().min(1, 'must not be empty');
const checkInEntry = (input: { id: string }) => ({ kind: 'check-in' as const, id: input.id });
const readingEntry = (input: { id: string }) => ({ kind: 'reading' as const, id: input.id });

function notFuture(ctx: AppContext, at: string, what: string): void {
  const today = ctx.today();
  if (at > today) throw new InvalidInputError([{ path: 'at', message: `a ${what} cannot be dated after today (${today})` }]);
}

async function requireDoc<T>(ctx: AppContext, collection: string, docId: string, what: string): Promise<StoredDoc<T>> {
  const doc = await ctx.store.get<T>(collection, docId);
  if (!doc) throw new NotFoundError(what, docId);
  return doc;
}

async function krAfter(ctx: AppContext, kr: string) {
  const reader = new PlanReader(ctx.store);
  const { objective } = await reader.requireKeyResult(kr);
  return keyResultOf(await evaluateObjectives(ctx, reader, [objective.id], ctx.today()), kr);
}

export const correctCheckIn: UseCase<'correctCheckIn'> = {
  input: z.strictObject({
    id,
    value: finite,
    confidence: confidence.optional(),
    note: z.string().optional(),
    at: isoDate,
    expected: version,
    confirm: z.boolean().optional(),
  }),
  requires: { role: 'author-owner-or-editor', entry: checkInEntry },

  async run(ctx, input) {
    notFuture(ctx, input.at, 'check-in');
    const doc = await requireDoc<CheckInDoc>(ctx, C.checkIns, input.id, 'check-in');
    const { def } = await new PlanReader(ctx.store).requireKeyResult(doc.value.kr);
    if (def.type === 'outcome') requireConfirmation(input.value, [def.start, def.target], `this key result's range`, input.confirm);
    const note = input.note?.trim();
    const next: CheckInDoc = {
      at: input.at,
      value: input.value,
      ...(input.confidence !== undefined ? { confidence: input.confidence } : {}),
      ...(note ? { note } : {}),
      // The author stays the author; the audit line says who corrected it.
      ...(doc.value.by !== undefined ? { by: doc.value.by } : {}),
      kr: doc.value.kr,
    };
    await ctx.store.batch([
      { kind: 'put', collection: C.checkIns, id: input.id, value: next, expected: input.expected, indexes: { kr: doc.value.kr } },
      await revisionOp(ctx, { kind: 'check-in', subject: doc.value.kr, entry: input.id, action: 'corrected', before: entryValues(doc.value), after: entryValues(next) }),
    ]);
    return krAfter(ctx, doc.value.kr);
  },
};

export const deleteCheckIn: UseCase<'deleteCheckIn'> = {
  input: z.strictObject({ id, expected: version }),
  requires: { role: 'author-owner-or-editor', entry: checkInEntry },

  async run(ctx, input) {
    const doc = await requireDoc<CheckInDoc>(ctx, C.checkIns, input.id, 'check-in');
    await ctx.store.batch([
      { kind: 'delete', collection: C.checkIns, id: input.id, expected: input.expected },
      await revisionOp(ctx, { kind: 'check-in', subject: doc.value.kr, entry: input.id, action: 'deleted', before: entryValues(doc.value) }),
    ]);
    return krAfter(ctx, doc.value.kr);
  },
};

export const correctReading: UseCase<'correctReading'> = {
  input: z.strictObject({ id, value: finite, note: z.string().optional(), at: isoDate, expected: version, confirm: z.boolean().optional() }),
  requires: { role: 'author-owner-or-editor', entry: readingEntry },

  async run(ctx, input): Promise<KpiReport> {
    notFuture(ctx, input.at, 'reading');
    const doc = await requireDoc<ReadingDoc>(ctx, C.readings, input.id, 'reading');
    const reader = new PlanReader(ctx.store);
    const kpi = await reader.requireKpi(doc.value.kpi);
    requireConfirmation(input.value, [kpi.value.target, kpi.value.threshold, doc.value.value], 'what this KPI reads', input.confirm);
    const note = input.note?.trim();
    const next: ReadingDoc = {
      at: input.at,
      value: input.value,
      ...(note ? { note } : {}),
      kpi: doc.value.kpi,
      ...(doc.value.by !== undefined ? { by: doc.value.by } : {}),
    };
    await ctx.store.batch([
      { kind: 'put', collection: C.readings, id: input.id, value: next, expected: input.expected, indexes: { kpi: doc.value.kpi } },
      await revisionOp(ctx, { kind: 'reading', subject: doc.value.kpi, entry: input.id, action: 'corrected', before: entryValues(doc.value), after: entryValues(next) }),
    ]);
    return kpiReport(new PlanReader(ctx.store), doc.value.kpi, ctx.today());
  },
};

export const deleteReading: UseCase<'deleteReading'> = {
  input: z.strictObject({ id, expected: version }),
  requires: { role: 'author-owner-or-editor', entry: readingEntry },

  async run(ctx, input): Promise<KpiReport> {
    const doc = await requireDoc<ReadingDoc>(ctx, C.readings, input.id, 'reading');
    await ctx.store.batch([
      { kind: 'delete', collection: C.readings, id: input.id, expected: input.expected },
      await revisionOp(ctx, { kind: 'reading', subject: doc.value.kpi, entry: input.id, action: 'deleted', before: entryValues(doc.value) }),
    ]);
    return kpiReport(new PlanReader(ctx.store), doc.value.kpi, ctx.today());
  },
};

/** A KPI's readings with what correcting them needs, and their audit trail. */
export const getReadings: UseCase<'getReadings'> = {
  input: z.strictObject({ kpi: id }),
  requires: viewer,

  async run(ctx, { kpi }) {
    const reader = new PlanReader(ctx.store);
    await reader.requireKpi(kpi);
    const [docs, revisions] = await Promise.all([reader.readingsOf(kpi), revisionsOf(ctx, kpi)]);
    const readings = docs
      .map((d) => ({ ...entryValues(d.value), id: d.id, version: d.version, ...(d.value.by !== undefined ? { by: d.value.by } : {}) }))
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    return { kpi, readings, revisions };
  },
};
