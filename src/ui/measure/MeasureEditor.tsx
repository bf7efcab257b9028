// "Measured by a query": the query, how to aggregate it, and a live preview of what it matches
// now as the viewer, or the tracker's error in its own words. Used by the KR and KPI forms.
import { useId } from 'react';
import type { MeasureAggregate, MeasureTracker } from '../../core/model/measure';
import { measureOf, type MeasureFields } from './measure-input';
import { previewText, useMeasurePreview } from './use-measure-preview';

const AGGREGATES: { value: MeasureAggregate; label: string }[] = [
  { value: 'count', label: 'Count of matches' },
  { value: 'sum', label: 'Sum of a field' },
  { value: 'average', label: 'Average of a field' },
  { value: 'percent', label: 'Percent of another query' },
];

export function MeasureEditor({ fields, trackers, onChange, previewDelayMs }: { fields: MeasureFields; trackers: readonly MeasureTracker[]; onChange: (f: MeasureFields) => void; previewDelayMs?: number }) {
  const id = useId();
  const built = measureOf(fields);
  const preview = useMeasurePreview(built.measure, previewDelayMs);
  const set = (patch: Partial<MeasureFields>) => onChange({ ...fields, ...patch });
  const language = fields.tracker === 'jira' ? 'JQL' : 'WIQL';
  const text = preview.status === 'done' ? previewText(preview.preview, fields.tracker) : preview.status === 'waiting' ? 'Asking the tracker…' : built.missing;
  const failed = preview.status === 'done' && !preview.preview.ok;
  return (
    <fieldset className="h-measure-editor">
      <legend className="h-label">Measured by a query</legend>
      {trackers.length > 1 && (
        <div className="h-field">
          <label className="h-label" htmlFor={`${id}-tracker`}>
            Tracker
          </label>
          <select id={`${id}-tracker`} className="h-input" value={fields.tracker} onChange={(e) => set({ tracker: e.target.value as MeasureTracker })}>
            {trackers.map((t) => (
              <option key={t} value={t}>
                {t === 'jira' ? 'Jira (JQL)' : 'Azure DevOps (WIQL)'}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="h-field h-field-grow">
        <label className="h-label" htmlFor={`${id}-query`}>
          {language} query
        </label>
        <textarea
          id={`${id}-query`}
          className="h-input h-measure-query"
          rows={2}
          spellCheck={false}
          value={fields.query}
          placeholder={fields.tracker === 'jira' ? 'project = CS AND type = Bug AND statusCategory != Done' : "SELECT [System.Id] FROM WorkItems WHERE [System.WorkItemType] = 'Bug'"}
          aria-describedby={`${id}-preview`}
          onChange={(e) => set({ query: e.target.value })}
        />
      </div>
      <div className="h-field">
        <label className="h-label" htmlFor={`${id}-aggregate`}>
          Value
        </label>
        <select id={`${id}-aggregate`} className="h-input" value={fields.aggregate} onChange={(e) => set({ aggregate: e.target.value as MeasureAggregate })}>
          {AGGREGATES.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      {(fields.aggregate === 'sum' || fields.aggregate === 'average') && (
        <div className="h-field">
          <label className="h-label" htmlFor={`${id}-field`}>
            Field
          </label>
          <input id={`${id}-field`} className="h-input" type="text" value={fields.field} placeholder="estimate" onChange={(e) => set({ field: e.target.value })} />
        </div>
      )}
      {fields.aggregate === 'percent' && (
        <div className="h-field h-field-grow">
          <label className="h-label" htmlFor={`${id}-of`}>
            Of ({language}, the 100%)
          </label>
          <textarea id={`${id}-of`} className="h-input h-measure-query" rows={2} spellCheck={false} value={fields.of} onChange={(e) => set({ of: e.target.value })} />
        </div>
      )}
      <p id={`${id}-preview`} className={failed ? 'h-field-message h-tone-danger' : 'h-subtle'} role="status" aria-live="polite" data-measure-preview={preview.status}>
        {text}
        {preview.status === 'done' && preview.preview.ok && (
          <>
            {' · '}
            <a href={preview.preview.url} target="_blank" rel="noreferrer">
              open in {fields.tracker === 'jira' ? 'Jira' : 'Azure DevOps'}
            </a>
          </>
        )}
      </p>
    </fieldset>
  );
}
