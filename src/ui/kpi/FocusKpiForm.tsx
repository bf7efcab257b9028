// "Focus as a KR" (seed 002): a breached KPI becomes an outcome KR under an objective for a
// period, starting from its current value. The objectives come from the board.
import { useId, useState, type FormEvent } from 'react';
import type { KpiReadout } from '../../app/api';
import { useApi } from '../client/api-context';
import { problemsFor } from '../client/api-error';
import { FieldMessage } from '../components/FieldMessage';
import { errorMessage } from '../format/errors';
import { withUnit } from '../format/numbers';
import { objectiveChange } from '../format/progress-change';
import type { FieldErrors } from '../forms/check-in-input';
import { validateFocus, type FocusFields } from '../forms/focus-kpi-input';
import { useLoad } from '../hooks/use-load';

type Kpi = KpiReadout['kpis'][number];

export function FocusKpiForm({ kpi, onDone, onCancel }: { kpi: Kpi; onDone: (message: string) => Promise<void>; onCancel: () => void }) {
  const api = useApi();
  const id = useId();
  const objectives = useLoad(async () => {
    const board = await api('getBoard', {});
    // A KPI is focused on from now on: objectives of periods that have ended are not offered.
    const ended = new Set(board.periods.filter((p) => p.end < board.at).map((p) => p.id));
    return board.teams.flatMap((t) => t.objectives.filter((o) => !ended.has(o.period)).map((o) => ({ id: o.id, label: `${o.title} (${t.name}, ${o.period})`, progress: o.progress })));
  }, [api]);
  const [fields, setFields] = useState<FocusFields>({
    objective: '',
    target: kpi.target !== undefined ? String(kpi.target) : '',
    title: '',
  });
  const [errors, setErrors] = useState<FieldErrors<FocusFields>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const set = (name: keyof FocusFields, value: string) => {
    setFields((f) => ({ ...f, [name]: value }));
    setErrors((e) => ({ ...e, [name]: undefined }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    const { payload, errors: found } = validateFocus(fields);
    setErrors(found);
    if (!payload) return;
    setBusy(true);
    try {
      const kr = await api('focusKpi', { kpi: kpi.id, ...payload });
      // Before/after (issue 10 §5): the new KR starts at 0% and lowers its objective's progress.
      const before = objectives.data?.find((o) => o.id === payload.objective)?.progress;
      const after = await api('getKeyResult', { kr: kr.id }).then((d) => objectiveChange(payload.objective, before, d.objective.progress), () => '');
      await onDone(`Created ${kr.id} “${kr.title}” to bring ${kpi.title} to ${withUnit(payload.target, kpi.unit)}.${after ? ` ${after}` : ''}`);
    } catch (error) {
      const byField = { objective: problemsFor(error, 'objective')[0], target: problemsFor(error, 'target')[0], title: problemsFor(error, 'title')[0] };
      setErrors(byField);
      if (!byField.objective && !byField.target && !byField.title) setFormError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const describe = (name: keyof FocusFields) => (errors[name] ? `${id}-${name}-msg` : undefined);
  return (
    <form className="h-focus-form" onSubmit={(e) => void submit(e)} noValidate aria-label={`Focus ${kpi.title} as a key result`}>
      <div className="h-field">
        <label className="h-label" htmlFor={`${id}-objective`}>
          Objective
        </label>
        <select
          id={`${id}-objective`}
          className="h-input"
          value={fields.objective}
          aria-invalid={errors.objective ? true : undefined}
          aria-describedby={describe('objective')}
          onChange={(e) => set('objective', e.target.value)}
        >
          <option value="">{objectives.status === 'loading' ? 'Loading objectives…' : 'Choose an objective'}</option>
          {objectives.data?.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
        <FieldMessage id={`${id}-objective-msg`} message={errors.objective} />
      </div>
      <div className="h-field">
        <label className="h-label" htmlFor={`${id}-target`}>
          Target{kpi.unit ? ` (${kpi.unit})` : ''}
        </label>
        <input
          id={`${id}-target`}
          className="h-input"
          type="text"
          inputMode="decimal"
          value={fields.target}
          aria-invalid={errors.target ? true : undefined}
          aria-describedby={describe('target')}
          onChange={(e) => set('target', e.target.value)}
        />
        <FieldMessage id={`${id}-target-msg`} message={errors.target} />
      </div>
      <div className="h-field h-field-grow">
        <label className="h-label" htmlFor={`${id}-title`}>
          Key result title (optional)
        </label>
        <input
          id={`${id}-title`}
          className="h-input"
          type="text"
          placeholder={`Bring ${kpi.title} back to target`}
          value={fields.title}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={describe('title')}
          onChange={(e) => set('title', e.target.value)}
        />
        <FieldMessage id={`${id}-title-msg`} message={errors.title} />
      </div>
      <div className="h-actions">
        <button type="submit" className="h-button h-button-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create key result'}
        </button>
        <button type="button" className="h-button h-button-subtle" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {formError && (
        <p className="h-field-error" role="alert">
          {formError}
        </p>
      )}
    </form>
  );
}
