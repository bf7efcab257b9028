// Checks in a value on an outcome KR, with an optional confidence and note. A value far outside
// the KR's range needs `confirm` (plausible.ts). The entry carries its author (`by`); the audit
// trail (revisions.ts) records only corrections and deletions, so a new check-in stays one
// single-document write and concurrent check-ins never contend (next-seq.ts says why).
import { assertNever } from '../core/model/assert-never';
import { z } from 'zod';
import { InvalidInputError } from '../core/model/errors';
import { refuseIfClosed } from './closed-period';
import { appendId, C, type CheckInDoc, type ReadingDoc } from './collections';
import { evaluateObjectives, keyResultOf } from './evaluate-objectives';
import { appendSuffix, nextSeq } from './next-seq';
import { requireConfirmation } from './plausible';
import { PlanReader } from './plan-reader';
import type { UseCase } from './use-case';
import { confidence, finite, id, isoDate } from './validate';

export const checkIn: UseCase<'checkIn'> = {
  input: z.strictObject({
    kr: id,
    value: finite,
    confidence: confidence.optional(),
    note: z.string().optional(),
    at: isoDate.optional(),
    confirm: z.boolean().optional(),
  }),
  requires: { role: 'editor-or-owner', kr: (input) => input.kr },

  async run(ctx, input) {
    const today = ctx.today();
    const at = input.at ?? today;
    if (at > today) throw new InvalidInputError([{ path: 'at', message: `a check-in cannot be dated after today (${today})` }]);
    const reader = new PlanReader(ctx.store);
    const { objective, def } = await reader.requireKeyResult(input.kr);
    await refuseIfClosed(reader, objective.value.period, 'kr', `check in on ${def.id}`);
    switch (def.type) {
      case 'effort':
        throw new InvalidInputError([
          { path: 'kr', message: `${def.id} is an effort KR: its progress comes from its linked work items, not from check-ins` },
        ]);
      case 'outcome':
        break;
      default:
        return assertNever(def);
    }
    requireConfirmation(input.value, [def.start, def.target], `this key result's range`, input.confirm);
    const note = input.note?.trim() ? { note: input.note.trim() } : {};
    if (def.kpiRef !== undefined) {
      // The KR's value is its KPI's latest reading (SPEC §2), so a value checked in here is a
      // new reading of that KPI: the same number then shows on the KPI readout too. Readings
      // carry no confidence (SPEC §1), so that one is not kept.
      const readings = await reader.readingsOf(def.kpiRef);
      const docId = appendId(def.kpiRef, nextSeq(def.kpiRef, readings.map((r) => r.id)), appendSuffix());
      const reading: ReadingDoc = { at, value: input.value, ...note, kpi: def.kpiRef, by: ctx.actor.id };
      await ctx.store.put(C.readings, docId, reading, { expected: null, indexes: { kpi: def.kpiRef } });
    } else {
      const existing = await reader.checkInsOf(def.id);
      const docId = appendId(def.id, nextSeq(def.id, existing.map((c) => c.id)), appendSuffix());
      const doc: CheckInDoc = {
        at,
        value: input.value,
        ...(input.confidence !== undefined ? { confidence: input.confidence } : {}),
        ...note,
        by: ctx.actor.id,
        kr: def.id,
      };
      await ctx.store.put(C.checkIns, docId, doc, { expected: null, indexes: { kr: def.id } });
    }
    const evaluation = await evaluateObjectives(ctx, new PlanReader(ctx.store), [objective.id], today);
    return keyResultOf(evaluation, def.id);
  },
};
