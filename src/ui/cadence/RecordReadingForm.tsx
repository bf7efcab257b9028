// Record a KPI reading from its card (issue 10 §2): value, note, date (default today). A value far
// from the KPI's target, threshold and latest reading is saved only once confirmed.
import { useId, useState, type FormEvent } from 'react';
import type { KpiReadout } from '../../app/api';
import { todayUtc } from '../../core/model/dates';
import { useApi } from '../client/api-context';
import { problemsFor } from '../client/api-error';
import { errorMessage } from '../format/errors';
import { withUnit } from '../format/numbers';
import { validateCheckIn } from '../forms/check-in-input';

export function RecordReadingForm({ kpi, onDone, today = todayUtc() }: { kpi: KpiReadout['kpis'][number]; onDone: () => Promise<void>; today?: string }) {
  const api = useApi();
  const id = useId();
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [at, setAt] = useState(today);
  const [confirm, setConfirm] = useState<string>();
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setSaved(undefined);
    const { payload, errors } = validateCheckIn({ value, confidence: '', note, at });
    if (!payload) return setError(errors.value ?? errors.at ?? errors.note);
    try {
      // Left at today, the date is not sent: the server's today decides.
      await api('recordReading', { kpi: kpi.id, value: payload.value, ...(payload.at && payload.at !== today ? { at: payload.at } : {}), ...(payload.note ? { note: payload.note } : {}), ...(confirm ? { confirm: true } : {}) });
      setValue('');
      setNote('');
      setConfirm(undefined);
      setSaved(`Recorded ${withUnit(payload.value, kpi.unit)} on ${payload.at ?? today}.`);
      await onDone();
    } catch (e) {
      const far = problemsFor(e, 'confirm')[0];
      if (far) setConfirm(far);
      else setError(errorMessage(e));
    }
  }

  return (
    <form className="h-checkin h-reading-form" aria-label={`Record a reading of ${kpi.title}`} onSubmit={(e) => void submit(e)} noValidate>
      <div className="h-field">
        <label className="h-label" htmlFor={`${id}-value`}>New reading{kpi.unit ? ` (${kpi.unit})` : ''}</label>
        <input id={`${id}-value`} className="h-input" type="text" inputMode="decimal" value={value} onChange={(e) => { setValue(e.target.value); setConfirm(undefined); }} />
      </div>
      <div className="h-field">
        <label className="h-label" htmlFor={`${id}-note`}>Note</label>
        <input id={`${id}-note`} className="h-input" type="text" value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="h-field">
        <label className="h-label" htmlFor={`${id}-at`}>Date</label>
        <input id={`${id}-at`} className="h-input" type="date" max={today} value={at} onChange={(e) => setAt(e.target.value)} />
      </div>
      {confirm && <p className="h-confirm" role="alert">{confirm}</p>}
      <div className="h-actions">
        <button type="submit" className="h-button h-button-primary">{confirm ? 'Save anyway' : 'Record reading'}</button>
      </div>
      {error && <p className="h-field-error" role="alert">{error}</p>}
      <p className="h-saved" role="status">{saved ?? ''}</p>
    </form>
  );
}
