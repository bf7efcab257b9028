// A KR's measure on the board: the query (and a link to the tracker's own search for it), how
// old the value is, "Measure now" and the run log; or, for an outcome KR typed in by hand, the
// editor that makes it measured, with its live preview.
import { useState } from 'react';
import type { KeyResultInput } from '../../app/api';
import type { OutcomeKeyResultReport } from '../../core/report/types';
import { useApi } from '../client/api-context';
import { ErrorNotice } from '../components/ErrorNotice';
import { errorMessage } from '../format/errors';
import { mayCheckIn, usePermissions } from '../hooks/use-permissions';
import { useLoad } from '../hooks/use-load';
import { MeasureEditor } from './MeasureEditor';
import { MeasureRunLog } from './MeasureRunLog';
import { fieldsOf, measureOf, type MeasureFields } from './measure-input';
import { refreshMeasured } from './use-measured';
import { valueAge } from './value-age';

export function MeasureSection({ kr, onChanged, now = () => Date.now() }: { kr: OutcomeKeyResultReport; onChanged: () => Promise<void>; now?: () => number }) {
  const api = useApi();
  const log = useLoad(() => api('getMeasureRuns', { id: kr.id }), [api, kr.id]);
  const canRun = mayCheckIn(usePermissions(), kr.owner);
  const [fields, setFields] = useState<MeasureFields>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  if (log.status === 'loading' || kr.kpiRef !== undefined) return null;
  if (log.status === 'error') return <ErrorNotice error={log.error} onRetry={() => void log.reload()} />;
  const entry = log.data[0];
  const lastUrl = entry?.runs.find((r) => r.url)?.url;

  async function act(what: () => Promise<unknown>) {
    setBusy(true);
    setError(undefined);
    try {
      await what();
      refreshMeasured(api);
      await Promise.all([log.reload(), onChanged()]);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function save(f: MeasureFields) {
    const { measure } = measureOf(f);
    if (!measure) return;
    // A KR lives in its objective's document: its version comes with the board.
    const board = await api('getBoard', {});
    const objective = board.teams.flatMap((t) => t.objectives).find((o) => o.id === kr.objective);
    if (!objective) throw new Error(`objective ${kr.objective} is not on the board`);
    const keyResult: KeyResultInput = {
      objective: kr.objective,
      id: kr.id,
      title: kr.title,
      type: 'outcome',
      kpi: kr.kpi,
      measure,
      ...(kr.start !== undefined ? { start: kr.start } : {}),
      ...(kr.target !== undefined ? { target: kr.target } : {}),
      ...(kr.unit !== undefined ? { unit: kr.unit } : {}),
      ...(kr.owner !== undefined ? { owner: kr.owner } : {}),
      ...(kr.weight !== 1 ? { weight: kr.weight } : {}),
    };
    await api('saveKeyResult', { keyResult, expected: objective.version });
    setFields(undefined);
  }

  return (
    <section className="h-measure" aria-label={`How ${kr.id} is measured`} data-measure={kr.id}>
      <h4 className="h-why-heading">Measured value</h4>
      {entry ? (
        <>
          <p>
            <code className="h-measure-code">{entry.measure.jql ?? entry.measure.wiql}</code>
            {entry.measure.aggregate && entry.measure.aggregate !== 'count' && <span className="h-tag">{entry.measure.aggregate}</span>}
          </p>
          <p className="h-subtle" data-measure-age>
            {entry.lastValueAt ? `Value measured ${valueAge(entry.lastValueAt, now())}` : 'No value measured yet'}
            {lastUrl && (
              <>
                {' · '}
                <a href={lastUrl} target="_blank" rel="noreferrer">
                  open the query in {entry.measure.jql !== undefined ? 'Jira' : 'Azure DevOps'}
                </a>
              </>
            )}
          </p>
        </>
      ) : (
        <p className="h-subtle">Typed in by hand.</p>
      )}
      {canRun && (
        <div className="h-actions">
          {entry && (
            <button type="button" className="h-button h-button-primary" disabled={busy} onClick={() => void act(() => api('measureNow', { id: kr.id }))}>
              {busy ? 'Measuring…' : 'Measure now'}
            </button>
          )}
          {!fields && (
            <button type="button" className="h-button h-button-subtle" onClick={() => setFields(fieldsOf(entry?.measure))}>
              {entry ? 'Change the query' : 'Measure by a query'}
            </button>
          )}
        </div>
      )}
      {fields && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => save(fields));
          }}
        >
          <MeasureEditor fields={fields} trackers={['jira', 'ado']} onChange={setFields} />
          <div className="h-actions">
            <button type="submit" className="h-button h-button-primary" disabled={busy || !measureOf(fields).measure}>
              Save the measure
            </button>
            <button type="button" className="h-button h-button-subtle" onClick={() => setFields(undefined)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {error && <p className="h-field-message h-tone-danger" role="alert">{error}</p>}
      {entry && entry.runs.length > 0 && (
        <details>
          <summary>Run log ({entry.runs.length})</summary>
          <MeasureRunLog runs={entry.runs} />
        </details>
      )}
    </section>
  );
}
