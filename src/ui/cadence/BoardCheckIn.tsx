// Check in on an outcome KR from the board's KR details (issue 10 §2: not only from the panel).
import { useState } from 'react';
import type { KeyResultReport } from '../../core/report/types';
import { useApi } from '../client/api-context';
import { CheckInForm } from '../components/CheckInForm';
import { mayCheckIn, usePermissions } from '../hooks/use-permissions';

export function BoardCheckIn({ kr, onDone }: { kr: KeyResultReport; onDone: () => Promise<void> }) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const allowed = mayCheckIn(usePermissions(), kr.owner);
  if (kr.type !== 'outcome' || !allowed) return null;
  return (
    <div className="h-board-checkin">
      <button type="button" className="h-button" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
        {open ? 'Close check-in' : 'Check in'}
        <span className="h-sr-only"> on {kr.id}</span>
      </button>
      {open && (
        <CheckInForm
          kr={kr}
          onSubmit={async (payload) => {
            await api('checkIn', { kr: kr.id, ...payload });
            await onDone();
          }}
        />
      )}
    </div>
  );
}
