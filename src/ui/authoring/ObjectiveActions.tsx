// An objective's own actions on the board: edit it, add a key result, delete it (admins).
import { useState } from 'react';
import type { BoardTeam } from '../../app/api';
import { useApi } from '../client/api-context';
import { mayAdminister, mayEdit, usePermissions } from '../hooks/use-permissions';
import { ConfirmDelete } from './ConfirmDelete';
import { KeyResultForm, ObjectiveForm } from './lazy-forms';

type Objective = BoardTeam['objectives'][number];

export function ObjectiveActions({ objective, onChanged }: { objective: Objective; onChanged: () => Promise<void> }) {
  const api = useApi();
  const permissions = usePermissions();
  const [open, setOpen] = useState<'edit' | 'kr' | 'delete'>();
  const [message, setMessage] = useState<string>();
  // A closed quarter is read-only (SPEC §9): its objectives are reopened, not edited.
  if (objective.closed !== undefined) return null;
  if (!mayEdit(permissions)) return null;
  const done = async (text: string) => {
    setOpen(undefined);
    setMessage(text);
    await onChanged();
  };
  const close = () => setOpen(undefined);
  const toggle = (which: 'edit' | 'kr' | 'delete') => setOpen(open === which ? undefined : which);
  return (
    <div className="h-author-actions">
      <div className="h-actions">
        <button type="button" className="h-button h-button-subtle" aria-expanded={open === 'edit'} onClick={() => toggle('edit')}>
          Edit<span className="h-sr-only"> objective {objective.id}</span>
        </button>
        <button type="button" className="h-button h-button-subtle" aria-expanded={open === 'kr'} onClick={() => toggle('kr')}>
          Add key result<span className="h-sr-only"> to {objective.id}</span>
        </button>
        {mayAdminister(permissions) && (
          <button type="button" className="h-button h-button-subtle" aria-expanded={open === 'delete'} onClick={() => toggle('delete')}>
            Delete<span className="h-sr-only"> objective {objective.id}</span>
          </button>
        )}
        <span className="h-saved" role="status">
          {message}
        </span>
      </div>
      {open === 'edit' && <ObjectiveForm objective={objective} onDone={done} onCancel={close} />}
      {open === 'kr' && <KeyResultForm objective={objective} onDone={done} onCancel={close} />}
      {open === 'delete' && (
        <ConfirmDelete
          what={`objective ${objective.id}`}
          consequence={objective.keyResults.length ? `Its key results (${objective.keyResults.join(', ')}) and their check-ins and links go with it.` : undefined}
          onDelete={() => api('deleteObjective', { id: objective.id, expected: objective.version })}
          onDone={done}
          onCancel={close}
        />
      )}
    </div>
  );
}
