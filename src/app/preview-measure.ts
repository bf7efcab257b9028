// "Matches 23 issues now": runs a measure the form is editing, as the viewer, and answers the
// count or the tracker's error in its own words. Nothing is recorded or logged.
import { z } from 'zod';
import { measureTracker, noValueText } from '../core/model/measure';
import { measureSchema } from '../core/plan/measure-schema';
import type { MeasurePreview } from './api';
import { viewer } from './permissions';
import type { UseCase } from './use-case';
import { trackerWords } from './measure/tracker-words';

export const previewMeasure: UseCase<'previewMeasure'> = {
  input: z.strictObject({ measure: measureSchema }),
  requires: viewer,

  async run(ctx, { measure }): Promise<MeasurePreview> {
    const tracker = measureTracker(measure);
    const runner = ctx.measures[tracker];
    if (!runner) return { ok: false, error: `this host cannot run ${tracker === 'jira' ? 'JQL (Jira)' : 'WIQL (Azure DevOps)'} queries` };
    try {
      const r = await runner.run(measure);
      return {
        ok: true,
        matched: r.matched,
        ...(r.denominator !== undefined ? { denominator: r.denominator } : {}),
        ...(r.value !== undefined ? { value: r.value } : {}),
        ...(r.noValue !== undefined ? { noValue: noValueText(r.noValue) } : {}),
        url: r.queryUrl,
        requests: r.requests,
      };
    } catch (e) {
      return { ok: false, error: trackerWords(e) };
    }
  },
};
