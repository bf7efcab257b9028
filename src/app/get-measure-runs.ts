// The run log: each measured KR and KPI with its latest runs, newest first, so a value can be
// explained down to the query, who it ran as and what the tracker said.
import { z } from 'zod';
import type { MeasureLogEntry } from './api';
import { C, type MeasureHeadDoc, type MeasureRunDoc } from './collections';
import { listAll } from './list-all';
import { findMeasured, measuredTargets } from './measure/targets';
import { viewer } from './permissions';
import type { UseCase } from './use-case';
import { id, limit } from './validate';

export const getMeasureRuns: UseCase<'getMeasureRuns'> = {
  input: z.strictObject({ id: id.optional(), limit: limit.optional() }),
  requires: viewer,

  async run(ctx, input) {
    // One KR or KPI that exists but is not measured has no runs: an empty log, not an error.
    const one = input.id === undefined ? undefined : await findMeasured(ctx.store, input.id);
    const targets = one === undefined ? await measuredTargets(ctx.store) : one === 'not-measured' ? [] : [one];
    const keep = input.limit ?? 20;
    return Promise.all(
      targets.map(async (t): Promise<MeasureLogEntry> => {
        const [runs, head] = await Promise.all([
          listAll<MeasureRunDoc>(ctx.store, C.measureRuns, { index: 'measure', value: t.id }),
          ctx.store.get<MeasureHeadDoc>(C.measureHeads, t.id),
        ]);
        return {
          id: t.id,
          kind: t.kind,
          title: t.title,
          measure: t.measure,
          ...(t.owner !== undefined ? { owner: t.owner } : {}),
          ...(head?.value.lastValueAt !== undefined ? { lastValueAt: head.value.lastValueAt } : {}),
          runs: runs.map((r) => r.value).reverse().slice(0, keep),
        };
      }),
    );
  },
};
