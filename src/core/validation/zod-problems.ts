// zod issues → Problems that say what to fix, with a path into the input. One formatter for
// every untrusted input: the plan file (core) and every use case payload (app).
import type { z } from 'zod';
import type { Problem } from '../model/errors';
import { closest } from './closest';

export function zodProblems(schema: z.ZodType, issues: readonly z.core.$ZodIssue[], input: unknown): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = formatPath(issue.path);
    const value = valueAt(input, issue.path);
    if (issue.code === 'unrecognized_keys') {
      const known = objectKeysAt(schema, issue.path);
      for (const key of issue.keys) {
        const hint = closest(key, known);
        // A field of another variant (`measure` on an effort KR): "did you mean measure" would puzzle.
        const message = hint === key ? 'not a field of this kind (check `type`: it belongs to another one)' : `unknown field${hint ? ` (did you mean "${hint}"?)` : ''}`;
        problems.push({ path: join(path, key), message });
      }
    } else if (issue.code === 'invalid_type' && value === undefined) {
      problems.push({ path, message: 'required' });
    } else if (issue.code === 'invalid_type' && issue.expected === 'number' && typeof value === 'number') {
      // YAML's .inf and .nan are numbers to JavaScript: name them rather than print "number null".
      problems.push({ path, message: `expected a finite number, got ${String(value)}` });
    } else if (issue.code === 'invalid_type') {
      problems.push({ path, message: `expected ${article(issue.expected)}, got ${describe(value)}` });
    } else {
      problems.push({ path, message: issue.message });
    }
  }
  return problems;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * The field names the schema allows for the object at `path`, for the "did you mean" hint.
 * Read from the schema itself, so the hint never drifts from what is accepted.
 */
export function objectKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let level: z.ZodType[] = [schema];
  for (const step of [...path, undefined]) {
    const objects: z.ZodType[] = [];
    const pending = [...level];
    while (pending.length) {
      const s = pending.pop() as z.ZodType;
      const def = defOf(s);
      const inner = def.innerType ?? def.in;
      if (inner) pending.push(inner);
      else if (def.type === 'union') pending.push(...(def.options ?? []));
      else objects.push(s);
    }
    if (step === undefined) return [...new Set(objects.flatMap((s) => Object.keys(defOf(s).shape ?? {})))];
    level = objects.flatMap((s) => {
      const def = defOf(s);
      if (typeof step === 'number') return def.element ? [def.element] : [];
      const field = def.shape?.[String(step)];
      return field ? [field] : [];
    });
  }
  return [];
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : join(acc, String(p))), '');
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur = input;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}
