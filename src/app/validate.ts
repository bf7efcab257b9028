// Payload validation for every use case. Payloads arrive from a browser or a resolver call, so
// they are untrusted: each use case declares a strict schema and gets every problem back at
// once, with a path into the payload (`keyResult.title`) that a form can show inline.
import { z } from 'zod';
import { isIsoDate, type IsoDate } from '../core/model/dates';
import { InvalidInputError } from '../core/model/errors';
import { zodProblems } from '../core/validation/zod-problems';

export const isoDate = z.string({ error: 'expected a date (YYYY-MM-DD)' }).transform((v, ctx): IsoDate => {
  if (isIsoDate(v)) return v;
  ctx.addIssue({ code: 'custom', message: `expected a calendar date (YYYY-MM-DD), got ${JSON.stringify(v)}` });
  return z.NEVER;
});

export { confidence, finite, id, ref, text as title } from '../core/validation/fields';
export const limit = z.number().int('expected a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100');

export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidInputError(zodProblems(schema, result.error.issues, input));
}
