// A delete asks first, saying what goes with it, and reports the app's refusal (something still
// names it: "change that first") in place.
import { useState } from 'react';
import { errorMessage } from '../format/errors';

export function ConfirmDelete({ what, consequence, onDelete, onDone, onCancel }: { what: string; consequence?: string; onDelete: () => Promise<unknown>; onDone: (message: string) => Promise<void>; onCancel: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  async function confirm() {
    setBusy(true);
    setError(undefined);
    try {
      await onDelete();
      await onDone(`Deleted ${what}.`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="h-author-form h-confirm" role="group" aria-label={`Delete ${what}`}>
      <p>
        Delete {what}?{consequence ? ` ${consequence}` : ''} This cannot be undone.
      </p>
      {error && (
        <p className="h-field-error" role="alert">
          {error}
        </p>
      )}
      <div className="h-actions">
        <button type="button" className="h-button h-button-danger" disabled={busy} onClick={() => void confirm()} autoFocus>
          {busy ? 'Deleting…' : `Delete ${what}`}
        </button>
        <button type="button" className="h-button h-button-subtle" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
