// Links a work item to a KR from the board: search the trackers, or type a key or id. A key
// that does not exist (or that the viewer cannot see) is refused inline and nothing changes.
// After a link it says what happened to the KR's progress, before and after: more work in scope
// can lower the percentage, which unexplained reads as a bug (issue 10 §5).
import { useId, useState, type FormEvent } from 'react';
import type { WorkItem } from '../../core/model/work-item';
import type { KeyResultReport } from '../../core/report/types';
import { useApi } from '../client/api-context';
import { Combobox } from '../components/Combobox';
import { errorMessage } from '../format/errors';
import { keyResultChange } from '../format/progress-change';
import { parseWorkItemRef } from '../forms/work-item-ref-input';

export function WorkItemLinker({ kr, before, onLinked }: { kr: string; before?: KeyResultReport; onLinked: (ref: string) => Promise<void> }) {
  const api = useApi();
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function link(ref: string) {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const after = await api('linkWorkItem', { kr, ref });
      setText('');
      setDone(`Linked ${ref}. ${keyResultChange(before, after)}`);
      await onLinked(ref);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseWorkItemRef(text);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    void link(parsed.value);
  }

  return (
    <form className="h-linker" onSubmit={submit} noValidate>
      <Combobox<WorkItem>
        label={`Link a work item to ${kr}`}
        placeholder="Key (CS-12), id (42) or title"
        text={text}
        onTextChange={(t) => {
          setText(t);
          setError(undefined);
          setDone(undefined);
        }}
        search={(t) => api('searchWorkItems', { text: t, limit: 10 })}
        optionKey={(item) => item.ref}
        optionLabel={(item) => `${item.ref} ${item.title ?? ''}`}
        optionDetail={(item) => [item.type, item.status].filter(Boolean).join(' · ')}
        onSelect={(item) => void link(item.ref)}
        describedBy={error ? `${id}-error` : undefined}
        invalid={Boolean(error)}
        disabled={busy}
      />
      <button type="submit" className="h-button" disabled={busy}>
        {busy ? 'Linking…' : 'Link'}
      </button>
      {error && (
        <p id={`${id}-error`} className="h-field-error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="h-notice h-tone-success" role="status">
          {done}
        </p>
      )}
    </form>
  );
}
