// The close review (issue 12): each KR of the period with the score it will be frozen at, a
// warning where its latest value is old or missing, and a grade and reflection to set before
// confirming. Nothing is written until "Close" is pressed; then one call closes and grades.
import { useId, useState } from 'react';
import type { GradeInput } from '../../app/api';
import { useApi } from '../client/api-context';
import { problemsFor } from '../client/api-error';
import { ErrorNotice } from '../components/ErrorNotice';
import { withUnit } from '../format/numbers';
import { useLoad } from '../hooks/use-load';
import { parseGrade, scoreText } from './score-text';
import { OwnerName } from '../authoring/people';

export interface CloseReviewProps {
  period: string;
  onDone: () => Promise<void>;
  onCancel: () => void;
}

interface Draft {
  grade: string;
  reflection: string;
}

export default function CloseReview({ period, onDone, onCancel }: CloseReviewProps) {
  const api = useApi();
  const id = useId();
  const preview = useLoad(() => api('previewClose', { period }), [api, period]);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  if (preview.status === 'loading') return <p className="h-subtle">Loading the review of {period}…</p>;
  if (preview.status === 'error') return <ErrorNotice error={preview.error} onRetry={() => void preview.reload()} />;
  const { keyResults, asOf } = preview.data;
  const draftOf = (kr: string, grade?: number, reflection?: string): Draft => drafts[kr] ?? { grade: grade === undefined ? '' : String(grade), reflection: reflection ?? '' };
  const warnings = keyResults.filter((k) => k.warning).length;

  async function confirm() {
    const grades: GradeInput[] = [];
    const found: Record<string, string> = {};
    for (const kr of keyResults) {
      const draft = drafts[kr.id];
      if (!draft) continue;
      const parsed = parseGrade(draft.grade);
      if ('error' in parsed) found[kr.id] = parsed.error;
      else grades.push({ kr: kr.id, grade: parsed.grade, reflection: draft.reflection });
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await api('closePeriod', { period, grades });
      await onDone();
    } catch (e) {
      const byKr: Record<string, string> = {};
      grades.forEach((g, i) => {
        const message = problemsFor(e, `grades[${i}]`)[0];
        if (message) byKr[g.kr] = message;
      });
      setErrors(byKr);
      setFailure(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="h-close-review" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="h-section-title">
        Close {period}
      </h2>
      <p className="h-hint">
        Scores are frozen as of {asOf}. Grade a KR to override its score (0 to 1); the progress stays as computed.
        {warnings > 0 && ` ${warnings} key result${warnings === 1 ? ' has' : 's have'} no recent value.`}
      </p>
      <ul className="h-card-list">
        {keyResults.map((kr) => {
          const draft = draftOf(kr.id, kr.grade, kr.reflection);
          const set = (patch: Partial<Draft>) => {
            setDrafts((d) => ({ ...d, [kr.id]: { ...draft, ...patch } }));
            if (patch.grade !== undefined) setErrors(({ [kr.id]: _fixed, ...rest }) => rest);
          };
          const field = `${id}-${kr.id}`;
          return (
            <li key={kr.id} className="h-card" data-review-kr={kr.id}>
              <div className="h-card-header">
                <h3 className="h-card-title">
                  <span className="h-kr-id">{kr.id}</span> {kr.title}
                </h3>
                <span className="h-score">Score {scoreText(kr.score)}</span>
              </div>
              <p className="h-subtle">
                {kr.objectiveTitle}
                {kr.current !== undefined && ` · value ${withUnit(kr.current, kr.unit)}`}
                {kr.units && ` · ${kr.units.done} of ${kr.units.total} items done`}
                {kr.owner && <> · <OwnerName id={kr.owner} /></>}
              </p>
              {kr.warning && (
                <p className="h-notice h-tone-warning" data-warning={kr.id}>
                  {kr.warning}
                </p>
              )}
              <div className="h-grade-form">
                <div className="h-field">
                  <label className="h-label" htmlFor={`${field}-grade`}>
                    Grade of {kr.id} (0 to 1)
                  </label>
                  <input
                    id={`${field}-grade`}
                    className="h-input"
                    inputMode="decimal"
                    value={draft.grade}
                    aria-invalid={errors[kr.id] ? true : undefined}
                    aria-describedby={errors[kr.id] ? `${field}-msg` : undefined}
                    onChange={(e) => set({ grade: e.target.value })}
                  />
                  {errors[kr.id] && (
                    <p id={`${field}-msg`} className="h-field-error">
                      {errors[kr.id]}
                    </p>
                  )}
                </div>
                <div className="h-field h-field-grow">
                  <label className="h-label" htmlFor={`${field}-reflection`}>
                    Reflection on {kr.id}
                  </label>
                  <textarea id={`${field}-reflection`} className="h-input" rows={2} value={draft.reflection} onChange={(e) => set({ reflection: e.target.value })} />
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      {failure !== undefined && <ErrorNotice error={failure} />}
      <div className="h-actions">
        <button type="button" className="h-button h-button-primary" disabled={busy} onClick={() => void confirm()}>
          Close {period}
        </button>
        <button type="button" className="h-button h-button-subtle" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
