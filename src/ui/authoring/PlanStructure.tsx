// Teams, periods and KPIs of the plan, each with its edit and delete, and a button to add one.
// Admins shape teams and periods; editors define KPIs; deleting is for admins (the app refuses
// anyone else anyway, and says why).
import { useState, type ReactNode } from 'react';
import type { PlanOutline } from '../../app/api';
import { useApi } from '../client/api-context';
import { ErrorNotice } from '../components/ErrorNotice';
import { mayAdminister, mayEdit, usePermissions } from '../hooks/use-permissions';
import { useOutline } from './authoring-data';
import { ConfirmDelete } from './ConfirmDelete';
import { KpiForm } from './KpiForm';
import { OwnerName } from './people';
import { PeriodForm, TeamForm } from './TeamPeriodForms';

type Open =
  | { kind: 'team'; team?: PlanOutline['teams'][number] }
  | { kind: 'period'; period?: PlanOutline['periods'][number] }
  | { kind: 'kpi'; kpi?: PlanOutline['kpis'][number] }
  | { kind: 'delete'; what: string; run: () => Promise<unknown>; consequence?: string };

export function PlanStructure({ onChanged }: { onChanged: (message: string) => Promise<void> }) {
  const api = useApi();
  const outline = useOutline();
  const permissions = usePermissions();
  const [open, setOpen] = useState<Open>();
  const admin = mayAdminister(permissions);
  const editor = mayEdit(permissions);
  const done = async (message: string) => {
    setOpen(undefined);
    await outline.reload();
    await onChanged(message);
  };
  const close = () => setOpen(undefined);
  const data = outline.data;
  const teamName = (id: string | undefined) => data?.teams.find((t) => t.id === id)?.name ?? id;

  const form = (() => {
    if (!open || !data) return null;
    switch (open.kind) {
      case 'team':
        return <TeamForm team={open.team} teams={data.teams} onDone={done} onCancel={close} />;
      case 'period':
        return <PeriodForm period={open.period} onDone={done} onCancel={close} />;
      case 'kpi':
        return <KpiForm kpi={open.kpi} onDone={done} onCancel={close} />;
      case 'delete':
        return <ConfirmDelete what={open.what} consequence={open.consequence} onDelete={open.run} onDone={done} onCancel={close} />;
    }
  })();

  interface Row {
    label: string;
    detail: ReactNode;
    edit?: () => void;
    remove?: () => void;
  }
  const action = (name: string, label: string, run: (() => void) | undefined) =>
    run && (
      <button type="button" className="h-button h-button-subtle" onClick={run}>
        {name}
        <span className="h-sr-only"> {label}</span>
      </button>
    );
  const column = (title: string, what: string, rows: Row[], add: (() => void) | undefined) => (
    <div>
      <h3 className="h-author-title">{title}</h3>
      {rows.length === 0 && <p className="h-empty">No {title.toLowerCase()} yet.</p>}
      <ul className="h-structure-list">
        {rows.map((r) => (
          <li className="h-structure-row" key={r.label}>
            <span className="h-row-title">{r.label}</span>
            <span className="h-subtle">{r.detail}</span>
            {action('Edit', r.label, r.edit)}
            {action('Delete', r.label, r.remove)}
          </li>
        ))}
      </ul>
      {add && (
        <button type="button" className="h-button" onClick={add}>
          New {what}
        </button>
      )}
    </div>
  );
  const remove = (what: string, run: () => Promise<unknown>, consequence?: string) => (admin ? () => setOpen({ kind: 'delete', what, run, consequence }) : undefined);

  return (
    <section className="h-structure" aria-label="Teams, periods and KPIs">
      {outline.status === 'error' && <ErrorNotice error={outline.error} onRetry={() => void outline.reload()} />}
      {form}
      {data && (
        <div className="h-structure-columns">
          {column(
            'Teams',
            'team',
            data.teams.map((t) => ({
              label: t.name,
              detail: t.parent ? `part of ${teamName(t.parent)}` : 'top level',
              edit: admin ? () => setOpen({ kind: 'team', team: t }) : undefined,
              remove: remove(`team ${t.name}`, () => api('deleteTeam', { id: t.id, expected: t.version })),
            })),
            admin ? () => setOpen({ kind: 'team' }) : undefined,
          )}
          {column(
            'Periods',
            'period',
            data.periods.map((p) => ({
              label: p.id,
              detail: `${p.start} – ${p.end}`,
              edit: admin ? () => setOpen({ kind: 'period', period: p }) : undefined,
              remove: remove(`period ${p.id}`, () => api('deletePeriod', { id: p.id, expected: p.version })),
            })),
            admin ? () => setOpen({ kind: 'period' }) : undefined,
          )}
          {column(
            'KPIs',
            'KPI',
            data.kpis.map((k) => ({
              label: k.title,
              detail: (
                <>
                  {k.direction === 'up' ? 'higher is better' : 'lower is better'}
                  {k.target !== undefined ? ` · target ${k.target}${k.unit ?? ''}` : ''}
                  {k.owner && (
                    <>
                      {' · '}
                      <OwnerName id={k.owner} />
                    </>
                  )}
                </>
              ),
              edit: editor ? () => setOpen({ kind: 'kpi', kpi: k }) : undefined,
              remove: remove(`KPI ${k.title}`, () => api('deleteKpi', { id: k.id, expected: k.version }), 'Its readings go with it.'),
            })),
            editor ? () => setOpen({ kind: 'kpi' }) : undefined,
          )}
        </div>
      )}
    </section>
  );
}
