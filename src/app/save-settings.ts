// Saves the admin's tracker settings with optimistic concurrency (two admins editing at once: the
// second gets a conflict, not a silent overwrite). A story point field must be a field id and,
// where the host lists the site's fields, one of its number fields.
import { z } from 'zod';
import { InvalidInputError, type Problem } from '../core/model/errors';
import type { TrackerSettings } from './api';
import { estimateFields, TRACKER_SETTINGS, TRACKER_SETTINGS_ID } from './tracker-settings';
import type { UseCase } from './use-case';

const fieldId = z.string().regex(/^[A-Za-z0-9_.-]+$/, 'expected a field id such as customfield_10016');
const resolution = z.string().trim().min(1, 'must not be empty').max(255, 'at most 255 characters');

export const saveSettings: UseCase<'saveSettings'> = {
  input: z.strictObject({
    settings: z.strictObject({
      storyPointFields: z.array(fieldId).max(5, 'at most 5 fields'),
      cancelledResolutions: z.array(resolution).max(50, 'at most 50 resolutions'),
    }),
    expected: z.string().min(1, 'must not be empty').nullable(),
  }),

  async run(ctx, { settings, expected }) {
    const problems: Problem[] = [];
    const seenFields = new Set<string>();
    settings.storyPointFields.forEach((id, i) => {
      if (seenFields.has(id)) problems.push({ path: `settings.storyPointFields[${i}]`, message: `${id} is listed twice` });
      seenFields.add(id);
    });
    if (ctx.fields && settings.storyPointFields.length > 0) {
      const known = new Map(estimateFields(await ctx.fields()).map((f) => [f.id, f]));
      settings.storyPointFields.forEach((id, i) => {
        if (!known.has(id)) problems.push({ path: `settings.storyPointFields[${i}]`, message: `${id} is not a number field of this site` });
      });
    }
    const seenResolutions = new Set<string>();
    settings.cancelledResolutions.forEach((name, i) => {
      const key = name.toLowerCase();
      if (seenResolutions.has(key)) problems.push({ path: `settings.cancelledResolutions[${i}]`, message: `"${name}" is listed twice` });
      seenResolutions.add(key);
    });
    if (problems.length > 0) throw new InvalidInputError(problems);
    const value: TrackerSettings = { storyPointFields: [...settings.storyPointFields], cancelledResolutions: [...settings.cancelledResolutions] };
    const saved = await ctx.store.put(TRACKER_SETTINGS, TRACKER_SETTINGS_ID, value, { expected });
    return { settings: saved.value, version: saved.version };
  },
};
