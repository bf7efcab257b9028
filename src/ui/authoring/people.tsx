// Owner ids → people, asked in batches of whatever a screen shows and remembered per ApiClient,
// so a board of a hundred objectives asks the host once, and a person's name, not an id, is shown.
import { useEffect, useState } from 'react';
import type { ApiClient } from '../../app/api';
import type { Person } from '../../core/ports/people-directory';
import { useApi } from '../client/api-context';

const cache = new WeakMap<ApiClient, Map<string, Promise<Person | undefined>>>();

function knownFor(api: ApiClient): Map<string, Promise<Person | undefined>> {
  let known = cache.get(api);
  if (!known) {
    known = new Map<string, Promise<Person | undefined>>();
    cache.set(api, known);
  }
  return known;
}

function lookUp(api: ApiClient, ids: readonly string[]): Promise<(Person | undefined)[]> {
  const known = knownFor(api);
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length) {
    const batch = api('resolvePeople', { ids: missing }).catch(() => [] as Person[]);
    for (const id of missing) known.set(id, batch.then((people) => people.find((p) => p.id === id)));
  }
  return Promise.all(ids.map((id) => known.get(id) as Promise<Person | undefined>));
}

/** Remembers people the picker found, so a just-picked owner shows at once. */
export function rememberPerson(api: ApiClient, person: Person): void {
  knownFor(api).set(person.id, Promise.resolve(person));
}

export function usePeople(ids: readonly string[]): ReadonlyMap<string, Person> {
  const api = useApi();
  const [people, setPeople] = useState<ReadonlyMap<string, Person>>(new Map());
  const key = [...new Set(ids)].sort().join('\n');
  useEffect(() => {
    let live = true;
    const wanted = key === '' ? [] : key.split('\n');
    void lookUp(api, wanted).then((found) => {
      if (live) setPeople(new Map(found.flatMap((p) => (p ? [[p.id, p] as const] : []))));
    });
    return () => {
      live = false;
    };
  }, [api, key]);
  return people;
}

/** A person's name where an owner id is shown; the id itself when the host does not know it. */
export function OwnerName({ id }: { id: string }) {
  const name = usePeople([id]).get(id)?.name;
  return <span title={name ? id : undefined}>{name ?? id}</span>;
}
