// Create or edit a KPI: direction, target, the guardrail threshold, how often it is read, where
// the number comes from, its owner and team. `children`: a slot for sections other features add.
import { lazy, Suspense, type ReactNode } from 'react';
import type { KpiInput, PlanOutline } from '../../app/api';
import { useApi } from '../client/api-context';
import { teamOptions, useOutline } from './authoring-data';
import { FormFooter, SelectField, TextField } from './FormFields';
import { optional, optionalNumber, textOf, usePartForm, type FieldErrors } from './part-form';
import { OwnerPicker } from './Pickers';
import { measureText, parseMeasureText } from '../measure/measure-text';

// Issue 11: the measure editor loads with the first form that shows it.
const MeasureField = lazy(() => import('../measure/MeasureField'));

type Kpi = PlanOutline['kpis'][number];
const LABELS = { title: 'Title', unit: 'Unit', direction: 'Better when', target: 'Target', threshold: 'Threshold (guardrail)', frequency: 'Read', source: 'Source', owner: 'Owner', team: 'Team', measure: 'Measured by a query' };
type KpiFields = { [K in keyof typeof LABELS]: string };

const fieldsOf = (k: Kpi | undefined): KpiFields => ({
  title: k?.title ?? '',
  unit: k?.unit ?? '',
  direction: k?.direction ?? 'up',
  target: textOf(k?.target),
  threshold: textOf(k?.threshold),
  frequency: k?.frequency ?? '',
  source: k?.source ?? '',
  owner: k?.owner ?? '',
  team: k?.team ?? '',
  measure: measureText(k?.measure), // issue 11
});

export function KpiForm({ kpi, onDone, onCancel, children }: { kpi?: Kpi; onDone: (message: string) => Promise<void>; onCancel: () => void; children?: ReactNode }) {
  const api = useApi();
  const outline = useOutline();
  const form = usePartForm<KpiFields, KpiInput, { id: string; title: string }>({
    initial: fieldsOf(kpi),
    version: kpi?.version ?? null,
    prefix: 'kpi',
    labels: LABELS,
    parse: (f) => {
      const errors: FieldErrors<KpiFields> = {};
      const target = optionalNumber(f.target, 'Target');
      const threshold = optionalNumber(f.threshold, 'Threshold');
      if (!target.ok) errors.target = target.message;
      if (!threshold.ok) errors.threshold = threshold.message;
      const measure = parseMeasureText(f.measure);
      if (!measure.ok) errors.measure = measure.message;
      if (!target.ok || !threshold.ok || !measure.ok) return { errors };
      const payload: KpiInput = { title: f.title.trim(), direction: f.direction === 'down' ? 'down' : 'up' };
      if (kpi) payload.id = kpi.id;
      const set = <K extends keyof KpiInput>(key: K, value: KpiInput[K] | undefined) => {
        if (value !== undefined) payload[key] = value;
      };
      set('unit', optional(f.unit));
      set('target', target.value);
      set('threshold', threshold.value);
      set('frequency', f.frequency === 'weekly' || f.frequency === 'monthly' || f.frequency === 'quarterly' ? f.frequency : undefined);
      set('source', optional(f.source));
      // An empty owner on an edit clears the stored one.
      set('owner', optional(f.owner) ?? (kpi?.owner ? '' : undefined));
      set('team', optional(f.team));
      set('measure', measure.measure); // null removes a stored one
      return { payload };
    },
    save: (payload, expected) => api('saveKpi', { kpi: payload, expected }),
    latest: async () => {
      if (!kpi) return undefined;
      const now = (await api('getPlanOutline', {})).kpis.find((k) => k.id === kpi.id);
      return now && { version: now.version, fields: fieldsOf(now) };
    },
    onSaved: (saved) => onDone(kpi ? `Saved KPI “${saved.title}”.` : `Created KPI “${saved.title}” (${saved.id}).`),
  });
  return (
    <form className="h-author-form" onSubmit={(e) => void form.submit(e)} noValidate aria-label={kpi ? `Edit KPI ${kpi.id}` : 'New KPI'}>
      <h3 className="h-author-title">{kpi ? `Edit KPI ${kpi.title}` : 'New KPI'}</h3>
      <div className="h-author-fields">
        <TextField form={form} name="title" label="Title" grow autoFocus />
        <SelectField
          form={form}
          name="direction"
          label="Better when"
          options={[
            { value: 'up', label: 'Higher' },
            { value: 'down', label: 'Lower' },
          ]}
        />
        <TextField form={form} name="target" label="Target" hint="number" />
        <TextField form={form} name="threshold" label="Threshold (guardrail)" hint="number" />
        <TextField form={form} name="unit" label="Unit" />
        <SelectField
          form={form}
          name="frequency"
          label="Read"
          empty="Not set"
          options={[
            { value: 'weekly', label: 'Weekly' },
            { value: 'monthly', label: 'Monthly' },
            { value: 'quarterly', label: 'Quarterly' },
          ]}
        />
        <TextField form={form} name="source" label="Source" grow />
        <SelectField form={form} name="team" label="Team" options={teamOptions(outline.data)} empty="Whole organization" />
        <OwnerPicker form={form} name="owner" label="Owner" />
      </div>
      <Suspense fallback={null}>
        <MeasureField value={form.fields.measure} error={form.errors.measure} onChange={(text) => form.set('measure', text)} />
      </Suspense>
      {children}
      <FormFooter form={form} saveLabel={kpi ? 'Save KPI' : 'Create KPI'} onCancel={onCancel} />
    </form>
  );
}
