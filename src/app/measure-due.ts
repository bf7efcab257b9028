// Measures that have not run for an hour, run as the caller: what an Azure DevOps editor's board
// does on opening (there is no back end to schedule it) and what the workbench's timer does.
// Each due measure is claimed first (measure/run-measure.ts, claimDue), so several browsers
// opening the board at once run it once between them.
import { z } from 'zod';
import type { MeasureRun } from './api';
import { editor } from './permissions';
import { claimDue, runMeasure } from './measure/run-measure';
import { measuredTargets } from './measure/targets';
import type { UseCase } from './use-case';

/** At most one run per measure an hour (issue 11): a board opened often costs the tracker little. */
export const DUE_EVERY_MS = 60 * 60 * 1000;

export const measureDue: UseCase<'measureDue'> = {
  input: z.strictObject({ trigger: z.enum(['board', 'timer']).optional() }),
  requires: editor,

  async run(ctx, input) {
    const runs: MeasureRun[] = [];
    for (const target of await measuredTargets(ctx.store)) {
      // Only measures this host can run: on Azure DevOps a JQL measure waits for Jira.
      if (!ctx.measures[target.measure.jql !== undefined ? 'jira' : 'ado']) continue;
      if (!(await claimDue(ctx.store, target.id, ctx.now(), DUE_EVERY_MS))) continue;
      runs.push(await runMeasure(ctx, target, ctx.actor.id, input.trigger ?? 'board'));
    }
    return runs;
  },
};
