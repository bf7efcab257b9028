// Create or edit a key result: outcome (a measured number: start, target, unit, or the KPI it
// takes its value from) or effort (progress from linked work, counted or by estimate), with its
// weight, owner and whether it is also one of the plan's KPIs. `children` is a slot for sections
// other features add to the form (a KR measured by a query).
import { lazy, Suspense, type ReactNode } from 'react';
import type { KeyResultInput } from '../../app/api';
import type { KeyResultReport } from '../../core/report/types';
import { useApi } from '../client/api-context';
import { useOutline } from './authoring-data';
import { CheckboxField, FormFooter, SelectField, TextField } from './FormFields';
import { optional, optionalNumber, textOf, usePartForm, type FieldErrors } from './part-form';
import { OwnerPicker } from './Pickers';
import { parseMeasureText } from '../measure/measure-text';
import { useMeasured } from '../measure/use-measured';

// Issue 11: the measure editor loads with the first form that shows it.
const MeasureField = lazy(() => import('../measure/MeasureField'));

const LABELS = {
  title: 'Title',
  type: 'Type',
  start: 'Start',
  target: 'Target',
  unit: 'Unit',
  kpiRef: 'Measured by KPI',
  kpi: 'Also one of our KPIs',
  weight: 'Weight',
  weighting: 'Count work by',
  owner: 'Owner',
  measure: 'Measured by a query',
};
type KrFields = { [K in keyof typeof LABELS]: string };

function fieldsOf(kr: KeyResultReport | undefined): KrFields {
  return {
    title: kr?.title ?? '',
    type: kr?.type ?? 'outcome',
    start: kr?.type === 'outcome' ? textOf(kr.start) : '',
    target: kr?.type === 'outcome' ? textOf(kr.target) : '',
    unit: kr?.type === 'outcome' ? (kr.unit ?? '') : '',
    kpiRef: kr?.type === 'outcome' ? (kr.kpiRef ?? '') : '',
    kpi: kr?.kpi ? 'true' : '',
    weight: kr && kr.weight !== 1 ? textOf(kr.weight) : '',
    weighting: kr?.type === 'effort' ? kr.weighting : 'count',
    owner: kr?.owner ?? '',
    measure: '', // issue 11: filled in by MeasureField once the KR's stored measure is known
  };
}

export interface KeyResultFormProps {
  objective: { id: string; version: string; title?: string };
  kr?: KeyResultReport;
  /** Starts a new KR as this type (the panel's "for this epic" starts as effort). */
  type?: 'outcome' | 'effort';
  saveLabel?: string;
  /** Runs after the KR is saved, before the form closes (the panel links the item here). */
  afterSave?: (kr: KeyResultReport) => Promise<void>;
  onDone: (message: string) => Promise<void>;
  onCancel: () => void;
  children?: ReactNode;
}

