// "Measure now": runs one measure (or every one) as the caller, records the values and logs
// each run. One measure: its KR's owner or an editor; all of them: an editor.
import { z } from 'zod';
import { measuredTarget, measuredTargets } from './measure/targets';
import { runMeasure } from './measure/run-measure';
import type { UseCase } from './use-case';
import { id } from './validate';

export const measureNow: UseCase<'measureNow'> = {
  input: z.strictObject({ id: id.optional() }),
  requires: { role: 'editor-or-owner', kr: (input) => input.id },

  async run(ctx, input) {
    const targets = input.id === undefined ? await measuredTargets(ctx.store) : [await measuredTarget(ctx.store, input.id)];
    const runs = [];
    // One at a time: a tracker's rate limit is per user, and this user is waiting on all of them.
    for (const target of targets) runs.push(await runMeasure(ctx, target, ctx.actor.id, 'viewer'));
    return runs;
  },
};
