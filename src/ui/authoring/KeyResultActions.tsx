// A key result's own actions on the board: edit it (editors and its owner), delete it (admins).
import { useState } from 'react';
import type { KeyResultReport } from '../../core/report/types';
import { useApi } from '../client/api-context';
import { mayAdminister, mayCheckIn, usePermissions } from '../hooks/use-permissions';
import { ConfirmDelete } from './ConfirmDelete';
import { KeyResultForm } from './lazy-forms';

export function KeyResultActions({ kr, objectiveVersion, onChanged }: { kr: KeyResultReport; objectiveVersion: string | undefined; onChanged: () => Promise<void> }) {
  const api = useApi();
  const permissions = usePermissions();
  const [open, setOpen] = useState<'edit' | 'delete'>();
  const [message, setMessage] = useState<string>();
  const mayEditKr = mayCheckIn(permissions, kr.owner);
  // A closed quarter is read-only (SPEC §9): its KRs are reopened, not edited (the app refuses too).
  if (kr.closed !== undefined) return null;
  if (objectiveVersion === undefined || (!mayEditKr && !mayAdminister(permissions))) return null;
  const done = async (text: string) => {
    setOpen(undefined);
    setMessage(text);
    await onChanged();
  };
  const close = () => setOpen(undefined);
  return (
    <div className="h-author-actions">
      <div className="h-actions">
        {mayEditKr && (
          <button type="button" className="h-button h-button-subtle" aria-expanded={open === 'edit'} onClick={() => setOpen(open === 'edit' ? undefined : 'edit')}>
            Edit<span className="h-sr-only"> key result {kr.id}</span>
          </button>
        )}
        {mayAdminister(permissions) && (
          <button type="button" className="h-button h-button-subtle" aria-expanded={open === 'delete'} onClick={() => setOpen(open === 'delete' ? undefined : 'delete')}>
            Delete<span className="h-sr-only"> key result {kr.id}</span>
          </button>
        )}
        <span className="h-saved" role="status">
          {message}
        </span>
      </div>
      {open === 'edit' && <KeyResultForm objective={{ id: kr.objective, version: objectiveVersion }} kr={kr} onDone={done} onCancel={close} />}
      {open === 'delete' && (
        <ConfirmDelete
          what={`key result ${kr.id}`}
          consequence="Its check-ins, links and progress history go with it."
          onDelete={() => api('deleteKeyResult', { id: kr.id, expected: objectiveVersion })}
          onDone={done}
          onCancel={close}
        />
      )}
    </div>
  );
}