export function KeyResultForm({ objective, kr, type, saveLabel, afterSave, onDone, onCancel, children }: KeyResultFormProps) {
  const api = useApi();
  const outline = useOutline();
  // Issue 11: the KR's measure, from the shared measured index (a KR report does not carry it).
  const measured = useMeasured();
  const form = usePartForm<KrFields, KeyResultInput, KeyResultReport>({
    initial: { ...fieldsOf(kr), ...(type && !kr ? { type } : {}) },
    version: objective.version,
    prefix: 'keyResult',
    labels: LABELS,
    parse: (f) => {
      const errors: FieldErrors<KrFields> = {};
      const num = (name: 'start' | 'target' | 'weight') => {
        const parsed = optionalNumber(f[name], LABELS[name]);
        if (!parsed.ok) errors[name] = parsed.message;
        return parsed.ok ? parsed.value : undefined;
      };
      const [start, target, weight] = [num('start'), num('target'), num('weight')];
      const measure = parseMeasureText(f.measure);
      if (!measure.ok) errors.measure = measure.message;
      if (Object.keys(errors).length) return { errors };
      const kind = f.type === 'effort' ? 'effort' : 'outcome';
      const part: Omit<KeyResultInput, 'objective'> = { title: f.title.trim(), type: kind };
      if (kr) part.id = kr.id;
      if (weight !== undefined) part.weight = weight;
      if (f.kpi === 'true') part.kpi = true;
      const owner = optional(f.owner);
      if (owner) part.owner = owner;
      if (kind === 'outcome') {
        if (start !== undefined) part.start = start;
        if (target !== undefined) part.target = target;
        const unit = optional(f.unit);
        if (unit) part.unit = unit;
        const kpiRef = optional(f.kpiRef);
        if (kpiRef) part.kpiRef = kpiRef;
        // Sent only once the stored measure is known: null would remove one not yet loaded.
        else if (measure.ok && (measured !== undefined || measure.measure)) part.measure = measure.measure;
      } else {
        part.weighting = f.weighting === 'estimate' ? 'estimate' : 'count';
      }
      return { payload: { objective: objective.id, ...part } };
    },
    save: (payload, expected) => api('saveKeyResult', { keyResult: payload, expected: expected ?? objective.version }),
    latest: async () => {
      const board = await api('getBoard', {});
      const now = board.teams.flatMap((t) => t.objectives).find((o) => o.id === objective.id);
      if (!now) return undefined;
      return { version: now.version, fields: fieldsOf(kr ? board.keyResults[kr.id] : undefined) };
    },
    onSaved: async (saved) => {
      await afterSave?.(saved);
      await onDone(kr ? `Saved ${saved.id} “${saved.title}”.` : `Created ${saved.id} “${saved.title}”.`);
    },
  });
  const outcome = form.fields.type !== 'effort';
  const kpis = (outline.data?.kpis ?? []).map((k) => ({ value: k.id, label: k.title }));
  return (
    <form className="h-author-form" onSubmit={(e) => void form.submit(e)} noValidate aria-label={kr ? `Edit key result ${kr.id}` : `New key result for ${objective.id}`}>
      <h3 className="h-author-title">{kr ? `Edit ${kr.id}` : `New key result${objective.title ? ` for “${objective.title}”` : ''}`}</h3>
      <div className="h-author-fields">
        <TextField form={form} name="title" label="Title" grow autoFocus />
        <SelectField
          form={form}
          name="type"
          label="Type"
          options={[
            { value: 'outcome', label: 'Outcome (measured)' },
            { value: 'effort', label: 'Effort (linked work)' },
          ]}
        />
        {outcome ? (
          <>
            <TextField form={form} name="start" label="Start" hint="number" />
            <TextField form={form} name="target" label="Target" hint="number" />
            <TextField form={form} name="unit" label="Unit" />
            <SelectField form={form} name="kpiRef" label="Measured by KPI" options={kpis} empty="None: check in by hand" />
          </>
        ) : (
          <SelectField
            form={form}
            name="weighting"
            label="Count work by"
            options={[
              { value: 'count', label: 'Number of items' },
              { value: 'estimate', label: 'Estimates (story points)' },
            ]}
          />
        )}
        <TextField form={form} name="weight" label="Weight (default 1)" hint="number" />
        <OwnerPicker form={form} name="owner" label="Owner" />
        <CheckboxField form={form} name="kpi" label="Also one of our KPIs" />
      </div>
      {outcome && !form.fields.kpiRef && (
        <Suspense fallback={null}>
          <MeasureField value={form.fields.measure} error={form.errors.measure} onChange={(text) => form.set('measure', text)} stored={kr ? measured?.get(kr.id)?.measure : undefined} />
        </Suspense>
      )}
      {children}
      <FormFooter form={form} saveLabel={saveLabel ?? (kr ? 'Save key result' : 'Create key result')} onCancel={onCancel} />
    </form>
  );
}
