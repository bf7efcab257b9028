// The monthly review (SPEC §11) for the Review page of every host: the core's review of the plan
// as the viewer may see it (effort scopes read live, as that viewer), with its Markdown, so the
// page's "Copy as Markdown" is the very text `okr review` prints.
import { z } from 'zod';
import { InvalidInputError } from '../core/model/errors';
import { treeOrder } from '../core/model/team-tree';
import { reviewMarkdown } from '../core/review/markdown';
import { review } from '../core/review/review';
import { observed } from './evaluate-objectives';
import { evaluateLive } from './live-scope';
import { loadPlan } from './load-plan';
import { viewer } from './permissions';
import type { UseCase } from './use-case';
import { id, isoDate } from './validate';

export const getReview: UseCase<'getReview'> = {
  input: z.strictObject({ at: isoDate.optional(), team: id.optional(), period: id.optional() }),
  requires: viewer,

  async run(ctx, { at, team, period }) {
    const day = at ?? ctx.today();
    const { plan } = await loadPlan(ctx.store);
    // The filters are checked against the plan so a stale link says what is wrong rather than
    // showing an empty review that looks like "nothing to discuss".
    const problems = [
      ...(team !== undefined && !plan.teams.some((t) => t.id === team) ? [{ path: 'team', message: `no team "${team}" in the plan; choose one of the plan's teams` }] : []),
      ...(period !== undefined && !plan.periods.some((p) => p.id === period) ? [{ path: 'period', message: `no period "${period}" in the plan; choose one of the plan's periods` }] : []),
    ];
    if (problems.length > 0) throw new InvalidInputError(problems);
    const evaluation = await evaluateLive(ctx.source, plan, day);
    if (day === ctx.today()) await ctx.history.record(observed(evaluation), day);
    const r = review(evaluation.plan, evaluation.report, { ...(team !== undefined ? { team } : {}), ...(period !== undefined ? { period } : {}) });
    return {
      ...r,
      markdown: reviewMarkdown(r),
      teams: treeOrder(plan.teams).map((t) => ({ id: t.id, name: t.name, ...(t.parent !== undefined ? { parent: t.parent } : {}) })),
      periods: plan.periods.map(({ id: pid, start, end }) => ({ id: pid, start, end })),
    };
  },
};
