// "Measured by a query" inside the KR and KPI forms: a switch, the editor with its live preview,
// and the app's problem about the measure beneath it. The form keeps the editor's fields as JSON
// text in its own `measure` field ('' when the number is typed in by hand), so the app's problems
// (`keyResult.measure.of`) land here and a conflict names it like any other field.
import { useEffect, useId, useRef } from 'react';
import type { Measure } from '../../core/model/measure';
import { FieldMessage } from '../components/FieldMessage';
import type { Fields, PartForm } from '../authoring/part-form';
import { MeasureEditor } from './MeasureEditor';
import { EMPTY_MEASURE, fieldsOf, measureOf, type MeasureFields } from './measure-input';

export const measureText = (measure: Measure | undefined): string => (measure ? JSON.stringify(fieldsOf(measure)) : '');

function decode(text: string): MeasureFields | undefined {
  if (!text) return undefined;
  return { ...EMPTY_MEASURE, ...(JSON.parse(text) as Partial<MeasureFields>) };
}

/** The form's `measure` text as the payload's: a Measure, null (typed in by hand) or what is missing. */
export function parseMeasureText(text: string): { ok: true; measure: Measure | null } | { ok: false; message: string } {
  const fields = decode(text);
  if (!fields) return { ok: true, measure: null };
  const built = measureOf(fields);
  return built.measure ? { ok: true, measure: built.measure } : { ok: false, message: built.missing };
}

export function MeasureField<F extends Fields>({ form, name, stored, previewDelayMs }: { form: PartForm<F>; name: keyof F & string; stored?: Measure; previewDelayMs?: number }) {
  const id = useId();
  const fields = decode(form.fields[name] ?? '');
  const error = form.errors[name];
  // A KR's stored measure arrives after the form opens (the shared measured index): fill it in
  // once, unless the user has already chosen.
  const filled = useRef(false);
  const storedText = measureText(stored);
  useEffect(() => {
    if (filled.current || !storedText) return;
    filled.current = true;
    if (!form.fields[name]) form.set(name, storedText);
    // Only the stored measure's arrival matters here, not every keystroke.
  }, [storedText]);
  return (
    <div className="h-field h-field-grow h-measure-field">
      <label className="h-check" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={fields !== undefined}
          aria-describedby={error ? `${id}-msg` : undefined}
          onChange={(e) => {
            filled.current = true;
            form.set(name, e.target.checked ? JSON.stringify(EMPTY_MEASURE) : '');
          }}
        />{' '}
        Measure it by a tracker query
      </label>
      {fields && <MeasureEditor fields={fields} trackers={['jira', 'ado']} onChange={(f) => form.set(name, JSON.stringify(f))} previewDelayMs={previewDelayMs} />}
      <FieldMessage id={`${id}-msg`} message={error} />
    </div>
  );
}
