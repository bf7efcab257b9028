// The admin page's current settings: what was saved, or the SPEC §6 defaults with no version.
import { z } from 'zod';
import { readTrackerSettings } from './tracker-settings';
import type { UseCase } from './use-case';

export const getSettings: UseCase<'getSettings'> = {
  input: z.strictObject({}),
  run: (ctx) => readTrackerSettings(ctx.store),
};
