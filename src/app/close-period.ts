// Closing a period (SPEC §9): the review before it (each KR's score as it will be frozen, and
// which numbers may be stale), the close itself with the grades set during the review, and the
// reopen that undoes it. Both writes are admin actions and one batch each (write-plan-change.ts).
//
// The frozen numbers are the closing admin's evaluation, read live as that admin: links they may
// not see count for nothing, exactly as the board shows it to them at that moment.
import { z } from 'zod';
import { closePeriod as closePlanPeriod, reopenPeriod as reopenPlanPeriod } from '../core';
import { daysOf, fromDayNumber, type IsoDate } from '../core/model/dates';
import { InvalidInputError, NotFoundError, type Problem } from '../core/model/errors';
import type { Period, Plan } from '../core/model/plan';
import type { KeyResultReport } from '../core/report/types';
import type { ClosePreview, CloseReviewKeyResult, GradeInput } from './close-types';
import { evaluateLive } from './live-scope';
import { loadPlan } from './load-plan';
import { admin } from './permissions';
import type { UseCase } from './use-case';
import { planChangeOps } from './write-plan-change';
import { id, isoDate } from './validate';

/** An outcome KR whose latest value is older than this, before the frozen date, gets a warning. */
export const STALE_AFTER_DAYS = 7;

export const gradeSchema = z.strictObject({
  kr: id,
  grade: z.number().min(0, 'a grade is a score from 0 to 1').max(1, 'a grade is a score from 0 to 1').nullable().optional(),
  reflection: z.string().max(4000, 'keep a reflection under 4000 characters').nullable().optional(),
});

export const previewClose: UseCase<'previewClose'> = {
  input: z.strictObject({ period: id, at: isoDate.optional() }),
  requires: admin,

  async run(ctx, input) {
    const { plan } = await loadPlan(ctx.store);
    const period = requirePeriod(plan, input.period);
    const asOf = frozenAt(period, input.at ?? ctx.today());
    const ofPeriod = onlyPeriod(plan, period.id);
    const { report } = await evaluateLive(ctx.source, ofPeriod, asOf);
    const krs = new Map(report.keyResults.map((k) => [k.id, k]));
    const keyResults: CloseReviewKeyResult[] = ofPeriod.objectives.flatMap((o) =>
      o.keyResults.flatMap((def) => {
        const kr = krs.get(def.id);
        if (!kr) return [];
        const warning = staleWarning(kr, asOf);
        return [
          {
            id: kr.id,
            title: kr.title,
            objective: o.id,
            objectiveTitle: o.title,
            type: kr.type,
            ...(kr.owner !== undefined ? { owner: kr.owner } : {}),
            score: kr.progress,
            ...(kr.type === 'outcome' ? { current: kr.current, ...(kr.unit !== undefined ? { unit: kr.unit } : {}) } : { units: kr.units }),
            ...(def.grade !== undefined ? { grade: def.grade } : {}),
            ...(def.reflection !== undefined ? { reflection: def.reflection } : {}),
            ...(warning ? { warning } : {}),
          },
        ];
      }),
    );
    return { period, asOf, keyResults } satisfies ClosePreview;
  },
};

export const closePeriod: UseCase<'closePeriod'> = {
  input: z.strictObject({ period: id, at: isoDate.optional(), grades: z.array(gradeSchema).max(2000).optional() }),
  requires: admin,

  async run(ctx, input) {
    const today = ctx.today();
    const at = input.at ?? today;
    if (at > today) throw new InvalidInputError([{ path: 'at', message: `a period cannot be closed after today (${today})` }]);
    const loaded = await loadPlan(ctx.store);
    const period = requirePeriod(loaded.plan, input.period);
    // The frozen numbers are evaluated with the work items read live now (SPEC §9: as of the
    // earlier of the close date and the period's end).
    const { plan: live } = await evaluateLive(ctx.source, onlyPeriod(loaded.plan, period.id), frozenAt(period, at));
    const closedPart = closePlanPeriod({ ...loaded.plan, objectives: live.objectives, workItems: live.workItems }, period.id, at);
    const graded = withGrades(closedPart, period.id, input.grades ?? []);
    const after: Plan = { ...loaded.plan, periods: graded.periods, objectives: mergeObjectives(loaded.plan, graded) };
    const change = planChangeOps(loaded, after);
    await ctx.store.batch(change.ops);
    const count = graded.objectives.filter((o) => o.period === period.id).reduce((n, o) => n + o.keyResults.length, 0);
    return { period: period.id, closed: at, keyResults: count };
  },
};

