// Owners as people: the picker's search and the names shown for stored owner ids, both through
// the host's PeopleDirectory (read as the viewer). A host without one (a script, the CLI) has
// no people: owners stay the plain ids the plan file holds.
import { z } from 'zod';
import type { PeopleDirectory } from '../core/ports/people-directory';
import { viewer } from './permissions';
import type { UseCase } from './use-case';
import { limit } from './validate';

export const NO_PEOPLE: PeopleDirectory = {
  search: () => Promise.resolve([]),
  resolve: () => Promise.resolve([]),
};

export const searchPeople: UseCase<'searchPeople'> = {
  input: z.strictObject({ text: z.string().max(100, 'keep the search under 100 characters'), limit: limit.optional() }),
  requires: viewer,
  run: (ctx, { text, limit: max = 10 }) => ctx.people.search(text.trim(), max),
};

/** At most a board's worth of owners at once: hosts look them up in bulk. */
const MAX_IDS = 200;

export const resolvePeople: UseCase<'resolvePeople'> = {
  input: z.strictObject({ ids: z.array(z.string().min(1, 'must not be empty')).max(MAX_IDS, `at most ${MAX_IDS} ids at once`) }),
  requires: viewer,
  run: (ctx, { ids }) => (ids.length === 0 ? Promise.resolve([]) : ctx.people.resolve([...new Set(ids)])),
};
