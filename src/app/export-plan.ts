// Exports the stored plan as a plan file. Lossless: importing the text gives back this plan.
// Work items are the plan's stored snapshot, not a live read, so that the round trip holds
// whatever the trackers say today.
import { z } from 'zod';
import { exportPlan as planText } from '../core/plan/export';
import { loadPlan } from './load-plan';
import type { UseCase } from './use-case';

export const exportPlan: UseCase<'exportPlan'> = {
  input: z.strictObject({ format: z.enum(['yaml', 'json'], { error: 'expected "yaml" or "json"' }) }),

  async run(ctx, { format }) {
    const { plan } = await loadPlan(ctx.store);
    return { text: planText(plan, format), plan };
  },
};
