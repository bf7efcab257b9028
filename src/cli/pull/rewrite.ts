// The plan file's new text: the old text with only its work items changed, checked by reading it
// back. Whatever route produced it, the result must parse to exactly the intended plan (the old
// plan with the merged work items); if the careful route cannot guarantee that, the next one is
// tried, ending with the core's lossless export, which keeps every value but not the comments.
import { exportPlan, validatePlan, type Plan, type PlanFormat } from '../../core';
import { mergedItems, orderedItem, type Merge } from './merge';
import { rewriteThroughDocument, spliceWorkItems } from './yaml-rewrite';
import { readsAs } from './reads-as';

export type Fidelity =
  /** Only the work items' lines changed. */
  | 'exact'
  /** Comments kept; the yaml library re-rendered the spacing. */
  | 'comments'
  /** Written by the core's export: same values, comments lost. */
  | 'values';

export interface Rewrite {
  text: string;
  plan: Plan;
  fidelity: Fidelity;
}

export function rewritePlanText(text: string, format: PlanFormat, plan: Plan, merge: Merge): Rewrite {
  // Validated like any input: a snapshot that broke the plan must never be written.
  const intended = validatePlan({ ...plan, workItems: mergedItems(merge).map(orderedItem) });
  const attempts: [Fidelity, () => string | undefined][] =
    format === 'json'
      ? [['exact', () => rewriteJson(text, intended)]]
      : [
          ['exact', () => spliceWorkItems(text, merge)],
          ['comments', () => rewriteThroughDocument(text, merge)],
        ];
  for (const [fidelity, attempt] of attempts) {
    const out = attempt();
    if (out !== undefined && readsAs(out, format, intended)) return { text: out, plan: intended, fidelity };
  }
  return { text: exportPlan(intended, format), plan: intended, fidelity: 'values' };
}

/** JSON keeps its key order and indentation; only the `workItems` value is replaced. */
export function rewriteJson(text: string, plan: Plan): string | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const indent = /\n([ \t]+)\S/.exec(text)?.[1];
  const out = JSON.stringify({ ...data, workItems: plan.workItems.map(orderedItem) }, null, indent);
  return text.endsWith('\n') ? `${out}\n` : out;
}
