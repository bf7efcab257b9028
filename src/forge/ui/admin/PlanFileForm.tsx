// Teams and periods are part of the plan (SPEC §1): the admin exports the plan file, edits its
// `teams:` and `periods:`, and imports it back. Import is all or nothing; a refused file lists
// every problem with its path.
import { useId, useState } from 'react';
import { useApi } from '../../../ui/client/api-context';
import { isApiError } from '../../../ui/client/api-error';
import { errorMessage } from '../../../ui/format/errors';
import { mayAdminister, usePermissions } from '../../../ui/hooks/use-permissions';

export function PlanFileForm() {
  const api = useApi();
  const id = useId();
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ tone: 'success' | 'danger'; text: string; problems?: string[] }>();
  const [busy, setBusy] = useState(false);
  const admin = mayAdminister(usePermissions());

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setMessage(undefined);
    try {
      await action();
    } catch (error) {
      const problems = isApiError(error) ? error.problems.map((p) => `${p.path}: ${p.message}`) : [];
      setMessage({ tone: 'danger', text: problems.length ? 'The plan file was refused; nothing changed.' : errorMessage(error), problems });
    } finally {
      setBusy(false);
    }
  }

  const exportPlan = () =>
    run(async () => {
      setText((await api('exportPlan', { format: 'yaml' })).text);
      setMessage({ tone: 'success', text: 'Exported the current plan. Edit teams and periods below, then import.' });
    });
  const importPlan = () =>
    run(async () => {
      const counts = await api('importPlan', { text, format: 'yaml' });
      setMessage({ tone: 'success', text: `Imported ${counts.objectives} objectives, ${counts.keyResults} key results and ${counts.kpis} KPIs.` });
    });

  return (
    <section className="hf-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="h-section-title">
        Teams, periods and the plan file
      </h2>
      <p className="h-hint">Teams and periods live in the plan. Export it, change its teams and periods, and import it back.</p>
      <div className="h-field">
        <label className="h-label" htmlFor={`${id}-text`}>
          Plan file (YAML)
        </label>
        <textarea id={`${id}-text`} className="h-input hf-code" value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      </div>
      <div className="h-actions">
        <button type="button" className="h-button" onClick={() => void exportPlan()} disabled={busy}>
          Export the plan
        </button>
        {admin && (
          <button type="button" className="h-button h-button-primary" onClick={() => void importPlan()} disabled={busy || text.trim() === ''}>
            Import the plan
          </button>
        )}
      </div>
      {message && (
        <div className={`h-notice h-tone-${message.tone}`} role={message.tone === 'danger' ? 'alert' : 'status'}>
          <div>
            {message.text}
            {message.problems && message.problems.length > 0 && (
              <ul>
                {message.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
