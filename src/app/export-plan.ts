// Exports the stored plan as a plan file. Lossless for a viewer who may see every linked item:
// importing the text gives back this plan. Work items are the plan's stored snapshot, not a live
// read, so that the round trip holds whatever the trackers say today; but only the links and
// snapshot items the viewer may read today are in it (the snapshot was written by whoever
// imported the plan, and its titles are not everyone's to read).
import { z } from 'zod';
import { exportPlan as planText } from '../core/plan/export';
import { visiblePlan } from './live-scope';
import { loadPlan } from './load-plan';
import { viewer } from './permissions';
import type { UseCase } from './use-case';

export const exportPlan: UseCase<'exportPlan'> = {
  input: z.strictObject({ format: z.enum(['yaml', 'json'], { error: 'expected "yaml" or "json"' }) }),
  requires: viewer,

  async run(ctx, { format }) {
    const { plan: stored } = await loadPlan(ctx.store);
    const refs = new Set([...stored.objectives.flatMap((o) => o.keyResults.flatMap((k) => k.links ?? [])), ...stored.workItems.map((w) => w.ref)]);
    const missing = refs.size === 0 ? [] : (await ctx.source.getItems([...refs])).missing;
    const hidden = new Set(missing);
    // A visible item under a hidden parent keeps its place in the file, not the parent's key.
    const items = stored.workItems.filter((w) => !hidden.has(w.ref)).map(({ parent, ...w }) => (parent === undefined || hidden.has(parent) ? w : { ...w, parent }));
    const { plan: visible } = visiblePlan(stored, { items, missing });
    return { text: planText(visible, format), plan: visible };
  },
};
