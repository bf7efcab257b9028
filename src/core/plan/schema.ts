// The plan file's shape (SPEC §1) as a zod schema. Strict objects everywhere, so a typo such
// as `tagret` is refused instead of silently ignored. Referential rules live in references.ts.
import { z } from 'zod';
import { isIsoDate, type IsoDate } from '../model/dates';
import type { Plan } from '../model/plan';
import { WORK_ITEM_STATUSES } from '../model/work-item';
import { confidence, finite, id, ref, text } from '../validation/fields';
import { matchedCount, measureSchema, valueSource } from './measure-schema';

/**
 * A calendar day. YAML 1.1 readers turn an unquoted `2024-07-01` into a Date at midnight UTC,
 * YAML 1.2 readers keep the string: both mean the same day.
 */
const isoDate = z
  .union([z.string(), z.date()], { error: 'expected a date (YYYY-MM-DD)' })
  .transform((v, ctx): IsoDate => {
    const text = v instanceof Date ? (Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10)) : v;
    if (!isIsoDate(text)) {
      ctx.addIssue({ code: 'custom', message: `expected a calendar date (YYYY-MM-DD), got ${JSON.stringify(String(v))}` });
      return z.NEVER;
    }
    return text;
  });

const period = z.strictObject({ id, start: isoDate, end: isoDate, closed: isoDate.optional() });
const team = z.strictObject({ id, name: text, parent: id.optional() });

const checkIn = z.strictObject({
  at: isoDate,
  value: finite,
  confidence: confidence.optional(),
  note: z.string().optional(),
  by: z.string().optional(),
  source: valueSource.optional(), // §8 measured values
  count: matchedCount.optional(),
});

const krCommon = {
  id,
  title: text,
  owner: z.string().optional(),
  weight: z.number().positive('weight must be above 0').refine(Number.isFinite, 'expected a finite number').optional(),
  kpi: z.boolean().optional(),
  links: z.array(ref).optional(),
};

// Closing a period (SPEC §9): the frozen evaluation and the score. Whether they may be there at
// all (only in a closed period) is a referential rule: see close-references.ts.
const fraction = (what: string) => z.number().min(0, `${what} is between 0 and 1`).max(1, `${what} is between 0 and 1`);
const count = z.number().int('expected a whole number').min(0, 'cannot be negative');
const outcomeFinal = z.strictObject({ progress: fraction('progress'), current: finite.optional() });
const effortFinal = z
  .strictObject({ progress: fraction('progress'), units: z.strictObject({ done: count, total: count }).optional() })
  .refine((f) => f.units === undefined || f.units.done <= f.units.total, { message: 'units.done cannot exceed units.total', path: ['units', 'done'] });
const closing = {
  grade: fraction('a grade').optional(),
  reflection: z.string().optional(),
  carriedFrom: id.optional(),
};

const outcomeKr = z.strictObject({
  ...krCommon,
  type: z.literal('outcome'),
  start: finite.optional(),
  target: finite.optional(),
  unit: z.string().optional(),
  kpiRef: id.optional(),
  checkIns: z.array(checkIn).optional(),
  final: outcomeFinal.optional(),
  ...closing,
  measure: measureSchema.optional(), // §8 measured values
});

const effortKr = z.strictObject({
  ...krCommon,
  type: z.literal('effort'),
  weighting: z.enum(['count', 'estimate']).optional(),
  final: effortFinal.optional(),
  ...closing,
});

const keyResult = z.discriminatedUnion('type', [outcomeKr, effortKr], {
  error: (i) =>
    i.input && typeof i.input === 'object' && 'type' in i.input
      ? `type: expected "outcome" or "effort", got ${JSON.stringify((i.input).type)}`
      : 'type: required ("outcome": a measured number, "effort": progress from linked work)',
});

const objective = z.strictObject({
  id,
  title: text,
  team: id,
  period: id,
  owner: z.string().optional(),
  aligns: id.nullable().optional(),
  carriedFrom: id.optional(),
  keyResults: z.array(keyResult).default([]),
});

const reading = z.strictObject({
  at: isoDate,
  value: finite,
  note: z.string().optional(),
  source: valueSource.optional(), // §8 measured values
  count: matchedCount.optional(),
});

export const kpiSchema = z.strictObject({
  id,
  title: text,
  unit: z.string().optional(),
  direction: z.enum(['up', 'down'], { error: 'expected "up" (higher is better) or "down" (lower is better)' }),
  target: finite.optional(),
  threshold: finite.optional(),
  frequency: z.enum(['weekly', 'monthly', 'quarterly']).optional(),
  source: z.string().optional(),
  owner: z.string().optional(),
  team: id.optional(),
  readings: z.array(reading).optional(),
  measure: measureSchema.optional(), // §8 measured values
});

export const workItemSchema = z.strictObject({
  ref,
  title: z.string().optional(),
  type: z.string().optional(),
  status: z.enum(WORK_ITEM_STATUSES),
  estimate: z.number().min(0, 'an estimate cannot be negative').refine(Number.isFinite, 'expected a finite number').optional(),
  parent: ref.optional(),
});

export const planSchema = z.strictObject({
  okr: z.literal(1, { error: 'required: the format version, `okr: 1`' }),
  organization: z.string().optional(),
  // SPEC §7 (cadence): a whole number of days, so "more than N days" has one meaning. One message
  // for every wrong value (a string, 1.5, 0), since the fix is the same.
  checkInDays: z
    .custom<number>((v) => typeof v === 'number' && Number.isInteger(v) && v >= 1, {
      error: 'expected a whole number of days (at least 1), such as 7 for a weekly check-in',
    })
    .optional(),
  periods: z.array(period).default([]),
  teams: z.array(team).default([]),
  objectives: z.array(objective).default([]),
  kpis: z.array(kpiSchema).default([]),
  workItems: z.array(workItemSchema).default([]),
});

// The schema's output must be the core Plan: a compile-time check, no runtime cost.
type Output = z.output<typeof planSchema>;
export type SchemaMatchesPlan = Output extends Plan ? (Plan extends Output ? true : never) : never;
const _schemaMatchesPlan: SchemaMatchesPlan = true;
void _schemaMatchesPlan;
