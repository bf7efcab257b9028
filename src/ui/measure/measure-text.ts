// The "measured by a query" fields as the KR and KPI forms keep them: JSON text in the form's own
// `measure` field ('' when the number is typed in by hand), so the app's problems
// (`keyResult.measure.of`) land on that field and a conflict names it like any other. Kept apart
// from the editor so the forms can parse without loading it.
import type { Measure } from '../../core/model/measure';
import { EMPTY_MEASURE, fieldsOf, measureOf, type MeasureFields } from './measure-input';

export const measureText = (measure: Measure | undefined): string => (measure ? JSON.stringify(fieldsOf(measure)) : '');

export function decodeMeasureText(text: string): MeasureFields | undefined {
  if (!text) return undefined;
  return { ...EMPTY_MEASURE, ...(JSON.parse(text) as Partial<MeasureFields>) };
}

/** The form's `measure` text as the payload's: a Measure, null (typed in by hand) or what is missing. */
export function parseMeasureText(text: string): { ok: true; measure: Measure | null } | { ok: false; message: string } {
  const fields = decodeMeasureText(text);
  if (!fields) return { ok: true, measure: null };
  const built = measureOf(fields);
  return built.measure ? { ok: true, measure: built.measure } : { ok: false, message: built.missing };
}
