// SPEC §3 double-counted-work: "a unit lies in the scope of more than one KR". The lint finds
// candidate KRs by link ancestry rather than by indexing every unit; this pins it to the plain
// definition on random plans whose KRs often share epics, stories and cancelled subtrees.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { evaluate, validatePlan } from '../../src/core';
import { evaluationDay, planInputs } from './arbitraries';

describe('SPEC §3 double-counted-work ≡ its definition', () => {
  it('lists exactly the units counted by two or more effort KRs, with those KRs', () => {
    fc.assert(
      fc.property(planInputs({ maxItems: 30 }), evaluationDay, (input, at) => {
        const report = evaluate(validatePlan(input), at);
        const krsOfUnit = new Map<string, string[]>();
        for (const kr of report.keyResults) {
          if (kr.type !== 'effort') continue;
          for (const unit of kr.explanation.units) krsOfUnit.set(unit.ref, [...(krsOfUnit.get(unit.ref) ?? []), kr.id]);
        }
        const expected = [...krsOfUnit].filter(([, krs]) => krs.length > 1).map(([ref, krs]) => ({ ref, krs }));
        const actual = report.lints
          .filter((l) => l.code === 'double-counted-work')
          .map((l) => ({ ref: l.subject, krs: /\(([^)]*)\)/.exec(l.message)?.[1]?.split(', ') ?? [] }));
        // A boolean, not expect(): vitest's diff of every shrink step would exhaust memory.
        return isDeepStrictEqual(actual, expected);
      }),
      { numRuns: 1500, endOnFailure: true },
    );
  });
});
