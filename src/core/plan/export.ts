// Plan → text. Lossless: parsePlanText(exportPlan(p, f)) deep-equals p for both formats.
// Keys come out in the SPEC's order. YAML is written for both readers: any string that a 1.2
// reader (ours: `0o17` is an int) or a 1.1 reader (dates, `yes`, `on`) would take for something
// else is quoted, so every reader gives back the same string.
import { stringify } from 'yaml';
import type { Plan } from '../model/plan';
import type { PlanFormat } from './parse';

export function exportPlan(plan: Plan, format: PlanFormat): string {
  const clean = withoutUndefined(plan);
  if (format === 'json') return `${JSON.stringify(clean, null, 2)}\n`;
  return stringify(clean, { compat: 'yaml-1.1', lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
}

/** Drops undefined fields (JSON omits them; YAML would write `null`, which reads back differently). */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = withoutUndefined(v);
    return out;
  }
  return value;
}
