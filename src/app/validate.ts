// Payload validation for every use case. Payloads arrive from a browser or a resolver call, so
// they are untrusted: each use case declares a strict schema and gets every problem back at
// once, with a path into the payload (`keyResult.title`) that a form can show inline.
import { z } from 'zod';
import { isIsoDate, type IsoDate } from '../core/model/dates';
import { InvalidInputError, type Problem } from '../core/model/errors';
import { isWorkItemRef } from '../core/model/work-item';

export const isoDate = z.string({ error: 'expected a date (YYYY-MM-DD)' }).transform((v, ctx): IsoDate => {
  if (isIsoDate(v)) return v;
  ctx.addIssue({ code: 'custom', message: `expected a calendar date (YYYY-MM-DD), got ${JSON.stringify(v)}` });
  return z.NEVER;
});

export const id = z.string().trim().min(1, 'must not be empty');
export const title = z.string().trim().min(1, 'must not be empty');
export const finite = z.number().refine(Number.isFinite, 'expected a finite number');
export const ref = z.string().refine(isWorkItemRef, {
  error: (i) => `expected a work item ref such as "jira:CS-1" or "ado:42", got ${JSON.stringify(i.input)}`,
});
export const confidence = z.number().min(0, 'confidence is between 0 and 1').max(1, 'confidence is between 0 and 1');
export const limit = z.number().int('expected a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100');

export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidInputError(problemsOf(result.error.issues, input));
}

function problemsOf(issues: readonly z.core.$ZodIssue[], input: unknown): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = pathText(issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ path: path ? `${path}.${key}` : key, message: 'unknown field' });
    } else if (issue.code === 'invalid_type') {
      const value = valueAt(input, issue.path);
      problems.push({ path, message: value === undefined ? 'required' : `expected ${issue.expected}, got ${describe(value)}` });
    } else {
      problems.push({ path, message: issue.message });
    }
  }
  return problems;
}

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur = input;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}
