// Removes a KR's link to a work item. Works for links to items that no longer exist (or that
// the viewer cannot see), so stale links can be cleaned up from the KR's "unknown" list.
import { z } from 'zod';
import { NotFoundError } from '../core/model/errors';
import { refuseIfClosed } from './closed-period';
import { C, linkId, type LinkDoc } from './collections';
import { evaluateObjectives, keyResultOf } from './evaluate-objectives';
import { PlanReader } from './plan-reader';
import type { UseCase } from './use-case';
import { id, ref } from './validate';

export const unlinkWorkItem: UseCase<'unlinkWorkItem'> = {
  input: z.strictObject({ kr: id, ref }),
  requires: { role: 'work-item-editor', ref: (input) => input.ref },

  async run(ctx, { kr, ref: itemRef }) {
    const reader = new PlanReader(ctx.store);
    const { objective } = await reader.requireKeyResult(kr);
    await refuseIfClosed(reader, objective.value.period, 'kr', `unlink ${itemRef} from ${kr}`);
    const link = await ctx.store.get<LinkDoc>(C.links, linkId(kr, itemRef));
    if (!link) throw new NotFoundError(`link from key result ${kr} to work item`, itemRef);
    await ctx.store.delete(C.links, link.id, link.version);
    const evaluation = await evaluateObjectives(ctx, new PlanReader(ctx.store), [objective.id], ctx.today());
    return keyResultOf(evaluation, kr);
  },
};
