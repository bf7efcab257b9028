// The fields an admin may pick as the story point field: the site's number fields, listed by the
// host (Jira: GET /rest/api/3/field). A host with no field list answers an empty list.
import { z } from 'zod';
import { estimateFields } from './tracker-settings';
import type { UseCase } from './use-case';

export const listJiraFields: UseCase<'listJiraFields'> = {
  input: z.strictObject({}),
  async run(ctx) {
    return ctx.fields ? estimateFields(await ctx.fields()) : [];
  },
};
