// A KPI card's readings with their audit trail (issue 10 §2): corrected and deleted by their
// author, the KPI's owner or an editor, through the same list a KR's check-ins use. Loaded when
// opened, so the KPI page asks for no one's history until a reader wants it.
import { lazy, Suspense, useState } from 'react';
import type { KpiReadout } from '../../app/api';
import { useApi } from '../client/api-context';
import { ErrorNotice } from '../components/ErrorNotice';
import { mayCheckIn, usePermissions } from '../hooks/use-permissions';
import { useLoad } from '../hooks/use-load';

// The list (and its correct/delete forms) is a separate chunk: the ADO hub's page-weight budget.
const EntryList = lazy(() => import('./EntryHistory').then((m) => ({ default: m.EntryList })));

type Kpi = KpiReadout['kpis'][number];

export function KpiReadings({ kpi, onChanged }: { kpi: Kpi; onChanged: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  // Readings are kept for KPIs read by hand; a KR kept as a KPI has check-ins instead.
  if (kpi.source !== 'kpi') return null;
  return (
    <div className="h-kpi-readings">
      <button type="button" className="h-button h-button-subtle" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
        {open ? 'Hide readings' : 'Readings'}
        <span className="h-sr-only"> of {kpi.title}</span>
      </button>
      {open && <ReadingsList kpi={kpi} onChanged={onChanged} />}
    </div>
  );
}

function ReadingsList({ kpi, onChanged }: { kpi: Kpi; onChanged: () => Promise<void> }) {
  const api = useApi();
  const permissions = usePermissions();
  // Asked again when the card's readings change (one recorded beside this list, say).
  const changed = `${kpi.valueAt ?? ''}:${String(kpi.value)}:${String(kpi.trend.length)}`;
  const readings = useLoad(() => api('getReadings', { kpi: kpi.id }), [api, kpi.id, changed]);
  if (readings.status === 'loading') return <p className="h-subtle">Loading readings…</p>;
  if (readings.status === 'error') return <ErrorNotice error={readings.error} onRetry={() => void readings.reload()} />;
  return (
    <Suspense fallback={<p className="h-subtle">Loading readings…</p>}>
      <EntryList
        heading={`Readings of ${kpi.title}`}
        entries={readings.data.readings}
        revisions={readings.data.revisions}
        unit={kpi.unit}
        isReading
        mayChangeAll={mayCheckIn(permissions, kpi.owner)}
        onChanged={async () => {
          await Promise.all([readings.reload(), onChanged()]);
        }}
      />
    </Suspense>
  );
}
