// A measured KPI's card: "Measure now" for its editors and owner (the app checks again), and the
// run log that explains each value, as a KR's details show them. Nothing for a KPI typed in by
// hand. Loaded on first use (KpiCard), so pages that never show a measured KPI do not carry it.
import { useState } from 'react';
import { useApi } from '../client/api-context';
import { errorMessage } from '../format/errors';
import { mayCheckIn, usePermissions } from '../hooks/use-permissions';
import { useLoad } from '../hooks/use-load';
import { MeasureRunLog } from './MeasureRunLog';
import { refreshMeasured, useMeasured } from './use-measured';

export default function KpiMeasure({ kpi, onChanged }: { kpi: { id: string; title: string; owner?: string }; onChanged: () => Promise<void> }) {
  const api = useApi();
  const entry = useMeasured()?.get(kpi.id);
  const canRun = mayCheckIn(usePermissions(), kpi.owner);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [open, setOpen] = useState(false);
  if (!entry) return null;

  async function measureNow() {
    setBusy(true);
    setError(undefined);
    try {
      const [run] = await api('measureNow', { id: kpi.id });
      if (run?.error !== undefined) setError(run.error);
      refreshMeasured(api);
      await onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="h-kpi-measure" data-kpi-measure={kpi.id}>
      {canRun && (
        <div className="h-actions">
          <button type="button" className="h-button h-button-primary" disabled={busy} onClick={() => void measureNow()} aria-label={`Measure ${kpi.title} now`}>
            {busy ? 'Measuring…' : 'Measure now'}
          </button>
        </div>
      )}
      {error && (
        <p className="h-field-message h-tone-danger" role="alert">
          {error}
        </p>
      )}
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>Run log</summary>
        {open && <KpiRunLog id={kpi.id} at={entry.runs[0]?.at} />}
      </details>
    </div>
  );
}

/** The full log, asked when opened and again after each new run (`at` of the latest). */
function KpiRunLog({ id, at }: { id: string; at: string | undefined }) {
  const api = useApi();
  const log = useLoad(() => api('getMeasureRuns', { id }), [api, id, at]);
  if (log.status === 'loading') return <p className="h-subtle">Loading the runs…</p>;
  if (log.status === 'error') return <p className="h-field-message h-tone-danger">{errorMessage(log.error)}</p>;
  return <MeasureRunLog runs={log.data[0]?.runs ?? []} />;
}
