// Inline check-in for an outcome KR. Input is checked before it is sent; a refusal from the
// server lands next to the field it names. Nothing is sent while any field is invalid.
import { useId, useState, type FormEvent } from 'react';
import type { OutcomeKeyResultReport } from '../../core/report/types';
import { problemsFor } from '../client/api-error';
import { errorMessage } from '../format/errors';
import { withUnit } from '../format/numbers';
import { validateCheckIn, type CheckInFields, type CheckInPayload, type FieldErrors } from '../forms/check-in-input';
import { FieldMessage } from './FieldMessage';

const EMPTY: CheckInFields = { value: '', confidence: '', note: '' };

export function CheckInForm({ kr, onSubmit }: { kr: OutcomeKeyResultReport; onSubmit: (payload: CheckInPayload) => Promise<void> }) {
  const id = useId();
  const [fields, setFields] = useState<CheckInFields>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors<CheckInFields>>({});
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);

  const set = (name: keyof CheckInFields) => (value: string) => {
    setFields((f) => ({ ...f, [name]: value }));
    setErrors((e) => ({ ...e, [name]: undefined }));
    setSaved(undefined);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    setSaved(undefined);
    const { payload, errors: found } = validateCheckIn(fields);
    setErrors(found);
    if (!payload) return;
    setBusy(true);
    try {
      await onSubmit(payload);
      setFields(EMPTY);
      setSaved(`Checked in ${withUnit(payload.value, kr.unit)}.`);
    } catch (error) {
      const byField: FieldErrors<CheckInFields> = {
        value: problemsFor(error, 'value')[0],
        confidence: problemsFor(error, 'confidence')[0],
        note: problemsFor(error, 'note')[0],
      };
      setErrors(byField);
      if (!byField.value && !byField.confidence && !byField.note) setFormError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const field = (name: keyof CheckInFields, label: string, hint?: string) => {
    const inputId = `${id}-${name}`;
    const messageId = `${inputId}-msg`;
    const hintId = `${inputId}-hint`;
    const describedBy = [hint ? hintId : '', errors[name] ? messageId : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div className={`h-field h-field-${name}`}>
        <label className="h-label" htmlFor={inputId}>
          {label}
        </label>
        {name === 'note' ? (
          <textarea
            id={inputId}
            className="h-input"
            rows={2}
            value={fields.note}
            aria-invalid={errors.note ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => set('note')(e.target.value)}
          />
        ) : (
          <input
            id={inputId}
            className="h-input"
            type="text"
            inputMode="decimal"
            value={fields[name]}
            aria-invalid={errors[name] ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => set(name)(e.target.value)}
          />
        )}
        {hint && (
          <p id={hintId} className="h-hint">
            {hint}
          </p>
        )}
        <FieldMessage id={messageId} message={errors[name]} />
      </div>
    );
  };

  return (
    <form className="h-checkin" onSubmit={(e) => void submit(e)} noValidate aria-label={`Check in on ${kr.title}`}>
      {field('value', `New value${kr.unit ? ` (${kr.unit})` : ''}`, kr.target !== undefined ? `Target ${withUnit(kr.target, kr.unit)}` : undefined)}
      {field('confidence', 'Confidence (%)', 'Optional, 0–100')}
      {field('note', 'Note')}
      <div className="h-actions">
        <button type="submit" className="h-button h-button-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Check in'}
        </button>
      </div>
      {formError && (
        <p className="h-field-error" role="alert">
          {formError}
        </p>
      )}
      <p className="h-saved" role="status">
        {saved ?? ''}
      </p>
    </form>
  );
}
