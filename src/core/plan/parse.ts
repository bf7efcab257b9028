// Untrusted text or data → a valid Plan, or InvalidInputError listing every problem with its
// path (SPEC §1). Nothing partial is ever returned.
import { parseDocument } from 'yaml';
import { InvalidInputError, type Problem } from '../model/errors';
import type { Plan } from '../model/plan';
import type { WorkItem } from '../model/work-item';
import { allValidWorkItems } from './work-item-fast-path';
import { referenceProblems } from './references';
import { zodProblems } from '../validation/zod-problems';
import { planSchema } from './schema';

export type PlanFormat = 'yaml' | 'json';

/** Parses YAML or JSON (JSON is YAML too, but is parsed natively: faster, exact errors). */
export function parsePlanText(text: string, format?: PlanFormat): Plan {
  if (format === undefined && /^\s*[{[]/.test(text)) {
    // Looks like JSON, but JSON is YAML too: text JSON refuses may be a YAML flow mapping
    // (`{ okr: 1 }`), and if it is neither, YAML's errors say on which line it breaks.
    let data: unknown;
    try {
      data = JSON.parse(text) as unknown;
    } catch {
      return validate(readText(text, 'yaml'), OWNED);
    }
    return validate(data, OWNED);
  }
  return validate(readText(text, format ?? 'yaml'), OWNED);
}

export function validatePlan(input: unknown): Plan {
  return validate(input, copyWorkItem);
}

/** For data this module parsed itself: nobody else holds it, so nothing needs copying. */
const OWNED = <T>(item: T): T => item;

function validate(input: unknown, adopt: (item: WorkItem) => WorkItem): Plan {
  // Fast path for the bulk of a large plan: see work-item-fast-path.ts.
  const items = input !== null && typeof input === 'object' ? (input as { workItems?: unknown }).workItems : undefined;
  if (allValidWorkItems(items)) {
    const result = planSchema.safeParse({ ...(input as object), workItems: [] });
    if (result.success) return checkReferences({ ...result.data, workItems: adopt === OWNED ? items : items.map(adopt) });
  }
  const result = planSchema.safeParse(input);
  if (!result.success) {
    const problems = zodProblems(planSchema, result.error.issues, input);
    throw new InvalidInputError([...problems, ...bestEffortReferences(input, problems)], 'the plan is invalid');
  }
  return checkReferences(result.data);
}

function checkReferences(plan: Plan): Plan {
  const problems = referenceProblems(plan);
  if (problems.length) throw new InvalidInputError(problems, 'the plan is invalid');
  return plan;
}

/** A shallow copy, as zod would make, so a plan never aliases a caller's objects. */
function copyWorkItem(item: WorkItem): WorkItem {
  return { ...item };
}

/**
 * Referential problems of a plan whose shape is broken, so one run lists them all. Only problems
 * at paths the shape check did not already flag are kept; a shape too broken to follow gives none.
 */
function bestEffortReferences(input: unknown, shapeProblems: readonly Problem[]): Problem[] {
  try {
    const flagged = new Set(shapeProblems.map((p) => p.path));
    const rec = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
    const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.map(rec) : []);
    const root = rec(input);
    const plan = {
      ...root,
      periods: list(root.periods),
      teams: list(root.teams),
      objectives: list(root.objectives).map((o) => ({ ...o, keyResults: list(o.keyResults) })),
      kpis: list(root.kpis),
      workItems: list(root.workItems),
    } as unknown as Plan;
    return referenceProblems(plan).filter((p) => !flagged.has(p.path));
  } catch {
    return [];
  }
}

function readText(text: string, format: PlanFormat): unknown {
  if (format === 'json') {
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      throw new InvalidInputError([{ path: '', message: `not valid JSON: ${(e as Error).message}` }], 'the plan cannot be read');
    }
  }
  // YAML 1.2: `no`, `y` or `on` stay strings (1.1 would turn a title "no" into false). Unquoted
  // dates then stay strings too; the schema accepts them either way.
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    throw new InvalidInputError(
      doc.errors.map((e) => ({ path: e.linePos ? `line ${e.linePos[0].line}` : '', message: e.message.split('\n')[0] ?? e.message })),
      'the plan cannot be read as YAML',
    );
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  } catch (e) {
    // The yaml library refuses to expand aliases past the limit (a "billion laughs" file would
    // otherwise take gigabytes) and to resolve an alias it cannot place: both are the text's fault.
    throw new InvalidInputError([{ path: '', message: aliasMessage(e) }], 'the plan cannot be read as YAML');
  }
}

/**
 * How many nodes YAML aliases (`*name`) may expand to in all, the yaml library's own default: a
 * plan that reuses a value a few times stays far below it, a nested alias bomb goes far above.
 */
const MAX_ALIAS_COUNT = 100;

function aliasMessage(e: unknown): string {
  const said = e instanceof Error ? e.message : String(e);
  return /excessive alias count/i.test(said)
    ? `its YAML aliases (*name) expand to more than ${MAX_ALIAS_COUNT} copies of their anchors (&name), as in a "billion laughs" file; write the values out instead of nesting aliases`
    : `YAML aliases cannot be resolved: ${said}`;
}
