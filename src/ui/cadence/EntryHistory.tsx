// A KR's check-ins (or, for a `kpiRef` KR, its KPI's readings) with their audit trail: who made
// each, corrections (what it was) and deletions, shown as such. Its author, the KR's owner or an
// editor may correct or delete an entry; the server decides, this only hides what would fail.
// EntryList is the part KPI cards reuse for their readings (KpiReadings).
import { useState } from 'react';
import type { KeyResultDetail, RevisionView } from '../../app/api';
import { useApi } from '../client/api-context';
import { OwnerName } from '../authoring/people';
import { problemsFor } from '../client/api-error';
import { errorMessage } from '../format/errors';
import { decimal, withUnit } from '../format/numbers';
import { mayCheckIn, usePermissions } from '../hooks/use-permissions';
import { validateCheckIn, type CheckInFields } from '../forms/check-in-input';

type Entry = KeyResultDetail['checkIns'][number];

export function EntryHistory({ detail, onChanged }: { detail: KeyResultDetail; onChanged: () => Promise<void> }) {
  const kr = detail.kr;
  const permissions = usePermissions();
  if (kr.type !== 'outcome') return null;
  return (
    <EntryList
      heading={kr.kpiRef !== undefined ? `Readings of ${kr.kpiRef}` : 'Check-ins'}
      entries={detail.checkIns}
      revisions={detail.revisions ?? []}
      unit={kr.unit}
      isReading={kr.kpiRef !== undefined}
      mayChangeAll={mayCheckIn(permissions, kr.owner)}
      onChanged={onChanged}
    />
  );
}

export interface EntryListProps {
  heading: string;
  entries: readonly Entry[];
  revisions: readonly RevisionView[];
  unit?: string;
  /** KPI readings (corrected through correctReading/deleteReading, no confidence). */
  isReading: boolean;
  /** An editor, or an owner of what the entries measure: may change every entry. */
  mayChangeAll: boolean;
  onChanged: () => Promise<void>;
}

/** Entries newest first with their corrections, deleted ones struck through; shared by KRs and KPIs. */
export function EntryList({ heading, entries, revisions, unit, isReading, mayChangeAll, onChanged }: EntryListProps) {
  const permissions = usePermissions();
  const [editing, setEditing] = useState<string>();
  const [message, setMessage] = useState<string>();
  const mine = (e: Entry) => permissions !== undefined && e.by !== undefined && (e.by === permissions.actor || permissions.ownerIds.includes(e.by));
  const mayChange = (e: Entry) => e.id !== undefined && e.version !== undefined && (mayChangeAll || mine(e));
  const deleted = revisions.filter((r) => r.action === 'deleted');
  const corrections = (id: string | undefined) => revisions.filter((r) => r.action === 'corrected' && r.entry === id);

  return (
    <div className="h-entry-history">
      <h4 className="h-why-heading">{heading}</h4>
      {entries.length === 0 && deleted.length === 0 && <p className="h-subtle">{isReading ? 'No readings yet.' : 'No check-ins yet.'}</p>}
      <ul className="h-items">
        {[...entries].reverse().map((c, i) => (
          <li key={c.id ?? `${c.at}:${String(i)}`} data-entry={c.id}>
            {c.at}: {withUnit(c.value, unit)}
            {c.confidence !== undefined && ` · confidence ${decimal(c.confidence * 100)}%`}
            {c.by && <> · by <OwnerName id={c.by} /></>}
            {c.note && <span className="h-subtle"> · {c.note}</span>}
            {corrections(c.id).map((r, j) => (
              <span key={j} className="h-subtle h-revision">
                {' '}· corrected by <OwnerName id={r.by} /> on {r.on}{r.before ? ` (was ${withUnit(r.before.value, unit)} on ${r.before.at})` : ''}
              </span>
            ))}
            {mayChange(c) && editing !== c.id && (
              <span className="h-entry-actions">
                <button type="button" className="h-button h-button-subtle" onClick={() => setEditing(c.id)}>
                  Correct<span className="h-sr-only"> the {c.at} value</span>
                </button>
                <DeleteEntry entry={c} isReading={isReading} onDone={async (text) => { setMessage(text); await onChanged(); }} />
              </span>
            )}
            {editing === c.id && (
              <CorrectEntry
                entry={c}
                unit={unit}
                isReading={isReading}
                onCancel={() => setEditing(undefined)}
                onDone={async (text) => {
                  setEditing(undefined);
                  setMessage(text);
                  await onChanged();
                }}
              />
            )}
          </li>
        ))}
        {deleted.map((r, i) => (
          <li key={`deleted:${r.entry}:${String(i)}`} className="h-entry-deleted" data-deleted-entry={r.entry}>
            <del>{r.before ? `${r.before.at}: ${withUnit(r.before.value, unit)}` : r.entry}</del> · deleted by <OwnerName id={r.by} /> on {r.on}
          </li>
        ))}
      </ul>
      <p className="h-saved" role="status">
        {message ?? ''}
      </p>
    </div>
  );
}

