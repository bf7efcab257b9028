// Owners on Azure DevOps are identities of the organization, found with the host's own identity
// picker service (`ms.vss-features.identity-service`, the search behind every people picker in
// Azure DevOps): it runs as the signed-in user and needs no scope beyond what the extension has.
// The plan stores the identity's unique name (its sign-in address), which the actor counts as
// the user's own (ado-actor.ts: identity id and unique name), and which reads well in a file.
import type { Person, PeopleDirectory } from '../../core/ports/people-directory';

/** What the picker service answers with; its published type declares only the first four. */
export interface PickerIdentity {
  entityId: string;
  entityType: string;
  originDirectory: string;
  originId: string;
  localId?: string;
  displayName?: string;
  signInAddress?: string;
  mail?: string;
}

export interface IdentitySearch {
  searchIdentitiesAsync(query: string, identityTypes?: string[], operationScopes?: string[]): Promise<PickerIdentity[]>;
}

export function adoPeople(service: () => Promise<IdentitySearch>): PeopleDirectory {
  const known = new Map<string, Person>();
  const search = async (text: string): Promise<Person[]> => {
    const found = await (await service()).searchIdentitiesAsync(text, ['user'], ['ims', 'source']);
    return found.flatMap((i) => {
      const id = i.signInAddress ?? i.mail ?? i.localId;
      if (!id || !i.displayName) return [];
      const person: Person = { id, name: i.displayName, ...(i.mail ?? i.signInAddress ? { detail: i.mail ?? i.signInAddress } : {}) };
      known.set(id, person);
      return [person];
    });
  };
  return {
    async search(text, limit) {
      return text === '' ? [] : (await search(text)).slice(0, limit);
    },
    async resolve(ids) {
      // The picker has no lookup by id: each unknown owner is searched for by its unique name.
      await Promise.all(ids.filter((id) => !known.has(id)).map((id) => search(id).catch(() => [])));
      return ids.flatMap((id) => {
        const p = known.get(id);
        return p ? [p] : [];
      });
    },
  };
}
