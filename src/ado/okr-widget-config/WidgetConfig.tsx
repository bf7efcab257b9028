// The widget's configuration pane: what to show (KPI health, optionally of one team, or one
// objective's progress), with labelled native controls so it is keyboard and screen-reader ready.
import { useEffect, useId, useState } from 'react';
import type { ConfigController, ConfigState } from './config-controller';

export function WidgetConfig({ controller }: { controller: ConfigController }) {
  const id = useId();
  const [state, setState] = useState<ConfigState>({ status: 'waiting' });
  useEffect(() => controller.subscribe(setState), [controller]);
  if (state.status === 'waiting') return <p className="h-subtle">Loading…</p>;
  if (state.status === 'failed') {
    return (
      <p role="alert" className="h-notice h-tone-danger">
        {state.message}
      </p>
    );
  }
  const { settings, board } = state;
  const objectives = board.teams.flatMap((t) => t.objectives.map((o) => ({ ...o, teamName: t.name })));
  const change = (next: typeof settings) => void controller.change(next);
  return (
    <form className="ado-config" onSubmit={(e) => e.preventDefault()}>
      <fieldset className="ado-config-set">
        <legend className="h-label">Show</legend>
        <label className="ado-config-choice">
          <input type="radio" name={`${id}-show`} checked={settings.show === 'kpis'} onChange={() => change({ show: 'kpis' })} />
          KPI health
        </label>
        <label className="ado-config-choice">
          <input type="radio" name={`${id}-show`} checked={settings.show === 'objective'} onChange={() => change({ show: 'objective' })} />
          One objective's progress
        </label>
      </fieldset>
      {settings.show === 'kpis' ? (
        <label className="h-field">
          <span className="h-label">Team</span>
          <select className="h-input" value={settings.team ?? ''} onChange={(e) => change(e.target.value ? { show: 'kpis', team: e.target.value } : { show: 'kpis' })}>
            <option value="">Every team</option>
            {board.teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <label className="h-field">
          <span className="h-label">Objective</span>
          <select
            className="h-input"
            value={settings.objective ?? ''}
            aria-invalid={state.invalid ? true : undefined}
            aria-describedby={state.invalid ? `${id}-invalid` : undefined}
            onChange={(e) => change(e.target.value ? { show: 'objective', objective: e.target.value } : { show: 'objective' })}
          >
            <option value="">Choose an objective…</option>
            {objectives.map((o) => (
              <option key={o.id} value={o.id}>
                {o.id} · {o.title} ({o.teamName}, {o.period})
              </option>
            ))}
          </select>
          {state.invalid && (
            <span id={`${id}-invalid`} role="alert" className="h-field-error">
              {state.invalid}
            </span>
          )}
        </label>
      )}
    </form>
  );
}