function DeleteEntry({ entry, isReading, onDone }: { entry: Entry; isReading: boolean; onDone: (message: string) => Promise<void> }) {
  const api = useApi();
  const [sure, setSure] = useState(false);
  const [error, setError] = useState<string>();
  const id = entry.id ?? '';
  const expected = entry.version ?? '';
  async function remove() {
    setError(undefined);
    try {
      if (isReading) await api('deleteReading', { id, expected });
      else await api('deleteCheckIn', { id, expected });
      await onDone(`Deleted the ${entry.at} value.`);
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  return (
    <>
      {!sure ? (
        <button type="button" className="h-button h-button-subtle" onClick={() => setSure(true)}>
          Delete<span className="h-sr-only"> the {entry.at} value</span>
        </button>
      ) : (
        <button type="button" className="h-button h-button-danger" onClick={() => void remove()}>
          Really delete {entry.at}?
        </button>
      )}
      {error && <span className="h-field-error" role="alert">{error}</span>}
    </>
  );
}

function CorrectEntry(props: { entry: Entry; unit?: string; isReading: boolean; onCancel: () => void; onDone: (message: string) => Promise<void> }) {
  const { entry, isReading } = props;
  const api = useApi();
  const [fields, setFields] = useState<CheckInFields>({
    value: String(entry.value),
    confidence: entry.confidence !== undefined ? String(Math.round(entry.confidence * 100)) : '',
    note: entry.note ?? '',
    at: entry.at,
  });
  const [error, setError] = useState<string>();
  const [confirm, setConfirm] = useState(false);
  async function save() {
    const { payload, errors } = validateCheckIn(fields);
    const first = Object.values(errors).find(Boolean);
    if (!payload) return setError(first);
    const base = { id: entry.id ?? '', value: payload.value, at: (payload.at ?? entry.at), expected: entry.version ?? '', ...(payload.note ? { note: payload.note } : {}), ...(confirm ? { confirm } : {}) };
    try {
      if (isReading) await api('correctReading', base);
      else await api('correctCheckIn', { ...base, ...(payload.confidence !== undefined ? { confidence: payload.confidence } : {}) });
      await props.onDone(`Corrected the ${entry.at} value to ${withUnit(payload.value, props.unit)}.`);
    } catch (e) {
      const far = problemsFor(e, 'confirm')[0];
      if (far) setConfirm(true);
      setError(far ? `${far}. Press Save again to confirm.` : errorMessage(e));
    }
  }
  const input = (name: keyof CheckInFields, label: string, type = 'text') => (
    <label className="h-field">
      <span className="h-label">{label}</span>
      <input className="h-input" type={type} value={fields[name]} onChange={(e) => { setFields((f) => ({ ...f, [name]: e.target.value })); setConfirm(false); }} />
    </label>
  );
  return (
    <form className="h-correct-entry" aria-label={`Correct the ${entry.at} value`} onSubmit={(e) => { e.preventDefault(); void save(); }}>
      {input('value', 'Value')}
      {!isReading && input('confidence', 'Confidence (%)')}
      {input('note', 'Note')}
      {input('at', 'Date', 'date')}
      <div className="h-actions">
        <button type="submit" className="h-button h-button-primary">Save</button>
        <button type="button" className="h-button h-button-subtle" onClick={props.onCancel}>Cancel</button>
      </div>
      {error && <p className="h-field-error" role="alert">{error}</p>}
    </form>
  );
}

export type { RevisionView };
