// The gadget's edit view: which team, and whether to show KPI health, objective progress or
// both. Saving hands the configuration to Jira with view.submit; Jira stores it with the gadget
// and opens the view again with it in context.extension.gadgetConfiguration.
import { useId, useState, type FormEvent } from 'react';
import { useApi } from '../../../ui/client/api-context';
import { ErrorNotice } from '../../../ui/components/ErrorNotice';
import { FieldMessage } from '../../../ui/components/FieldMessage';
import { useLoad } from '../../../ui/hooks/use-load';
import type { GadgetConfig } from '../forge-context';

export interface GadgetEditProps {
  config: GadgetConfig;
  submit: (config: GadgetConfig) => Promise<void>;
}

export function GadgetEdit({ config, submit }: GadgetEditProps) {
  const api = useApi();
  const id = useId();
  const [team, setTeam] = useState(config.team ?? '');
  const [kpis, setKpis] = useState(config.show.kpis);
  const [objectives, setObjectives] = useState(config.show.objectives);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const board = useLoad(() => api('getBoard', {}), [api]);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!kpis && !objectives) {
      setError('Choose at least one thing to show.');
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      await submit({ ...(team ? { team } : {}), show: { kpis, objectives } });
    } catch (e) {
      setError(`Jira did not take the configuration: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }

  if (board.status === 'error') return <ErrorNotice error={board.error} onRetry={() => void board.reload()} />;
  const teams = board.data?.teams ?? [];
  return (
    <form className="hf-form" onSubmit={(e) => void save(e)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="h-section-title">
        Harmony gadget
      </h2>
      <div className="h-field">
        <label className="h-label" htmlFor={`${id}-team`}>
          Team
        </label>
        <select id={`${id}-team`} className="h-input" value={team} onChange={(e) => setTeam(e.target.value)} disabled={board.status === 'loading'}>
          <option value="">All teams</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
          {team && !teams.some((t) => t.id === team) && <option value={team}>{team}</option>}
        </select>
      </div>
      <fieldset aria-describedby={error ? `${id}-error` : undefined}>
        <legend>Show</legend>
        <label className="hf-check">
          <input type="checkbox" checked={kpis} onChange={(e) => setKpis(e.target.checked)} /> KPI health
        </label>
        <label className="hf-check">
          <input type="checkbox" checked={objectives} onChange={(e) => setObjectives(e.target.checked)} /> Objective progress
        </label>
        <FieldMessage id={`${id}-error`} message={error} />
      </fieldset>
      <div className="h-actions">
        <button type="submit" className="h-button h-button-primary" disabled={busy}>
          Save
        </button>
      </div>
    </form>
  );
}
