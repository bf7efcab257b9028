// The workbench's people: Rain Town Tea's staff, whom the demo plan names as owners by these
// ids. A local directory rather than the Jira emulator's users, because the workbench's one
// local user owns KRs under her plain name (`maria`), as the demo plan file writes it.
import { matchesSearch } from '../core/model/search-text';
import type { Person, PeopleDirectory } from '../core/ports/people-directory';

export const DEMO_PEOPLE: readonly Person[] = [
  { id: 'maria', name: 'Maria Santos', detail: 'CEO · maria@raintown.example' },
  { id: 'jon', name: 'Jon Ahlberg', detail: 'Customer success · jon@raintown.example' },
  { id: 'priya', name: 'Priya Natarajan', detail: 'Engineering · priya@raintown.example' },
  { id: 'lee', name: 'Lee Chen', detail: 'Sales · lee@raintown.example' },
  { id: 'sam', name: 'Sam Okafor', detail: 'Operations · sam@raintown.example' },
  { id: 'ana', name: 'Ana Müller', detail: 'Finance · ana@raintown.example' },
  { id: 'jose', name: 'José Álvarez', detail: 'Shops · jose@raintown.example' },
];

export function demoPeople(people: readonly Person[] = DEMO_PEOPLE): PeopleDirectory {
  return {
    search: (text, limit) =>
      Promise.resolve(people.filter((p) => text === '' || matchesSearch(`${p.name}\n${p.id}\n${p.detail ?? ''}`, text)).slice(0, limit)),
    resolve: (ids) => Promise.resolve(people.filter((p) => ids.includes(p.id))),
  };
}
