// Inline check-in for an outcome KR. Input is checked before it is sent; a refusal from the
// server lands next to the field it names. Nothing is sent while any field is invalid. A value
// far outside the KR's range is sent again only once the person confirms it (cadence). This
// form's status line is the one success message of a check-in.
import { useId, useState, type FormEvent } from 'react';
import { todayUtc } from '../../core/model/dates';
import type { OutcomeKeyResultReport } from '../../core/report/types';
import { problemsFor } from '../client/api-error';
import { errorMessage } from '../format/errors';
import { withUnit } from '../format/numbers';
import { validateCheckIn, type CheckInFields, type CheckInPayload, type FieldErrors } from '../forms/check-in-input';
import { FieldMessage } from './FieldMessage';

const empty = (today: string): CheckInFields => ({ value: '', confidence: '', note: '', at: today });

export function CheckInForm({
  kr,
  onSubmit,
  today = todayUtc(),
  announce = true,
}: {
  kr: OutcomeKeyResultReport;
  onSubmit: (payload: CheckInPayload) => Promise<void>;
  today?: string;
  /** false when the surrounding view says "Checked in" itself (the panel's notice). */
  announce?: boolean;
}) {
  const id = useId();
  const EMPTY = empty(today);
  const [fields, setFields] = useState<CheckInFields>(EMPTY);
  const [confirming, setConfirming] = useState<{ message: string; payload: CheckInPayload }>();
  const [errors, setErrors] = useState<FieldErrors<CheckInFields>>({});
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);

  const set = (name: keyof CheckInFields) => (value: string) => {
    setFields((f) => ({ ...f, [name]: value }));
    setErrors((e) => ({ ...e, [name]: undefined }));
    setSaved(undefined);
    setConfirming(undefined);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { payload, errors: found } = validateCheckIn(fields);
    setErrors(found);
    if (!payload) return;
    // Left at today, the date is not sent: the server's today decides (a host may pin it).
    if (payload.at === today) delete payload.at;
    await send(payload);
  }

  async function send(payload: CheckInPayload) {
    setFormError(undefined);
    setSaved(undefined);
    setConfirming(undefined);
    setBusy(true);
    try {
      await onSubmit(payload);
      setFields(EMPTY);
      if (announce) setSaved(`Checked in ${withUnit(payload.value, kr.unit)} on ${payload.at ?? today}.`);
    } catch (error) {
      const confirm = problemsFor(error, 'confirm')[0];
      if (confirm !== undefined) {
        setConfirming({ message: confirm, payload: { ...payload, confirm: true } });
        return;
      }
      const byField: FieldErrors<CheckInFields> = {
        value: problemsFor(error, 'value')[0],
        confidence: problemsFor(error, 'confidence')[0],
        note: problemsFor(error, 'note')[0],
        at: problemsFor(error, 'at')[0],
      };
      setErrors(byField);
      if (!byField.value && !byField.confidence && !byField.note && !byField.at) setFormError(errorMessage(error));
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
        ) : name === 'at' ? (
          <input
            id={inputId}
            className="h-input"
            type="date"
            max={today}
            value={fields.at}
            aria-invalid={errors.at ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => set('at')(e.target.value)}
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
      {field('at', 'Date')}
      <div className="h-actions">
        <button type="submit" className="h-button h-button-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Check in'}
        </button>
      </div>
      {confirming && (
        <div className="h-confirm" role="alert">
          <p>{confirming.message}</p>
          <div className="h-actions">
            <button type="button" className="h-button h-button-primary" disabled={busy} onClick={() => void send(confirming.payload)}>
              Save {withUnit(confirming.payload.value, kr.unit)} anyway
            </button>
            <button type="button" className="h-button h-button-subtle" onClick={() => setConfirming(undefined)}>
              Change the value
            </button>
          </div>
        </div>
      )}
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
