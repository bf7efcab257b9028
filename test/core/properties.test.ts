// Properties of the core that must hold for every plan, checked on generated ones (fast-check).
// Equality inside a property is isDeepStrictEqual, not expect().toEqual: vitest formats a diff of
// the whole report on every failed attempt, which makes shrinking a counterexample take minutes.
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  evaluate,
  exportPlan,
  indexWorkItems,
  parsePlanText,
  rollupEffort,
  validatePlan,
  type EffortKeyResultReport,
  type KeyResultReport,
  type Plan,
  type WorkItem,
} from '../../src/core';
import { evaluationDay, forest, linksInto, pick, planInputs, shuffle } from './arbitraries';

const RUNS = { numRuns: 200 };

const within01 = (x: number) => Number.isFinite(x) && x >= 0 && x <= 1 && !Object.is(x, -0);

/** Everything about an effort KR that comes from its scope (its `links` echo is the input itself). */
const scopeOf = (kr: KeyResultReport) => {
  const { links: _links, ...rest } = kr;
  return rest;
};

describe('property, SPEC §2: progress is always within [0, 1]', () => {
  it('effort rollup of any forest and any links, both weightings', () => {
    fc.assert(
      fc.property(
        fc.gen().map((g) => {
          const items = forest(g, { maxItems: 40 });
          return { items, links: linksInto(g, items), weighting: pick(g, fc.constantFrom('count', 'estimate')) };
        }),
        ({ items, links, weighting }) => {
          const r = rollupEffort({ links, weighting }, indexWorkItems(items));
          expect(within01(r.progress)).toBe(true);
          expect(r.units.done).toBeLessThanOrEqual(r.units.total);
          expect(r.detail.doneWeight).toBeLessThanOrEqual(r.detail.totalWeight);
          expect(r.detail.units).toHaveLength(r.units.total);
          // Each unit once.
          expect(new Set(r.detail.units.map((u) => u.ref)).size).toBe(r.units.total);
        },
      ),
      RUNS,
    );
  });

  it('every KR and objective of any plan at any date: progress and expected in [0, 1], a known status', () => {
    fc.assert(
      fc.property(planInputs(), evaluationDay, (input, at) => {
        const report = evaluate(validatePlan(input), at);
        for (const x of [...report.keyResults, ...report.objectives]) {
          expect(within01(x.progress), `${x.id} progress ${x.progress}`).toBe(true);
          expect(within01(x.expected), `${x.id} expected ${x.expected}`).toBe(true);
          expect(['not-started', 'on-track', 'at-risk', 'off-track', 'done']).toContain(x.status);
        }
        for (const k of report.kpis) expect(['healthy', 'warning', 'breached', 'no-data', 'no-target']).toContain(k.health);
      }),
      RUNS,
    );
  });
});

