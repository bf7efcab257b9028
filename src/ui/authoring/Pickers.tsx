// Choosing, never typing, what a field names: an owner from the host's people and the objective
// or key result an objective aligns to. Both search as the user types (the shared Combobox), and
// show the choice by name with a button to clear it.
import { useEffect, useId, useState } from 'react';
import type { Person } from '../../core/ports/people-directory';
import { foldForSearch } from '../../core/model/search-text';
import { useApi } from '../client/api-context';
import { Combobox } from '../components/Combobox';
import { FieldMessage } from '../components/FieldMessage';
import type { Fields, PartForm } from './part-form';
import { rememberPerson, usePeople } from './people';

interface PickerProps<F extends Fields> {
  form: PartForm<F>;
  name: keyof F & string;
  label: string;
}

function Chosen({ text, label, onClear }: { text: string; label: string; onClear: () => void }) {
  return (
    <p className="h-chosen">
      <span>{text}</span>
      <button type="button" className="h-button h-button-subtle" onClick={onClear}>
        Clear<span className="h-sr-only"> {label}</span>
      </button>
    </p>
  );
}

export function OwnerPicker<F extends Fields>({ form, name, label }: PickerProps<F>) {
  const api = useApi();
  const id = useId();
  const value = form.fields[name] ?? '';
  const person = usePeople(value ? [value] : []).get(value);
  const error = form.errors[name];
  return (
    <div className="h-field h-field-grow">
      <Combobox<Person>
        label={label}
        placeholder="Search people by name"
        search={(text) => api('searchPeople', { text, limit: 8 })}
        optionKey={(p) => p.id}
        optionLabel={(p) => p.name}
        optionDetail={(p) => p.detail}
        onSelect={(p) => {
          rememberPerson(api, p);
          form.set(name, p.id);
        }}
        describedBy={error ? `${id}-msg` : undefined}
        invalid={Boolean(error)}
      />
      {value && <Chosen text={person ? `${person.name}${person.detail ? ` (${person.detail})` : ''}` : value} label={label} onClear={() => form.set(name, '')} />}
      <FieldMessage id={`${id}-msg`} message={error} />
    </div>
  );
}

export interface AlignTarget {
  id: string;
  title: string;
  kind: 'objective' | 'key result';
  detail: string;
}

/**
 * The objective or KR an objective aligns to. `targets` are everything it may align to (the app
 * refuses a cycle and says so); `exclude` leaves out the objective itself and its own KRs.
 */
export function AlignmentPicker<F extends Fields>({ form, name, label, targets, exclude }: PickerProps<F> & { targets: () => Promise<AlignTarget[]>; exclude: ReadonlySet<string> }) {
  const id = useId();
  const value = form.fields[name] ?? '';
  const error = form.errors[name];
  const search = async (text: string) => {
    const needle = foldForSearch(text);
    return (await targets()).filter((t) => !exclude.has(t.id) && foldForSearch(`${t.id}\n${t.title}`).includes(needle)).slice(0, 12);
  };
  return (
    <div className="h-field h-field-grow">
      <Combobox<AlignTarget>
        label={label}
        placeholder="Search objectives and key results"
        search={search}
        searchEmpty
        optionKey={(t) => t.id}
        optionLabel={(t) => `${t.id} ${t.title}`}
        optionDetail={(t) => `${t.kind} · ${t.detail}`}
        onSelect={(t) => form.set(name, t.id)}
        describedBy={error ? `${id}-msg` : undefined}
        invalid={Boolean(error)}
      />
      {value && <AlignedTo id={value} label={label} targets={targets} onClear={() => form.set(name, '')} />}
      <FieldMessage id={`${id}-msg`} message={error} />
    </div>
  );
}

function AlignedTo({ id, label, targets, onClear }: { id: string; label: string; targets: () => Promise<AlignTarget[]>; onClear: () => void }) {
  const title = useTitle(id, targets);
  return <Chosen text={title ? `${id} ${title}` : id} label={label} onClear={onClear} />;
}


function useTitle(id: string, targets: () => Promise<AlignTarget[]>): string | undefined {
  const [title, setTitle] = useState<string>();
  useEffect(() => {
    let live = true;
    void targets().then((all) => live && setTitle(all.find((t) => t.id === id)?.title));
    return () => {
      live = false;
    };
  }, [id, targets]);
  return title;
}
