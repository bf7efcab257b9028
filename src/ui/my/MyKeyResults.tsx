// "My key results" (issue 10 §2): what the viewer owns, overdue first, with the check-in inline,
// on every host (the workbench and Forge board pages, the Azure DevOps hub's tab).
import { useId, useState } from 'react';
import type { MyKeyResult, MyKpi } from '../../app/api';
import { NeedsUpdate } from '../cadence/needs-update';
import { RecordReadingForm } from '../cadence/RecordReadingForm';
import { useApi } from '../client/api-context';
import { CheckInForm } from '../components/CheckInForm';
import { ErrorNotice } from '../components/ErrorNotice';
import { ProgressBar } from '../components/ProgressBar';
import { StatusPill } from '../components/StatusPill';
import { Pill } from '../components/Pill';
import { plural } from '../format/numbers';
import { progressDetail } from '../format/progress-detail';
import { healthLabel, healthTone, statusTone } from '../format/status';
import { useLoad } from '../hooks/use-load';

function dueText(due: { days?: number; lastAt?: string }, what: string): string {
  if (due.lastAt === undefined) return `Never ${what}`;
  return `Last ${what} ${plural(due.days ?? 0, 'day')} ago (${due.lastAt})`;
}

function MyKr({ entry, today, onChanged }: { entry: MyKeyResult; today: string; onChanged: () => Promise<void> }) {
  const api = useApi();
  const id = useId();
  const [open, setOpen] = useState(false);
  const { kr } = entry;
  const canCheckIn = kr.type === 'outcome' && kr.kpiRef === undefined;
  return (
    <li className="h-my-kr" data-kr={kr.id} aria-labelledby={`${id}-t`}>
      <div className="h-my-row">
        <div className="h-my-title">
          <span id={`${id}-t`}>
            <span className="h-kr-id">{kr.id}</span> {kr.title}
          </span>
          <span className="h-subtle h-my-context">
            {entry.objectiveTitle} · {entry.teamName} · {entry.period}
          </span>
          {entry.needsUpdate && <NeedsUpdate message={dueText(entry.needsUpdate, 'checked in')} />}
        </div>
        <ProgressBar value={kr.progress} expected={kr.expected} label={`${kr.id} progress`} detail={progressDetail(kr)} tone={statusTone(kr.status)} />
        <StatusPill status={kr.status} />
        {canCheckIn && (
          <button type="button" className="h-button" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
            {open ? 'Close check-in' : 'Check in'}
            <span className="h-sr-only"> on {kr.id}</span>
          </button>
        )}
      </div>
      {open && kr.type === 'outcome' && (
        <CheckInForm
          kr={kr}
          today={today}
          onSubmit={async (payload) => {
            await api('checkIn', { kr: kr.id, ...payload });
            await onChanged();
          }}
        />
      )}
    </li>
  );
}

function MyKpiRow({ entry, today, onChanged }: { entry: MyKpi; today: string; onChanged: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const { kpi } = entry;
  return (
    <li className="h-my-kr" data-kpi={kpi.id}>
      <div className="h-my-row">
        <div className="h-my-title">
          <span>{kpi.title}</span>
          {entry.needsUpdate && <NeedsUpdate message={dueText(entry.needsUpdate, 'read')} />}
        </div>
        <Pill tone={healthTone(kpi.health)}>{healthLabel(kpi.health)}</Pill>
        <button type="button" className="h-button" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
          {open ? 'Close' : 'Record a reading'}
          <span className="h-sr-only"> of {kpi.title}</span>
        </button>
      </div>
      {open && <RecordReadingForm kpi={kpi} today={today} onDone={onChanged} />}
    </li>
  );
}

export function MyKeyResults() {
  const api = useApi();
  const mine = useLoad(() => api('getMyKeyResults', {}), [api]);
  const data = mine.data;
  const overdue = data ? data.keyResults.filter((k) => k.needsUpdate).length + data.kpis.filter((k) => k.needsUpdate).length : 0;
  return (
    <section className="h-my" aria-label="My key results" data-state={mine.status}>
      <header className="h-board-header">
        <h2 className="h-page-title">My key results</h2>
        {data && (
          <span className="h-subtle">
            {plural(data.keyResults.length, 'key result')}
            {data.kpis.length > 0 ? `, ${plural(data.kpis.length, 'KPI')}` : ''} · {overdue} need{overdue === 1 ? 's' : ''} an update
          </span>
        )}
      </header>
      {mine.status === 'loading' && <p className="h-subtle">Loading your key results…</p>}
      {mine.status === 'error' && <ErrorNotice error={mine.error} onRetry={() => void mine.reload()} />}
      {data && data.keyResults.length === 0 && data.kpis.length === 0 && <p className="h-empty">You own no key results or KPIs in a running period.</p>}
      {data && (
        <ul className="h-my-list">
          {data.keyResults.map((entry) => (
            <MyKr key={entry.kr.id} entry={entry} today={data.at} onChanged={mine.reload} />
          ))}
          {data.kpis.map((entry) => (
            <MyKpiRow key={entry.kpi.id} entry={entry} today={data.at} onChanged={mine.reload} />
          ))}
        </ul>
      )}
    </section>
  );
}
