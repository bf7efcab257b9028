// "OKRs as code" (SPEC §1): paste or pick a plan file to replace the stored plan, or export the
// stored plan as YAML or JSON. The Azure DevOps plan hub and the workbench's plan page show it.
import './plan-transfer.css';
import { useId, useState, type ChangeEvent } from 'react';
import type { ApiOutput } from '../../app/api';
import { isApiError } from '../client/api-error';
import { useApi } from '../client/api-context';
import { errorMessage } from '../format/errors';
import { mayAdminister, usePermissions } from '../hooks/use-permissions';

function formatOf(text: string): 'yaml' | 'json' {
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

/** `adminNote`: who may import, in the host's words (shown to those who may not). */
export function PlanTransfer({ adminNote = 'Only Harmony admins may import a plan file. You may export it.' }: { adminNote?: string }) {
  const api = useApi();
  const admin = mayAdminister(usePermissions());
  const id = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'success' | 'danger'; lines: string[] }>();
  const [exported, setExported] = useState<ApiOutput<'exportPlan'> & { format: 'yaml' | 'json' }>();

  async function pick(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
  }

  async function importText() {
    setBusy(true);
    setResult(undefined);
    try {
      const counts = await api('importPlan', { text, format: formatOf(text) });
      setResult({ tone: 'success', lines: [`Imported ${counts.objectives} objectives, ${counts.keyResults} key results and ${counts.kpis} KPIs.`] });
    } catch (error) {
      const problems = isApiError(error) && error.code === 'invalid-input' ? error.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)) : [];
      setResult({ tone: 'danger', lines: problems.length > 0 ? ['Nothing was imported. Fix these and try again:', ...problems] : [errorMessage(error)] });
    } finally {
      setBusy(false);
    }
  }

  async function exportAs(format: 'yaml' | 'json') {
    setBusy(true);
    try {
      setExported({ ...(await api('exportPlan', { format })), format });
    } catch (error) {
      setResult({ tone: 'danger', lines: [errorMessage(error)] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="h-plan-transfer">
      {!admin && (
        <p className="h-hint" role="note">
          {adminNote}
        </p>
      )}
      <section aria-labelledby={`${id}-import`} hidden={!admin}>
        <h2 id={`${id}-import`} className="h-section-title">Import a plan file</h2>
        <p className="h-hint">Importing replaces the stored objectives, key results and KPIs with the file's. The file is checked in full first; if anything is wrong, nothing changes.</p>
        <div className="h-actions">
          <label className="h-field">
            <span className="h-label">Plan file (YAML or JSON)</span>
            <input type="file" accept=".yaml,.yml,.json,application/json,text/yaml" onChange={(e) => void pick(e)} />
          </label>
        </div>
        <label className="h-field">
          <span className="h-label">Or paste it here</span>
          <textarea className="h-input h-plan-text" rows={10} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
        </label>
        <div className="h-actions">
          <button type="button" className="h-button h-button-primary" disabled={busy || text.trim() === ''} onClick={() => void importText()}>
            Import
          </button>
        </div>
        {result && (
          <div role={result.tone === 'danger' ? 'alert' : 'status'} className={`h-notice h-tone-${result.tone}`}>
            {result.lines.map((line, i) => (
              <p key={i} className="h-plan-line">
                {line}
              </p>
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby={`${id}-export`}>
        <h2 id={`${id}-export`} className="h-section-title">Export the stored plan</h2>
        <div className="h-actions">
          <button type="button" className="h-button" disabled={busy} onClick={() => void exportAs('yaml')}>
            Export YAML
          </button>
          <button type="button" className="h-button" disabled={busy} onClick={() => void exportAs('json')}>
            Export JSON
          </button>
          {exported && (
            <a className="h-button h-button-subtle" download={`okr-plan.${exported.format}`} href={`data:text/plain;charset=utf-8,${encodeURIComponent(exported.text)}`}>
              Download okr-plan.{exported.format}
            </a>
          )}
        </div>
        {exported && (
          <label className="h-field">
            <span className="h-label">Exported plan ({exported.format.toUpperCase()})</span>
            <textarea className="h-input h-plan-text" rows={12} readOnly value={exported.text} spellCheck={false} />
          </label>
        )}
      </section>
    </div>
  );
}
