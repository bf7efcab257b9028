// Owner ids → people, asked in batches of whatever a screen shows and remembered per ApiClient,
// so a board of a hundred objectives asks the host once, and a person's name, not an id, is shown.
import { useEffect, useState } from 'react';
import type { ApiClient } from '../../app/api';
import type { Person } from '../../core/ports/people-directory';
import { useApi } from '../client/api-context';

const cache = new WeakMap<ApiClient, Map<string, Promise<Person | undefined>>>();
/** People already looked up, so rows mounted later show the name in their first render. */
const settled = new WeakMap<ApiClient, Map<string, Person | undefined>>();

function settledFor(api: ApiClient): Map<string, Person | undefined> {
  let map = settled.get(api);
  if (!map) {
    map = new Map();
    settled.set(api, map);
  }
  return map;
}

function knownFor(api: ApiClient): Map<string, Promise<Person | undefined>> {
  let known = cache.get(api);
  if (!known) {
    known = new Map<string, Promise<Person | undefined>>();
    cache.set(api, known);
  }
  return known;
}

/** Ids asked for in the same tick go out in one request (a board asks for every row's owner). */
let queued: { api: ApiClient; ids: Set<string>; done: Promise<Person[]> } | undefined;

function batchFor(api: ApiClient, id: string): Promise<Person[]> {
  if (!queued || queued.api !== api) {
    const ids = new Set<string>();
    const done = Promise.resolve().then(() => {
      queued = undefined;
      return api('resolvePeople', { ids: [...ids] }).catch(() => [] as Person[]);
    });
    queued = { api, ids, done };
  }
  queued.ids.add(id);
  return queued.done;
}

function lookUp(api: ApiClient, ids: readonly string[]): Promise<(Person | undefined)[]> {
  const known = knownFor(api);
  for (const id of ids) {
    if (known.has(id)) continue;
    known.set(
      id,
      batchFor(api, id).then((people) => {
        const person = people.find((p) => p.id === id);
        settledFor(api).set(id, person);
        return person;
      }),
    );
  }
  return Promise.all(ids.map((id) => known.get(id) as Promise<Person | undefined>));
}

/** Remembers people the picker found, so a just-picked owner shows at once. */
export function rememberPerson(api: ApiClient, person: Person): void {
  knownFor(api).set(person.id, Promise.resolve(person));
  settledFor(api).set(person.id, person);
}

export function usePeople(ids: readonly string[]): ReadonlyMap<string, Person> {
  const api = useApi();
  const key = [...new Set(ids)].sort().join('\n');
  const wanted = key === '' ? [] : key.split('\n');
  const done = settledFor(api);
  const [people, setPeople] = useState<ReadonlyMap<string, Person>>(() => new Map(wanted.flatMap((id) => (done.get(id) ? [[id, done.get(id) as Person] as const] : []))));
  useEffect(() => {
    let live = true;
    // Everything already known: the first render had it.
    if (wanted.every((id) => done.has(id))) return;
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
