// SPEC §9 as a property: for any plan, closing a period and then evaluating at any later date gives
// the same numbers for that period, whatever happens afterwards to its check-ins, KPI readings and
// work items; and those numbers are the period's evaluation as of the close (or its end).
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, it } from 'vitest';
import { closePeriod, dayNumber, evaluate, exportPlan, fromDayNumber, parsePlanText, PeriodRefusedError, rolloverPlan, validatePlan, WORK_ITEM_STATUSES, type IsoDate, type Plan, type Report } from '../../src/core';
import { pick, planInput } from './arbitraries';

/** What a closed period's KRs and objectives show. */
function frozenNumbers(report: Report, period: string) {
  const objectives = report.objectives.filter((o) => o.period === period);
  const ids = new Set(objectives.flatMap((o) => o.keyResults));
  return {
    objectives: objectives.map((o) => [o.id, o.progress, o.score, o.status]),
    keyResults: report.keyResults
      .filter((k) => ids.has(k.id))
      .map((k) => [k.id, k.progress, k.score, k.status, k.type === 'outcome' ? k.current : k.units]),
  };
}

/** Whatever may happen after a close: work items change status, check-ins and readings arrive, dated anywhere. */
function afterwards(plan: Plan, g: fc.GeneratorValue): Plan {
  const someDay = () => fromDayNumber(pick(g, fc.integer({ min: dayNumber('1990-01-01') as number, max: dayNumber('2061-12-31') as number })));
  const value = () => pick(g, fc.integer({ min: -1000, max: 1000 }));
  return validatePlan({
    ...plan,
    workItems: plan.workItems.map((w) => (pick(g, fc.boolean()) ? { ...w, status: pick(g, fc.constantFrom(...WORK_ITEM_STATUSES)) } : w)),
    kpis: plan.kpis.map((k) => ({ ...k, readings: [...(k.readings ?? []), ...Array.from({ length: pick(g, fc.nat(2)) }, () => ({ at: someDay(), value: value() }))] })),
    objectives: plan.objectives.map((o) => ({
      ...o,
      keyResults: o.keyResults.map((kr) =>
        kr.type === 'outcome' && kr.kpiRef === undefined ? { ...kr, checkIns: [...(kr.checkIns ?? []), ...Array.from({ length: pick(g, fc.nat(2)) }, () => ({ at: someDay(), value: value() }))] } : kr,
      ),
    })),
  });
}

describe('property, SPEC §9: a closed period does not move', () => {
  it('closing then evaluating at any later date gives the same numbers, whatever happens afterwards', () => {
    fc.assert(
      fc.property(
        fc.gen().map((g) => {
          const plan = validatePlan(planInput(g));
          const period = plan.periods[0] as Plan['periods'][number];
          const start = dayNumber(period.start) as number;
          const closeAt = fromDayNumber(pick(g, fc.integer({ min: start, max: (dayNumber(period.end) as number) + 60 })));
          const closed = closePeriod(plan, period.id, closeAt);
          const later = (): IsoDate => fromDayNumber((dayNumber(closeAt) as number) + pick(g, fc.integer({ min: 0, max: 800 })));
          return { plan, period, closeAt, closed, changed: afterwards(closed, g), at1: later(), at2: later() };
        }),
        ({ plan, period, closeAt, closed, changed, at1, at2 }) => {
          const asOf = closeAt < period.end ? closeAt : period.end;
          const live = frozenNumbers(evaluate(plan, asOf), period.id);
          const first = frozenNumbers(evaluate(closed, at1), period.id);
          const second = frozenNumbers(evaluate(changed, at2), period.id);
          // The same numbers at any later date, whatever happened...
          if (!isDeepStrictEqual(first, second)) return false;
          // ...and they are the evaluation as of the close: same progress and values, status
          // `done` or `closed`, score = progress without a grade.
          return first.keyResults.every((k, i) => {
            const [id, progress, score, status, value] = k;
            const [liveId, liveProgress, , , liveValue] = live.keyResults[i] ?? [];
            return id === liveId && progress === liveProgress && score === progress && status === ((progress as number) >= 1 ? 'done' : 'closed') && isDeepStrictEqual(value, liveValue);
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('property, SPEC §1 with §9–§10: closed and rolled-over plans stay valid and round-trip', () => {
  it('close then rollover gives a valid plan that exports and reads back the same, YAML and JSON', () => {
    fc.assert(
      fc.property(
        fc.gen().map((g) => {
          const plan = validatePlan(planInput(g, { awkward: pick(g, fc.boolean()) }));
          const period = plan.periods[0] as Plan['periods'][number];
          const closeAt = fromDayNumber((dayNumber(period.start) as number) + pick(g, fc.integer({ min: 0, max: 200 })));
          const next = (dayNumber(period.end) as number) + 1;
          return { plan, period, closeAt, start: fromDayNumber(next), end: fromDayNumber(next + pick(g, fc.integer({ min: 0, max: 120 }))), unfinished: pick(g, fc.boolean()) };
        }),
        ({ plan, period, closeAt, start, end, unfinished }) => {
          const closed = closePeriod(plan, period.id, closeAt);
          let rolled: Plan;
          try {
            rolled = rolloverPlan(closed, { from: period.id, to: `${period.id}+next`, start, end, unfinished });
          } catch (e) {
            // Generated ids may already hold a carried copy's id: that refusal is the rule, not a failure.
            if (e instanceof PeriodRefusedError && e.reason === 'id-taken') return true;
            throw e;
          }
          return [closed, rolled].every((p) => (['yaml', 'json'] as const).every((f) => isDeepStrictEqual(parsePlanText(exportPlan(p, f), f), p)));
        },
      ),
      { numRuns: 100 },
    );
  });
});
