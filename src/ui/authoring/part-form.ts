// The state every authoring form shares: typed values kept as text, the app's problems (the plan
// file's own rules and messages, core/plan/part-problems.ts, run by the use case) mapped from
// their payload paths (`objective.title`) onto the fields they name, and a conflict
// that keeps what was typed: the form shows what the other person changed and saves over it
// only when asked, with the version it has now seen.
import { useState, type FormEvent } from 'react';
import type { Problem } from '../../core/model/errors';
import { isApiError } from '../client/api-error';
import { errorMessage } from '../format/errors';

export type Fields = Record<string, string>;
export type FieldErrors<F extends Fields> = Partial<Record<keyof F & string, string>>;

export interface Change {
  field: string;
  label: string;
  theirs: string;
}

export interface PartFormOptions<F extends Fields, P, R> {
  initial: F;
  /** The version the form started from; null: a new part. */
  version: string | null;
  /** Where the app puts this part's problems in its payload (`objective`, `keyResult`). */
  prefix: string;
  labels: Record<keyof F & string, string>;
  /**
   * Text → payload, or problems by field that text alone shows (a number that is not one). The
   * plan's rules are the app's to run: running them here too would ship the schema library to
   * every page, and on Forge its eval probe breaks the Content Security Policy.
   */
  parse: (fields: F) => { payload: P } | { errors: FieldErrors<F> };
  save: (payload: P, version: string | null) => Promise<R>;
  /** The part as stored now, after a conflict: its version and its values as text. */
  latest?: () => Promise<{ version: string; fields: F } | undefined>;
  onSaved: (result: R) => Promise<void> | void;
}

export interface PartForm<F extends Fields> {
  fields: F;
  set: (name: keyof F & string, value: string) => void;
  errors: FieldErrors<F>;
  formError: string | undefined;
  conflict: Change[] | undefined;
  busy: boolean;
  submit: (event?: FormEvent) => Promise<void>;
}

/** Problems at paths relative to the part (`title`, `keyResults[0].weight` → `title`). */
export function byField<F extends Fields>(problems: readonly Problem[], known: readonly string[]): { errors: FieldErrors<F>; rest: string[] } {
  const errors: Record<string, string> = {};
  const rest: string[] = [];
  for (const p of problems) {
    const field = p.path.split(/[.[]/)[0] ?? '';
    if (known.includes(field) && errors[field] === undefined) errors[field] = p.message;
    else if (!known.includes(field)) rest.push(p.path ? `${p.path}: ${p.message}` : p.message);
  }
  return { errors: errors as FieldErrors<F>, rest };
}

export function usePartForm<F extends Fields, P, R>(options: PartFormOptions<F, P, R>): PartForm<F> {
  const { initial, prefix, labels, parse, save, latest, onSaved } = options;
  const [fields, setFields] = useState<F>(initial);
  const [version, setVersion] = useState<string | null>(options.version);
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [formError, setFormError] = useState<string>();
  const [conflict, setConflict] = useState<Change[]>();
  const [busy, setBusy] = useState(false);
  const known = Object.keys(labels);

  const set = (name: keyof F & string, value: string) => {
    setFields((f) => ({ ...f, [name]: value }));
    setErrors((e) => ({ ...e, [name]: undefined }));
  };

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setFormError(undefined);
    const parsed = parse(fields);
    if ('errors' in parsed) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const result = await save(parsed.payload, version);
      setConflict(undefined);
      await onSaved(result);
    } catch (error) {
      if (isApiError(error) && error.code === 'conflict') {
        const now = await latest?.().catch(() => undefined);
        if (now) {
          setVersion(now.version);
          setConflict(known.filter((k) => now.fields[k] !== initial[k]).map((k) => ({ field: k, label: labels[k as keyof F & string], theirs: now.fields[k] ?? '' })));
        } else {
          setFormError('Someone else changed or deleted this while you were editing. Your values are kept; copy them before closing.');
        }
      } else if (isApiError(error) && error.code === 'invalid-input') {
        const stripped = error.problems.map((p) => ({ path: p.path.startsWith(`${prefix}.`) ? p.path.slice(prefix.length + 1) : p.path, message: p.message }));
        const mapped = byField<F>(stripped, known);
        setErrors(mapped.errors);
        if (mapped.rest.length) setFormError(mapped.rest.join(' '));
      } else {
        setFormError(errorMessage(error));
      }
    } finally {
      setBusy(false);
    }
  }

  return { fields, set, errors, formError, conflict, busy, submit };
}

/** One number parser for every form (forms/number-field.ts). */
export { parseOptionalNumber as optionalNumber } from '../forms/number-field';

export const textOf = (value: number | string | undefined | null): string => (value === undefined || value === null ? '' : String(value));
export const optional = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());
