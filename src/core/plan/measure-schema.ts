// The plan file's `measure` (SPEC §8) and the two fields it adds to check-ins and readings.
// Which fields go together is checked here, each problem at the path of the field to fix.
import { z } from 'zod';
import { MEASURE_AGGREGATES, type Measure } from '../model/measure';
import { text } from '../validation/fields';

const AGGREGATE_LIST = MEASURE_AGGREGATES.map((a) => `"${a}"`).join(', ');

/** A flat WIQL query: link queries (`FROM WorkItemLinks`) return pairs, not items to count. */
const FLAT_WIQL = /^\s*select\b[\s\S]*?\bfrom\s+workitems\b/i;

export const measureSchema = z
  .strictObject({
    jql: text.optional(),
    wiql: text.optional(),
    aggregate: z.enum(MEASURE_AGGREGATES as ['count', 'sum', 'average', 'percent'], { error: `expected one of ${AGGREGATE_LIST}` }).optional(),
    field: text.optional(),
    of: text.optional(),
  })
  .superRefine((m: Measure, ctx) => {
    if (m.jql !== undefined && m.wiql !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['wiql'], message: 'a measure has exactly one query: `jql` (Jira) or `wiql` (Azure DevOps), not both' });
    } else if (m.jql === undefined && m.wiql === undefined) {
      ctx.addIssue({ code: 'custom', path: ['jql'], message: 'required: the query, `jql` (Jira) or `wiql` (Azure DevOps)' });
    }
    if (m.wiql !== undefined && !FLAT_WIQL.test(m.wiql)) {
      ctx.addIssue({ code: 'custom', path: ['wiql'], message: 'expected a flat query: SELECT [System.Id] FROM WorkItems WHERE ...' });
    }
    if (m.of !== undefined && m.wiql !== undefined && !FLAT_WIQL.test(m.of)) {
      ctx.addIssue({ code: 'custom', path: ['of'], message: 'expected a flat query: SELECT [System.Id] FROM WorkItems WHERE ...' });
    }
    const aggregate = m.aggregate ?? 'count';
    const needsField = aggregate === 'sum' || aggregate === 'average';
    if (needsField && m.field === undefined) {
      ctx.addIssue({ code: 'custom', path: ['field'], message: `required for "${aggregate}": \`estimate\` or a tracker field id such as customfield_10016 or Microsoft.VSTS.Scheduling.StoryPoints` });
    }
    if (!needsField && m.field !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['field'], message: `only "sum" and "average" take a field; "${aggregate}" counts items (remove \`field\` or change \`aggregate\`)` });
    }
    if (aggregate === 'percent' && m.of === undefined) {
      ctx.addIssue({ code: 'custom', path: ['of'], message: 'required for "percent": the query whose matches are 100%' });
    }
    if (aggregate !== 'percent' && m.of !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['of'], message: `only "percent" takes \`of\`; remove it or set \`aggregate: percent\`` });
    }
  });

export const valueSource = z.enum(['manual', 'measured'], { error: 'expected "manual" (typed in) or "measured" (from a query)' });
export const matchedCount = z.number().refine(Number.isInteger, 'expected a whole number of items').refine((n) => n >= 0, 'a count cannot be negative');
