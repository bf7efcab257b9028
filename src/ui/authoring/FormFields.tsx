// Labelled inputs bound to a PartForm: each names its field, shows its problem beneath it
// (aria-describedby, aria-invalid), and is an ordinary tab stop, so every form works from the
// keyboard alone.
import { useId, type ReactNode } from 'react';
import { FieldMessage } from '../components/FieldMessage';
import type { Fields, PartForm } from './part-form';

interface FieldProps<F extends Fields> {
  form: PartForm<F>;
  name: keyof F & string;
  label: string;
  hint?: string;
  grow?: boolean;
}

export function TextField<F extends Fields>({ form, name, label, hint, grow, type = 'text', autoFocus }: FieldProps<F> & { type?: 'text' | 'date'; autoFocus?: boolean }) {
  const id = useId();
  const error = form.errors[name];
  return (
    <div className={grow ? 'h-field h-field-grow' : 'h-field'}>
      <label className="h-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        name={name}
        className="h-input"
        type={type}
        inputMode={hint === 'number' ? 'decimal' : undefined}
        value={form.fields[name]}
        // The form opens where the user asked for it: the first field takes the focus.
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-msg` : undefined}
        onChange={(e) => form.set(name, e.target.value)}
      />
      <FieldMessage id={`${id}-msg`} message={error} />
    </div>
  );
}

export function SelectField<F extends Fields>({ form, name, label, options, empty }: FieldProps<F> & { options: { value: string; label: string }[]; empty?: string }) {
  const id = useId();
  const error = form.errors[name];
  return (
    <div className="h-field">
      <label className="h-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        name={name}
        className="h-input"
        value={form.fields[name]}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-msg` : undefined}
        onChange={(e) => form.set(name, e.target.value)}
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessage id={`${id}-msg`} message={error} />
    </div>
  );
}

export function CheckboxField<F extends Fields>({ form, name, label }: FieldProps<F>) {
  const id = useId();
  return (
    <div className="h-field h-field-check">
      <label className="h-check" htmlFor={id}>
        <input id={id} name={name} type="checkbox" checked={form.fields[name] === 'true'} onChange={(e) => form.set(name, e.target.checked ? 'true' : '')} /> {label}
      </label>
      <FieldMessage id={`${id}-msg`} message={form.errors[name]} />
    </div>
  );
}

/** The buttons, the form's own problem and, after a conflict, what the other person changed. */
export function FormFooter<F extends Fields>({ form, saveLabel, onCancel, children }: { form: PartForm<F>; saveLabel: string; onCancel: () => void; children?: ReactNode }) {
  return (
    <>
      {form.conflict && (
        <div className="h-notice h-tone-warning h-conflict" role="alert">
          <p>
            Someone else saved this while you were editing. Your values are kept.{' '}
            {form.conflict.length ? 'They changed:' : 'Their save changed none of these fields.'}
          </p>
          {form.conflict.length > 0 && (
            <ul>
              {form.conflict.map((c) => (
                <li key={c.field}>
                  {c.label}: now “{c.theirs || '(empty)'}”{form.fields[c.field] !== c.theirs ? `, yours “${form.fields[c.field] || '(empty)'}”` : ''}
                </li>
              ))}
            </ul>
          )}
          <p>Save again to replace theirs with yours, or cancel to keep theirs.</p>
        </div>
      )}
      {form.formError && (
        <p className="h-field-error" role="alert">
          {form.formError}
        </p>
      )}
      <div className="h-actions">
        <button type="submit" className="h-button h-button-primary" disabled={form.busy}>
          {form.busy ? 'Saving…' : form.conflict ? `${saveLabel} anyway` : saveLabel}
        </button>
        <button type="button" className="h-button h-button-subtle" onClick={onCancel}>
          Cancel
        </button>
        {children}
      </div>
    </>
  );
}
