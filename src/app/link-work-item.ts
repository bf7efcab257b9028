// Links a work item to a KR. The item must exist and be visible to the viewer: a link to
// something the viewer cannot see would count work they have no right to know about.
import { z } from 'zod';
import { NotFoundError } from '../core/model/errors';
import { refuseIfClosed } from './closed-period';
import { C, linkId, type LinkDoc } from './collections';
import { evaluateObjectives, keyResultOf } from './evaluate-objectives';
import { PlanReader } from './plan-reader';
import type { UseCase } from './use-case';
import { id, ref } from './validate';

export const linkWorkItem: UseCase<'linkWorkItem'> = {
  input: z.strictObject({ kr: id, ref }),
  requires: { role: 'work-item-editor', ref: (input) => input.ref },

  async run(ctx, { kr, ref: itemRef }) {
    const reader = new PlanReader(ctx.store);
    const { objective } = await reader.requireKeyResult(kr);
    await refuseIfClosed(reader, objective.value.period, 'kr', `link ${itemRef} to ${kr}`);
    const { items } = await ctx.source.getItems([itemRef]);
    if (!items.some((i) => i.ref === itemRef)) throw new NotFoundError('work item', itemRef);

    const docId = linkId(kr, itemRef);
    // Linking twice is not an error: the KR ends up linked once, as asked.
    if (!(await ctx.store.get<LinkDoc>(C.links, docId))) {
      const links = await reader.linksOf(kr);
      const seq = links.reduce((max, l) => Math.max(max, l.value.seq + 1), 0);
      const link: LinkDoc = { kr, ref: itemRef, seq };
      await ctx.store.put(C.links, docId, link, { expected: null, indexes: { kr, ref: itemRef } });
    }
    const evaluation = await evaluateObjectives(ctx, new PlanReader(ctx.store), [objective.id], ctx.today());
    return keyResultOf(evaluation, kr);
  },
};
