// The check every plan file rewrite makes before it writes (okr pull, close, rollover, measure):
// the new text, read back by the core, must be exactly the plan intended, or that route of
// rewriting is not taken.
import { isDeepStrictEqual } from 'node:util';
import { parsePlanText, type Plan, type PlanFormat } from '../../core';

export function readsAs(text: string, format: PlanFormat, intended: Plan): boolean {
  try {
    return isDeepStrictEqual(parsePlanText(text, format), intended);
  } catch {
    return false;
  }
}
