// The KPI card's "Record a reading" button and form (issue 10 §2), for editors.
import { useState } from 'react';
import type { KpiReadout } from '../../app/api';
import { mayEdit, usePermissions } from '../hooks/use-permissions';
import { RecordReadingForm } from './RecordReadingForm';

export function KpiReadingAction({ kpi, onDone }: { kpi: KpiReadout['kpis'][number]; onDone: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  if (kpi.source !== 'kpi' || !mayEdit(usePermissions())) return null;
  return (
    <div className="h-kpi-reading">
      <button type="button" className="h-button" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
        {open ? 'Close' : 'Record a reading'}
        <span className="h-sr-only"> of {kpi.title}</span>
      </button>
      {open && <RecordReadingForm kpi={kpi} onDone={onDone} />}
    </div>
  );
}
