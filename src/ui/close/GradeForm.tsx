// A closed KR's grade (0..1) and reflection, for its owner or an admin (gradeKeyResult). The grade
// is checked here before anything is sent; the app checks it again and may refuse.
import { useId, useState, type FormEvent } from 'react';
import { useApi } from '../client/api-context';
import { problemsFor } from '../client/api-error';
import { errorMessage } from '../format/errors';
import { parseGrade } from './score-text';

export interface GradeFormProps {
  kr: string;
  grade?: number;
  reflection?: string;
  onSaved: () => Promise<void>;
}

export function GradeForm({ kr, grade, reflection, onSaved }: GradeFormProps) {
  const api = useApi();
  const id = useId();
  const [gradeText, setGradeText] = useState(grade === undefined ? '' : String(grade));
  const [text, setText] = useState(reflection ?? '');
  const [error, setError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(undefined);
    setFormError(undefined);
    const parsed = parseGrade(gradeText);
    if ('error' in parsed) {
      setError(parsed.error);
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      await api('gradeKeyResult', { kr, grade: parsed.grade, reflection: text });
      setSaved(parsed.grade === null ? 'Saved; the score is the frozen progress.' : 'Grade saved.');
      await onSaved();
    } catch (e) {
      const onGrade = problemsFor(e, 'grade')[0];
      if (onGrade) setError(onGrade);
      else setFormError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="h-grade-form" onSubmit={(e) => void submit(e)} aria-label={`Grade ${kr}`}>
      <div className="h-field">
        <label className="h-label" htmlFor={`${id}-grade`}>
          Grade (0 to 1)
        </label>
        <input
          id={`${id}-grade`}
          className="h-input"
          inputMode="decimal"
          value={gradeText}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-grade-msg` : `${id}-grade-hint`}
          onChange={(e) => {
            setGradeText(e.target.value);
            setError(undefined);
          }}
        />
        {error ? (
          <p id={`${id}-grade-msg`} className="h-field-error">
            {error}
          </p>
        ) : (
          <p id={`${id}-grade-hint`} className="h-hint">
            Blank: the score is the frozen progress.
          </p>
        )}
      </div>
      <div className="h-field h-field-grow">
        <label className="h-label" htmlFor={`${id}-reflection`}>
          Reflection
        </label>
        <textarea id={`${id}-reflection`} className="h-input" rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="h-actions">
        <button type="submit" className="h-button" disabled={busy}>
          Save grade
        </button>
        <span role="status" className="h-saved">
          {saved}
        </span>
      </div>
      {formError && (
        <p role="alert" className="h-field-error">
          {formError}
        </p>
      )}
    </form>
  );
}
