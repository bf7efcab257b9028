// Creates (`expected: null`) or re-dates a period. A period's dates decide when its objectives
// are over (and stop being offered for linking), so, like teams, periods are for admins.
import { z } from 'zod';
import { NotFoundError } from '../core/model/errors';
import type { Period } from '../core/model/plan';
import { C, type PeriodDoc } from './collections';
import { listAll } from './list-all';
import { planRuleProblems, throwIfAny } from './part-problems';
import { admin } from './permissions';
import type { UseCase } from './use-case';
import { id, isoDate } from './validate';

export const savePeriod: UseCase<'savePeriod'> = {
  input: z.strictObject({
    period: z.strictObject({ id, start: isoDate, end: isoDate }),
    expected: z.string().min(1, 'must not be empty').nullable(),
  }),
  requires: admin,

  async run(ctx, { period: input, expected }) {
    throwIfAny(planRuleProblems('period', { kind: 'period', value: input }));
    let order: number;
    if (expected !== null) {
      const current = await ctx.store.get<PeriodDoc>(C.periods, input.id);
      if (!current) throw new NotFoundError('period', input.id);
      order = current.value.order;
    } else {
      order = (await listAll<PeriodDoc>(ctx.store, C.periods)).reduce((max, d) => Math.max(max, d.value.order + 1), 0);
    }
    const period: Period = { id: input.id, start: input.start, end: input.end };
    // `expected: null` on an id that exists: the store's conflict says someone made it first.
    const saved = await ctx.store.put<PeriodDoc>(C.periods, input.id, { ...period, order }, { expected });
    return { ...period, version: saved.version };
  },
};
