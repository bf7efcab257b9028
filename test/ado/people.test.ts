// Owners on Azure DevOps (issue 10 §1): identities of the organization, found through the host's
// identity picker service as the signed-in user. The plan stores the unique name (the sign-in
// address), which the ADO actor counts as the user's own; groups and nameless entries are left out.
import { describe, expect, it } from 'vitest';
import { adoPeople, type IdentitySearch, type PickerIdentity } from '../../src/ado/host/ado-people';

const identity = (over: Partial<PickerIdentity>): PickerIdentity => ({ entityId: 'vss.ds.v1.x', entityType: 'User', originDirectory: 'aad', originId: 'o', ...over });

function fakeService(all: PickerIdentity[]): IdentitySearch & { asked: { query: string; types?: string[] }[] } {
  const asked: { query: string; types?: string[] }[] = [];
  return {
    asked,
    searchIdentitiesAsync(query, identityTypes) {
      asked.push({ query, types: identityTypes });
      const q = query.toLowerCase();
      return Promise.resolve(all.filter((i) => (i.displayName ?? '').toLowerCase().includes(q) || (i.signInAddress ?? '').toLowerCase() === q));
    },
  };
}

const JON = identity({ displayName: 'Jon Ahlberg', signInAddress: 'jon@rain.town', mail: 'jon@rain.town', localId: 'a1' });
const NAMELESS = identity({ signInAddress: 'ghost@rain.town' });

describe('adoPeople', () => {
  it('searches users only and stores the unique name, showing the display name', async () => {
    const service = fakeService([JON, NAMELESS]);
    const people = adoPeople(() => Promise.resolve(service));
    expect(await people.search('jon', 5)).toEqual([{ id: 'jon@rain.town', name: 'Jon Ahlberg', detail: 'jon@rain.town' }]);
    expect(service.asked).toEqual([{ query: 'jon', types: ['user'] }]);
    expect(await people.search('', 5)).toEqual([]);
  });

  it('names stored owners, asking the picker once per unknown one and never for one it already found', async () => {
    const service = fakeService([JON]);
    const people = adoPeople(() => Promise.resolve(service));
    expect(await people.resolve(['jon@rain.town', 'gone@rain.town'])).toEqual([{ id: 'jon@rain.town', name: 'Jon Ahlberg', detail: 'jon@rain.town' }]);
    expect(service.asked.map((a) => a.query).sort()).toEqual(['gone@rain.town', 'jon@rain.town']);
    await people.resolve(['jon@rain.town']);
    expect(service.asked).toHaveLength(2);
  });
});