describe('property, SPEC §2 rule 1: linking the same item twice, or an item and its descendants, never changes a KR', () => {
  it('for any forest and links', () => {
    fc.assert(
      fc.property(
        fc.gen().map((g) => {
          const items = forest(g, { maxItems: 40 });
          const links = linksInto(g, items);
          const byRef = new Map(items.map((w) => [w.ref, w]));
          // Extra links: some links again, and descendants of linked items (reached by walking down).
          const descendants = items.filter((w) => {
            for (let p = w.parent; p !== undefined; p = byRef.get(p)?.parent) if (links.includes(p)) return true;
            return false;
          });
          const extra = [...(links.length ? pick(g, fc.subarray(links)) : []), ...(descendants.length ? pick(g, fc.subarray(descendants.map((w) => w.ref))) : [])];
          return { items, links, more: shuffle([...links, ...extra], pick(g, fc.integer())), weighting: pick(g, fc.constantFrom('count', 'estimate')) };
        }),
        ({ items, links, more, weighting }) => {
          const index = indexWorkItems(items);
          return isDeepStrictEqual(rollupEffort({ links: more, weighting }, index), rollupEffort({ links, weighting }, index));
        },
      ),
      RUNS,
    );
  });

  it('through evaluate: the KR report differs only in the links it echoes', () => {
    fc.assert(
      fc.property(planInputs(), evaluationDay, fc.integer(), (input, at, seed) => {
        const plan = validatePlan(input);
        const byRef = new Map(plan.workItems.map((w) => [w.ref, w]));
        const childrenOf = (ref: string) => plan.workItems.filter((w) => w.parent === ref).map((w) => w.ref);
        const doubled: Plan = {
          ...plan,
          objectives: plan.objectives.map((o) => ({
            ...o,
            keyResults: o.keyResults.map((kr) => ({
              ...kr,
              links: shuffle([...(kr.links ?? []), ...(kr.links ?? []), ...(kr.links ?? []).filter((l) => byRef.has(l)).flatMap(childrenOf)], seed),
            })),
          })),
        };
        const a = evaluate(plan, at);
        const b = evaluate(validatePlan(doubled), at);
        const effort = (r: typeof a) => r.keyResults.filter((k): k is EffortKeyResultReport => k.type === 'effort').map(scopeOf);
        const doubleCounted = (r: typeof a) => r.lints.filter((l) => l.code === 'double-counted-work');
        return isDeepStrictEqual(effort(b), effort(a)) && isDeepStrictEqual(b.objectives, a.objectives) && isDeepStrictEqual(doubleCounted(b), doubleCounted(a));
      }),
      RUNS,
    );
  });
});

describe('property, SPEC §2: the order of work items, links, check-ins and readings never changes the report', () => {
  it('deep equal after shuffling (check-in and reading dates distinct)', () => {
    fc.assert(
      fc.property(planInputs(), evaluationDay, fc.integer(), (input, at, seed) => {
        const plan = validatePlan(input);
        let n = seed;
        const mix = <T>(xs: readonly T[] | undefined): T[] | undefined => (xs === undefined ? undefined : shuffle(xs, n++));
        const shuffled: Plan = {
          ...plan,
          workItems: mix(plan.workItems) as WorkItem[],
          kpis: plan.kpis.map((k) => (k.readings ? { ...k, readings: mix(k.readings) } : k)),
          objectives: plan.objectives.map((o) => ({
            ...o,
            keyResults: o.keyResults.map((kr) => {
              const links = kr.links ? { links: mix(kr.links) } : {};
              return kr.type === 'outcome' && kr.checkIns ? { ...kr, ...links, checkIns: mix(kr.checkIns) } : { ...kr, ...links };
            }),
          })),
        };
        return isDeepStrictEqual(evaluate(validatePlan(shuffled), at), evaluate(plan, at));
      }),
      RUNS,
    );
  });
});

describe('property, SPEC §1: export → parse round-trips, YAML and JSON', () => {
  it('any valid plan, with awkward strings, numbers and dates', () => {
    fc.assert(
      fc.property(planInputs({ awkward: true, maxItems: 8 }), (input) => {
        const plan = validatePlan(input);
        return (['yaml', 'json'] as const).every((format) => {
          const text = exportPlan(plan, format);
          return (
            isDeepStrictEqual(parsePlanText(text, format), plan) &&
            isDeepStrictEqual(parsePlanText(text), plan) && // format sniffed
            exportPlan(parsePlanText(text, format), format) === text // stable: a second round gives the same text
          );
        });
      }),
      RUNS,
    );
  });

  it('YAML exported plans read the same as YAML 1.1 (where unquoted dates and yes/no would change type)', () => {
    fc.assert(
      fc.property(planInputs({ awkward: true, maxItems: 4 }), (input) => {
        const plan = validatePlan(input);
        return isDeepStrictEqual(parsePlanText(`%YAML 1.1\n---\n${exportPlan(plan, 'yaml')}`, 'yaml'), plan);
      }),
      { numRuns: 100 },
    );
  });
});
