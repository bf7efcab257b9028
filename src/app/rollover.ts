// Starting the next quarter (SPEC §10): the preview lists what rolling over may carry (KPI KRs
// always, every other KR when chosen) with the start and target each copy would get, and the
// rollover carries the chosen ones with targets the admin may have changed. Both run the core's
// rollover, so the preview shows exactly what the write will do; the write is one batch.
import { z } from 'zod';
import { previewRollover as previewPlanRollover, rolloverPlan, type RolloverOptions } from '../core';
import { InvalidInputError, type Problem } from '../core/model/errors';
import type { KeyResult, Plan } from '../core/model/plan';
import { validatePlan } from '../core/plan/parse';
import type { RolloverCandidate, RolloverInput, RolloverPreview } from './close-types';
import { loadPlan } from './load-plan';
import { admin } from './permissions';
import type { UseCase } from './use-case';
import { finite, id, isoDate } from './validate';
import { planChangeOps } from './write-plan-change';

const rolloverInput = { from: id, to: id, start: isoDate.optional(), end: isoDate.optional() };

export const previewRollover: UseCase<'previewRollover'> = {
  input: z.strictObject(rolloverInput),
  requires: admin,

  async run(ctx, input) {
    const { plan } = await loadPlan(ctx.store);
    // Every KR of the period as if chosen: the preview shows each with the numbers it would start with.
    const preview = previewPlanRollover(plan, options(input, keyResultsOf(plan, input.from).map((k) => k.id)));
    const titles = new Map(plan.objectives.map((o) => [o.id, o.title]));
    const candidates: RolloverCandidate[] = preview.objectives.flatMap((o) =>
      o.keyResults.map((k) => ({
        kr: k.from,
        title: k.keyResult.title,
        objective: o.from,
        objectiveTitle: titles.get(o.from) ?? o.from,
        type: k.keyResult.type,
        always: k.reason === 'kpi',
        progress: k.finalProgress,
        score: k.score,
        newId: k.keyResult.id,
        ...(k.keyResult.type === 'outcome' ? outcomeNumbers(k.keyResult) : {}),
      })),
    );
    const { period } = preview;
    return { from: input.from, to: input.to, period: { id: period.id, start: period.start, end: period.end, created: preview.addsPeriod }, candidates } satisfies RolloverPreview;
  },
};

export const rolloverPeriod: UseCase<'rolloverPeriod'> = {
  input: z.strictObject({
    ...rolloverInput,
    keyResults: z.array(id).max(2000),
    targets: z.record(id, finite).optional(),
  }),
  requires: admin,

  async run(ctx, input) {
    const loaded = await loadPlan(ctx.store);
    const targets = input.targets ?? {};
    const preview = previewPlanRollover(loaded.plan, { ...options(input, input.keyResults), targets });
    refuseStrayTargets(preview.objectives.flatMap((o) => o.keyResults.map((k) => ({ from: k.from, type: k.keyResult.type }))), targets);
    const after = rolloverPlan(loaded.plan, { ...options(input, input.keyResults), targets });
    // The result is checked as a whole, as an import would be: a target equal to its start, say.
    validatePlan(after);
    await ctx.store.batch(planChangeOps(loaded, after).ops);
    return { period: input.to, objectives: preview.objectives.length, keyResults: preview.objectives.reduce((n, o) => n + o.keyResults.length, 0) };
  },
};

function options(input: RolloverInput, keyResults: string[]): RolloverOptions {
  return {
    from: input.from,
    to: input.to,
    ...(input.start !== undefined ? { start: input.start } : {}),
    ...(input.end !== undefined ? { end: input.end } : {}),
    keyResults,
  };
}

function keyResultsOf(plan: Plan, periodId: string): KeyResult[] {
  return plan.objectives.filter((o) => o.period === periodId).flatMap((o) => o.keyResults);
}

function outcomeNumbers(kr: Extract<KeyResult, { type: 'outcome' }>): Pick<RolloverCandidate, 'start' | 'target' | 'unit'> {
  return { ...(kr.start !== undefined ? { start: kr.start } : {}), ...(kr.target !== undefined ? { target: kr.target } : {}), ...(kr.unit !== undefined ? { unit: kr.unit } : {}) };
}

/** A target the rollover would silently drop is refused instead: it names a KR not carried, or an effort KR. */
function refuseStrayTargets(carried: readonly { from: string; type: KeyResult['type'] }[], targets: Record<string, number>): void {
  const byId = new Map(carried.map((c) => [c.from, c.type]));
  const problems: Problem[] = Object.keys(targets).flatMap((kr) => {
    const type = byId.get(kr);
    if (type === undefined) return [{ path: `targets.${kr}`, message: `${kr} is not carried in this rollover` }];
    if (type === 'effort') return [{ path: `targets.${kr}`, message: `${kr} is an effort KR: its target is its linked work` }];
    return [];
  });
  if (problems.length) throw new InvalidInputError(problems, 'nothing was rolled over');
}
