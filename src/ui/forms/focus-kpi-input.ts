// "Focus as a KR" on a breached KPI (seed 002's churn story): which objective the new KR goes
// under and the target to bring the KPI back to.
import type { FieldErrors } from './check-in-input';
import { parseNumber } from './number-field';

export interface FocusFields {
  objective: string;
  target: string;
  title: string;
}

export interface FocusPayload {
  objective: string;
  target: number;
  title?: string;
}

export const TITLE_MAX = 200;

export function validateFocus(fields: FocusFields): { payload?: FocusPayload; errors: FieldErrors<FocusFields> } {
  const errors: FieldErrors<FocusFields> = {};
  if (fields.objective.trim() === '') errors.objective = 'Choose the objective this key result serves.';
  const target = parseNumber(fields.target, 'Target');
  if (!target.ok) errors.target = target.message;
  const title = fields.title.trim();
  if (title.length > TITLE_MAX) errors.title = `Keep the title under ${TITLE_MAX} characters.`;
  if (Object.keys(errors).length > 0 || !target.ok) return { errors };
  const payload: FocusPayload = { objective: fields.objective.trim(), target: target.value };
  if (title !== '') payload.title = title;
  return { payload, errors };
}
