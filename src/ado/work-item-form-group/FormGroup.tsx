// The OKR group on the work item form: the shared OKR panel for the open work item. It starts
// from the form service (the item open when the group was created) and follows the form's
// events, reloading the panel whenever the item is loaded, saved or refreshed, since any of
// those can change its place in the hierarchy or its state.
import { useEffect, useState } from 'react';
import { OkrPanel } from '../../ui/components/OkrPanel';
import type { FormChange, FormEvents } from './form-events';

type Shown = { kind: 'open'; id: number; isNew: boolean; generation: number } | { kind: 'closed' };

export interface FormGroupProps {
  events: FormEvents;
  /** The form service's answer for the item open when the group was created. */
  initial: () => Promise<{ id: number; isNew: boolean }>;
}

function next(shown: Shown | undefined, change: FormChange): Shown {
  if (change.kind === 'closed') return change;
  const open = shown?.kind === 'open' ? shown : undefined;
  // The form announces the item the group was just created for: already on its way, no reload.
  if (change.reason === 'loaded' && open && open.id === change.id && open.isNew === change.isNew) return open;
  return { kind: 'open', id: change.id, isNew: change.isNew, generation: open ? open.generation + 1 : 0 };
}

export function FormGroup({ events, initial }: FormGroupProps) {
  const [shown, setShown] = useState<Shown>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let active = true;
    initial().then(
      (item) => {
        // An event that arrived first is newer than this answer.
        if (active) setShown((s) => s ?? { kind: 'open', ...item, generation: 0 });
      },
      (e: unknown) => {
        if (active) setError(e instanceof Error ? e.message : String(e));
      },
    );
    const unsubscribe = events.subscribe((change) => setShown((s) => next(s, change)));
    return () => {
      active = false;
      unsubscribe();
    };
  }, [events, initial]);

  if (shown === undefined) {
    return error ? <p role="alert" className="h-notice h-tone-danger">Could not read the open work item: {error}</p> : <p className="h-subtle">Loading…</p>;
  }
  if (shown.kind === 'closed') return <p className="h-subtle">No work item is open.</p>;
  if (shown.isNew || shown.id <= 0) {
    return <p className="h-subtle">Save this work item first; then you can link it to key results.</p>;
  }
  return (
    <div className="ado-group">
      <OkrPanel key={`${shown.id}:${shown.generation}`} itemRef={`ado:${shown.id}`} />
    </div>
  );
}
