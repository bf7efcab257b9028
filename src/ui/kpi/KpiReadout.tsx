// The KPI readout: every KPI's health at a glance, breached ones first so they are not missed.
import { useEffect, useState } from 'react';
import type { KpiHealth } from '../../core/report/types';
import { useApi } from '../client/api-context';
import { ErrorNotice } from '../components/ErrorNotice';
import { plural } from '../format/numbers';
import { useLoad } from '../hooks/use-load';
import { markReady } from '../perf/mark-ready';
import { KpiCard } from './KpiCard';
import { NeedsUpdateProvider } from '../cadence/needs-update';

const ORDER: Record<KpiHealth, number> = { breached: 0, warning: 1, 'no-data': 2, 'no-target': 3, healthy: 4 };

export function KpiReadout({ team, refresh = 0 }: { team?: string; refresh?: number }) {
  const api = useApi();
  const [message, setMessage] = useState<string>();
  const readout = useLoad(() => api('getKpis', team ? { team } : {}), [api, team, refresh]);

  useEffect(() => {
    if (readout.status === 'ready') markReady('kpis');
  }, [readout.status]);

  const kpis = readout.data ? [...readout.data.kpis].sort((a, b) => ORDER[a.health] - ORDER[b.health]) : [];
  const breached = kpis.filter((k) => k.health === 'breached').length;
  return (
    <div className="h-kpis" data-state={readout.status}>
      <header className="h-board-header">
        <h1 className="h-page-title">KPIs</h1>
        {readout.data && (
          <span className="h-subtle">
            {plural(kpis.length, 'KPI')}, {breached} breached · as of {readout.data.at}
          </span>
        )}
      </header>
      {message && (
        <p className="h-notice h-tone-success" role="status">
          {message}
        </p>
      )}
      {readout.status === 'loading' && <p className="h-subtle">Loading KPIs…</p>}
      {readout.status === 'error' && <ErrorNotice error={readout.error} onRetry={() => void readout.reload()} />}
      {readout.data && kpis.length === 0 && <p className="h-empty">No KPIs yet.</p>}
      <NeedsUpdateProvider lints={readout.data?.lints}>
      <div className="h-kpi-grid">
        {kpis.map((kpi) => (
          <KpiCard
            key={kpi.id}
            kpi={kpi}
            onFocused={async (text) => {
              setMessage(text);
              await readout.reload();
            }}
          />
        ))}
      </div>
      </NeedsUpdateProvider>
    </div>
  );
}
