// The work item fast path (plan/work-item-fast-path.ts) must accept exactly what the zod schema
// accepts: otherwise a large plan and a small one would be judged by different rules (SPEC §1).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatePlan } from '../../src/core';
import { isValidWorkItem } from '../../src/core/plan/work-item-fast-path';
import { workItemSchema } from '../../src/core/plan/schema';

const refLike = fc.oneof(
  fc.constantFrom('jira:CS-1', 'ado:42', 'jira:A_B2-10', 'jira:cs-1', 'ado:0', 'ado:-3', 'jira:CS-01', 'github:1', 'ado:42 ', ''),
  fc.string(),
  fc.integer(),
);
const anyValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.integer(), { maxLength: 2 }), fc.object({ maxDepth: 1 }));
const candidate = fc.record(
  {
    ref: fc.oneof(refLike, anyValue),
    title: fc.oneof(fc.string(), anyValue),
    type: fc.oneof(fc.string(), anyValue),
    status: fc.oneof(fc.constantFrom('todo', 'in-progress', 'done', 'cancelled', 'Done', 'closed'), anyValue),
    estimate: fc.oneof(fc.double({ noNaN: false }), fc.integer({ min: -3, max: 20 }), fc.constant(Infinity), anyValue),
    parent: fc.oneof(refLike, anyValue),
    tagret: anyValue,
  },
  { requiredKeys: [] },
);

/** A valid item with one field set to a near-miss or a stray value: where the two could disagree. */
const nearlyValid = fc
  .tuple(
    fc.record({ ref: fc.constantFrom('jira:CS-1', 'ado:7'), status: fc.constantFrom('todo', 'done') }, { requiredKeys: ['ref', 'status'] }),
    fc.constantFrom('ref', 'title', 'type', 'status', 'estimate', 'parent', 'extra'),
    fc.oneof(fc.constantFrom(-1, -0.5, -0, 0, 0.5, 1e308, 'jira:CS-2', 'ado:1', 'ado:01', 'jira:1-1', 'in-progress', 'cancelled', ''), anyValue),
  )
  .map(([item, key, value]) => ({ ...item, [key]: value }));

describe('SPEC §1 work items: fast path ≡ schema', () => {
  it('accepts exactly what the zod schema accepts', () => {
    fc.assert(
      fc.property(fc.oneof(candidate, nearlyValid, anyValue), (value) => {
        expect(isValidWorkItem(value)).toBe(workItemSchema.safeParse(value).success);
      }),
      { numRuns: 5000 },
    );
  });

  it('a plan whose items all pass still reports every problem with its path when one fails', () => {
    const items = Array.from({ length: 50 }, (_, i) => ({ ref: `ado:${i + 1}`, status: 'todo' }));
    items[37] = { ref: 'ado:38', status: 'finished' };
    expect(() => validatePlan({ okr: 1, workItems: items })).toThrow(/workItems\[37\]\.status/);
  });

  it('the plan does not alias the caller’s work item objects', () => {
    const input = { okr: 1, workItems: [{ ref: 'ado:1', status: 'todo' as const }] };
    const plan = validatePlan(input);
    input.workItems[0]!.status = 'done' as never;
    expect(plan.workItems[0]?.status).toBe('todo');
  });
});
