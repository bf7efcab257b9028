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

  const row = (label: string, detail: ReactNode, edit: (() => void) | undefined, remove: (() => void) | undefined) => (
    <li className="h-structure-row" key={label}>
      <span className="h-row-title">{label}</span>
      <span className="h-subtle">{detail}</span>
      {edit && (
        <button type="button" className="h-button h-button-subtle" onClick={edit}>
          Edit<span className="h-sr-only"> {label}</span>
        </button>
      )}
      {remove && (
        <button type="button" className="h-button h-button-subtle" onClick={remove}>
          Delete<span className="h-sr-only"> {label}</span>
        </button>
      )}
    </li>
  );

  return (
    <section className="h-structure" aria-label="Teams, periods and KPIs">
      {outline.status === 'error' && <ErrorNotice error={outline.error} onRetry={() => void outline.reload()} />}
      {form}
      {data && (
        <div className="h-structure-columns">
          <div>
            <h3 className="h-author-title">Teams</h3>
            {data.teams.length === 0 && <p className="h-empty">No teams yet.</p>}
            <ul className="h-structure-list">
              {data.teams.map((t) =>
                row(
                  t.name,
                  t.parent ? `part of ${teamName(t.parent)}` : 'top level',
                  admin ? () => setOpen({ kind: 'team', team: t }) : undefined,
                  admin ? () => setOpen({ kind: 'delete', what: `team ${t.name}`, run: () => api('deleteTeam', { id: t.id, expected: t.version }) }) : undefined,
                ),
              )}
            </ul>
            {admin && (
              <button type="button" className="h-button" onClick={() => setOpen({ kind: 'team' })}>
                New team
              </button>
            )}
          </div>
          <div>
            <h3 className="h-author-title">Periods</h3>
            {data.periods.length === 0 && <p className="h-empty">No periods yet.</p>}
            <ul className="h-structure-list">
              {data.periods.map((p) =>
                row(
                  p.id,
                  `${p.start} – ${p.end}`,
                  admin ? () => setOpen({ kind: 'period', period: p }) : undefined,
                  admin ? () => setOpen({ kind: 'delete', what: `period ${p.id}`, run: () => api('deletePeriod', { id: p.id, expected: p.version }) }) : undefined,
                ),
              )}
            </ul>
            {admin && (
              <button type="button" className="h-button" onClick={() => setOpen({ kind: 'period' })}>
                New period
              </button>
            )}
          </div>
          <div>
            <h3 className="h-author-title">KPIs</h3>
            {data.kpis.length === 0 && <p className="h-empty">No KPIs yet.</p>}
            <ul className="h-structure-list">
              {data.kpis.map((k) =>
                row(
                  k.title,
                  <>
                    {k.direction === 'up' ? 'higher is better' : 'lower is better'}
                    {k.target !== undefined ? ` · target ${k.target}${k.unit ?? ''}` : ''}
                    {k.owner ? (
                      <>
                        {' · '}
                        <OwnerName id={k.owner} />
                      </>
                    ) : null}
                  </>,
                  editor ? () => setOpen({ kind: 'kpi', kpi: k }) : undefined,
                  admin
                    ? () => setOpen({ kind: 'delete', what: `KPI ${k.title}`, consequence: 'Its readings go with it.', run: () => api('deleteKpi', { id: k.id, expected: k.version }) })
                    : undefined,
                ),
              )}
            </ul>
            {editor && (
              <button type="button" className="h-button" onClick={() => setOpen({ kind: 'kpi' })}>
                New KPI
              </button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
