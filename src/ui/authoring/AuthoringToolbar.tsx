// The board's authoring entry points: a new objective, and the plan's teams, periods and KPIs.
// Shown only to those the app would let do it (editors; teams and periods for admins); the app
// checks every call again.
import './authoring.css';
import { useState } from 'react';
import { mayEdit, usePermissions } from '../hooks/use-permissions';
import { ObjectiveForm, PlanStructure } from './lazy-forms';

export function AuthoringToolbar({ onChanged }: { onChanged: () => Promise<void> }) {
  const permissions = usePermissions();
  const [open, setOpen] = useState<'objective' | 'structure'>();
  const [message, setMessage] = useState<string>();
  const changed = async (text: string) => {
    setMessage(text);
    await onChanged();
  };
  return (
    <div className="h-authoring">
      <div className="h-actions">
        {mayEdit(permissions) && (
          <button type="button" className="h-button" aria-expanded={open === 'objective'} onClick={() => setOpen(open === 'objective' ? undefined : 'objective')}>
            New objective
          </button>
        )}
        <button type="button" className="h-button" aria-expanded={open === 'structure'} onClick={() => setOpen(open === 'structure' ? undefined : 'structure')}>
          Teams, periods and KPIs
        </button>
        <span className="h-saved" role="status">
          {message}
        </span>
      </div>
      {open === 'objective' && (
        <ObjectiveForm
          onDone={async (text) => {
            setOpen(undefined);
            await changed(text);
          }}
          onCancel={() => setOpen(undefined)}
        />
      )}
      {open === 'structure' && <PlanStructure onChanged={changed} />}
    </div>
  );
}