export const reopenPeriod: UseCase<'reopenPeriod'> = {
  input: z.strictObject({ period: id }),
  requires: admin,

  async run(ctx, input) {
    const loaded = await loadPlan(ctx.store);
    requirePeriod(loaded.plan, input.period);
    const after = reopenPlanPeriod(loaded.plan, input.period);
    await ctx.store.batch(planChangeOps(loaded, after).ops);
    return { period: input.period };
  },
};

export function requirePeriod(plan: Plan, periodId: string): Period {
  const period = plan.periods.find((p) => p.id === periodId);
  if (!period) throw new NotFoundError('period', periodId);
  return period;
}

/** SPEC §9: a KR's final is its evaluation as of the earlier of the close date and the period's end. */
export function frozenAt(period: Period, at: IsoDate): IsoDate {
  return at < period.end ? at : period.end;
}

/** The plan with only this period's objectives (what closing it evaluates and changes). */
function onlyPeriod(plan: Plan, periodId: string): Plan {
  return { ...plan, objectives: plan.objectives.filter((o) => o.period === periodId) };
}

/** The stored objectives, those of the closed period replaced by their closed versions. */
function mergeObjectives(plan: Plan, closed: Plan): Plan['objectives'] {
  const byId = new Map(closed.objectives.map((o) => [o.id, o]));
  return plan.objectives.map((o) => {
    const c = byId.get(o.id);
    if (!c) return o;
    // Links and check-ins stay as stored: the live plan holds only those this admin may see.
    return { ...o, ...c, keyResults: o.keyResults.map((kr) => ({ ...kr, ...finalOf(c, kr.id) })) };
  });
}

function finalOf(objective: Plan['objectives'][number], kr: string) {
  const closed = objective.keyResults.find((k) => k.id === kr);
  if (!closed) return {};
  return {
    ...(closed.final !== undefined ? { final: closed.final } : {}),
    ...(closed.grade !== undefined ? { grade: closed.grade } : {}),
    ...(closed.reflection !== undefined ? { reflection: closed.reflection } : {}),
  };
}

/** Sets each grade and reflection given during the review; a KR outside the period is refused. */
export function withGrades(plan: Plan, periodId: string, grades: readonly GradeInput[]): Plan {
  if (grades.length === 0) return plan;
  const byKr = new Map(grades.map((g) => [g.kr, g]));
  const found = new Set<string>();
  const objectives = plan.objectives.map((o) =>
    o.period !== periodId
      ? o
      : {
          ...o,
          keyResults: o.keyResults.map((kr) => {
            const g = byKr.get(kr.id);
            if (!g) return kr;
            found.add(kr.id);
            return applyGrade(kr, g);
          }),
        },
  );
  const problems: Problem[] = grades.flatMap((g, i) => (found.has(g.kr) ? [] : [{ path: `grades[${i}].kr`, message: `${g.kr} is not a key result of period ${periodId}` }]));
  if (problems.length) throw new InvalidInputError(problems, 'nothing was closed');
  return { ...plan, objectives };
}

/** The KR with the grade and reflection set (`null` or an empty reflection clears; absent keeps). */
export function applyGrade<T extends { grade?: number; reflection?: string }>(kr: T, g: GradeInput): T {
  const { grade: _g, reflection: _r, ...rest } = kr;
  const grade = g.grade === undefined ? kr.grade : (g.grade ?? undefined);
  const text = g.reflection === undefined ? kr.reflection : g.reflection?.trim() || undefined;
  return { ...rest, ...(grade !== undefined ? { grade } : {}), ...(text !== undefined ? { reflection: text } : {}) } as T;
}

/** Why a KR's number may be out of date when it is frozen: outcome KRs only (effort KRs read their work live). */
export function staleWarning(kr: KeyResultReport, asOf: IsoDate): string | undefined {
  if (kr.type !== 'outcome') return undefined;
  if (kr.currentFrom === 'start' || kr.currentAt === undefined) return `${kr.id} has no value yet: it would close at its start`;
  if (kr.currentAt < fromDayNumber(daysOf(asOf) - STALE_AFTER_DAYS)) return `${kr.id}'s latest value is from ${kr.currentAt}, more than ${STALE_AFTER_DAYS} days before ${asOf}`;
  return undefined;
}
