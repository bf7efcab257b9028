// The work item search of the link picker, as the viewer: the source returns only what the
// viewer may see. The text is a key or a few words of a title, so it is capped: a megabyte of
// text would only reach the tracker to be refused there (Jira answers 413).
import { z } from 'zod';
import { viewer } from './permissions';
import type { UseCase } from './use-case';
import { limit } from './validate';

export const searchWorkItems: UseCase<'searchWorkItems'> = {
  input: z.strictObject({
    text: z
      .string()
      .trim()
      .min(1, 'type a key, an id or words of a title')
      .max(200, 'at most 200 characters: type a key, an id or a few words of a title'),
    limit: limit.optional(),
  }),
  requires: viewer,

  async run(ctx, { text, limit: max = 20 }) {
    return ctx.source.search(text, max);
  },
};
