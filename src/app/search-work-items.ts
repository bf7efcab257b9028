// The work item search of the link picker, as the viewer: the source returns only what the
// viewer may see.
import { z } from 'zod';
import { viewer } from './permissions';
import type { UseCase } from './use-case';
import { limit } from './validate';

export const searchWorkItems: UseCase<'searchWorkItems'> = {
  input: z.strictObject({ text: z.string().trim().min(1, 'type a key, an id or words of a title'), limit: limit.optional() }),
  requires: viewer,

  async run(ctx, { text, limit: max = 20 }) {
    return ctx.source.search(text, max);
  },
};
