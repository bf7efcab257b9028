// "Measured by a query" inside the KR and KPI forms: a switch, the editor with its live preview,
// and the app's problem about the measure beneath it. Its value is the form's `measure` text
// (measure-text.ts). Loaded lazily by the forms, so no page opens heavier for it.
import { useEffect, useId, useRef } from 'react';
import type { Measure } from '../../core/model/measure';
import { FieldMessage } from '../components/FieldMessage';
import { MeasureEditor } from './MeasureEditor';
import { EMPTY_MEASURE } from './measure-input';
import { decodeMeasureText, measureText } from './measure-text';

export interface MeasureFieldProps {
  value: string;
  error?: string;
  onChange: (text: string) => void;
  /** A KR's stored measure, which arrives after the form opens (the shared measured index). */
  stored?: Measure;
  previewDelayMs?: number;
}

export default function MeasureField({ value, error, onChange, stored, previewDelayMs }: MeasureFieldProps) {
  const id = useId();
  const fields = decodeMeasureText(value);
  // Fill the stored measure in once, unless the user has already chosen.
  const filled = useRef(false);
  const storedText = measureText(stored);
  useEffect(() => {
    if (filled.current || !storedText) return;
    filled.current = true;
    if (!value) onChange(storedText);
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
            onChange(e.target.checked ? JSON.stringify(EMPTY_MEASURE) : '');
          }}
        />{' '}
        Measure it by a tracker query
      </label>
      {fields && <MeasureEditor fields={fields} trackers={['jira', 'ado']} onChange={(f) => onChange(JSON.stringify(f))} previewDelayMs={previewDelayMs} />}
      <FieldMessage id={`${id}-msg`} message={error} />
    </div>
  );
}
