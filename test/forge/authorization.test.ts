// Issue 8, findings 2 and 3 on Forge, and the permission matrix through the real @forge/resolver
// and @forge/api against the fake Jira site: every resolver (each ApiMethods key and the settings
// page's two) × every role. Roles come from Jira as each user asks it: alice is a Jira
// administrator; gus is in the admin group set on the admin page; dan is in the editor group;
// erin owns KR-RET and may browse CS but not edit its issues; bob only browses and edits CS;
// gus browses CS and OPS but not SECRET.
// A refused call answers `forbidden` and changes nothing in the store; the same call as an
// allowed user succeeds (the positive control).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApiName } from '../../src/app/api';
import { C } from '../../src/app/collections';
import { listAll } from '../../src/app/list-all';
import type { AdminName, SettingsView } from '../../src/forge/admin-api';
import { API_NAMES } from '../../src/forge/resolvers';
import { ALICE_ID, BOB_ID, forgeSiteDataset, PLAN, TODAY } from './fixtures';
import { dataOf, forgeHarness, type ForgeHarness } from './harness';

const DAN_ID = '5b10a2844c20165700ede21d';
const ERIN_ID = '5b10a2844c20165700ede21e';
const GUS_ID = '5b10a2844c20165700ede21f';
type Who = 'alice' | 'gus' | 'dan' | 'erin' | 'bob';
const ID: Record<Who, string> = { alice: ALICE_ID, gus: GUS_ID, dan: DAN_ID, erin: ERIN_ID, bob: BOB_ID };
const EVERYONE: readonly Who[] = ['alice', 'gus', 'dan', 'erin', 'bob'];

function dataset() {
  const base = forgeSiteDataset();
  const user = (accountId: string, name: string, projects: string[]) => ({ accountId, displayName: name, email: `${name}@rain.town`, apiToken: `${name}-token`, projects });
  return { ...base, users: [...base.users, user(DAN_ID, 'dan', ['CS', 'OPS']), user(ERIN_ID, 'erin', ['CS']), user(GUS_ID, 'gus', ['CS', 'OPS'])] };
}

/** PLAN with erin as the owner of the outcome KR KR-RET, and a past quarter to close (issue 12) whose KPI KR erin owns too. */
const plan = {
  ...PLAN,
  periods: [{ id: '2026-Q3', start: '2026-07-01', end: '2026-09-30' }, ...PLAN.periods],
  objectives: [
    ...PLAN.objectives.map((o) => ({ ...o, keyResults: o.keyResults.map((k) => (k.id === 'KR-RET' ? { ...k, owner: ERIN_ID } : k)) })),
    { id: 'O-Q3', title: 'Loyal customers last quarter', team: 'cs', period: '2026-Q3', keyResults: [{ id: 'KR-Q3', title: 'Retention', type: 'outcome', start: 70, target: 73, kpi: true, owner: ERIN_ID }] },
  ],
};

/** Who may make each call on Forge (admins: alice and gus; editors: dan and the admins). */
const MATRIX: Record<ApiName | AdminName, readonly Who[]> = {
  getPanel: EVERYONE,
  searchKeyResults: EVERYONE,
  searchWorkItems: EVERYONE,
  getBoard: EVERYONE,
  getKeyResult: EVERYONE,
  getKpis: EVERYONE,
  exportPlan: EVERYONE,
  getPermissions: EVERYONE,
  getSettings: EVERYONE,
  // Jira's EDIT_ISSUES on CS-14: everyone who browses CS, except erin (read-only there).
  linkWorkItem: ['alice', 'gus', 'dan', 'bob'],
  unlinkWorkItem: ['alice', 'gus', 'dan', 'bob'],
  checkIn: ['alice', 'gus', 'dan', 'erin'],
  saveKeyResult: ['alice', 'gus', 'dan', 'erin'],
  recordReading: ['alice', 'gus', 'dan'],
  focusKpi: ['alice', 'gus', 'dan'],
  saveObjective: ['alice', 'gus', 'dan'],
  saveKpi: ['alice', 'gus', 'dan'],
  deleteObjective: ['alice', 'gus'],
  importPlan: ['alice', 'gus'],
  saveSettings: ['alice', 'gus'],
  // Closing a period and rolling over (issue 12): admins; grading also the KR's owner (erin).
  previewClose: ['alice', 'gus'],
  closePeriod: ['alice', 'gus'],
  reopenPeriod: ['alice', 'gus'],
  gradeKeyResult: ['alice', 'gus', 'erin'],
  previewRollover: ['alice', 'gus'],
  rolloverPeriod: ['alice', 'gus'],
  // Review page (issue 10 §3).
  getReview: EVERYONE,
  // Measured values (SPEC §8): erin owns KR-RET, which the call measures first.
  previewMeasure: EVERYONE,
  getMeasureRuns: EVERYONE,
  measureNow: ['alice', 'gus', 'dan', 'erin'],
  measureDue: ['alice', 'gus', 'dan'],
  // Authoring (issue 10 §1)
  getPlanOutline: EVERYONE,
  searchPeople: EVERYONE,
  resolvePeople: EVERYONE,
  saveTeam: ['alice', 'gus'],
  deleteTeam: ['alice', 'gus'],
  savePeriod: ['alice', 'gus'],
  deletePeriod: ['alice', 'gus'],
  deleteKeyResult: ['alice', 'gus'],
  deleteKpi: ['alice', 'gus'],
  // Cadence: entries made by alice; erin owns KR-RET; the KPI nps has no owner.
  correctCheckIn: ['alice', 'gus', 'dan', 'erin'],
  deleteCheckIn: ['alice', 'gus', 'dan', 'erin'],
  getReadings: EVERYONE,
  correctReading: ['alice', 'gus', 'dan'],
  deleteReading: ['alice', 'gus', 'dan'],
  getMyKeyResults: EVERYONE,
  getDigest: EVERYONE,
  getDigestSettings: ['alice', 'gus'],
  saveDigestSettings: ['alice', 'gus'],
};

/** Closes or reopens 2026-Q3 as alice when it is not already so. */
async function q3(closed: boolean): Promise<void> {
  const board = dataOf<{ periods: { id: string; closed?: string }[] }>(await h.invoke('getBoard', {}, ALICE_ID));
  const isClosed = board.periods.find((p) => p.id === '2026-Q3')?.closed !== undefined;
  if (isClosed !== closed) dataOf(await h.invoke(closed ? 'closePeriod' : 'reopenPeriod', { period: '2026-Q3' }, ALICE_ID));
}

/** A new entry made by alice, and what correcting it names. */
async function freshEntry(kind: 'check-in' | 'reading'): Promise<{ id: string; expected: string; at: string }> {
  if (kind === 'check-in') dataOf(await h.invoke('checkIn', { kr: 'KR-RET', value: 74 }, ALICE_ID));
  else {
    if (!(await h.store.get(C.kpis, 'nps'))) dataOf(await h.invoke('saveKpi', { kpi: { id: 'nps', title: 'Net promoter score', direction: 'up' }, expected: null }, ALICE_ID));
    dataOf(await h.invoke('recordReading', { kpi: 'nps', value: 40 }, ALICE_ID));
  }
  const docs = await listAll<{ at: string }>(h.store, kind === 'check-in' ? C.checkIns : C.readings, kind === 'check-in' ? { index: 'kr', value: 'KR-RET' } : { index: 'kpi', value: 'nps' });
  const doc = docs.at(-1);
  if (!doc) throw new Error('no entry was made');
  return { id: doc.id, expected: doc.version, at: doc.value.at };
}

let h: ForgeHarness;
const version = async (id: string) => (await h.store.get(C.objectives, id))?.version ?? '';
const settings = async () => dataOf<SettingsView>(await h.invoke('getSettings', {}, ALICE_ID));

/** A payload that succeeds for an allowed caller; `prepare` sets up what it needs, as alice. */
const CALLS: Record<ApiName | AdminName, (who: Who) => Promise<unknown>> = {
  getPanel: () => Promise.resolve({ ref: 'jira:CS-1' }),
  searchKeyResults: () => Promise.resolve({ text: 'crm' }),
  searchWorkItems: () => Promise.resolve({ text: 'crm' }),
  getBoard: () => Promise.resolve({}),
  getKeyResult: () => Promise.resolve({ kr: 'KR-CRM' }),
  getKpis: () => Promise.resolve({}),
  exportPlan: () => Promise.resolve({ format: 'json' }),
  getPermissions: () => Promise.resolve({}),
  getSettings: () => Promise.resolve({}),
  linkWorkItem: async () => {
    await h.invoke('unlinkWorkItem', { kr: 'KR-CRM', ref: 'jira:CS-14' }, ALICE_ID);
    return { kr: 'KR-CRM', ref: 'jira:CS-14' };
  },
  unlinkWorkItem: async () => {
    dataOf(await h.invoke('linkWorkItem', { kr: 'KR-CRM', ref: 'jira:CS-14' }, ALICE_ID));
    return { kr: 'KR-CRM', ref: 'jira:CS-14' };
  },
  checkIn: () => Promise.resolve({ kr: 'KR-RET', value: 74 }),
  saveKeyResult: async () => ({
    keyResult: { objective: 'O1', id: 'KR-RET', title: 'Retention from 73% to 76%', type: 'outcome', start: 73, target: 76, unit: '%', owner: ERIN_ID },
    expected: await version('O1'),
  }),
  recordReading: async () => {
    if (!(await h.store.get(C.kpis, 'nps'))) dataOf(await h.invoke('saveKpi', { kpi: { id: 'nps', title: 'Net promoter score', direction: 'up' }, expected: null }, ALICE_ID));
    return { kpi: 'nps', value: 40 };
  },
  focusKpi: async (who) => {
    if (!(await h.store.get(C.kpis, 'nps'))) dataOf(await h.invoke('saveKpi', { kpi: { id: 'nps', title: 'Net promoter score', direction: 'up' }, expected: null }, ALICE_ID));
    const objective = dataOf<{ id: string }>(await h.invoke('saveObjective', { objective: { title: `Loved by ${who}`, team: 'cs', period: '2026-Q4' }, expected: null }, ALICE_ID));
    return { kpi: 'nps', objective: objective.id, start: 30, target: 50 };
  },
  saveObjective: (who) => Promise.resolve({ objective: { title: `Objective of ${who}`, team: 'cs', period: '2026-Q4' }, expected: null }),
  saveKpi: () => Promise.resolve({ kpi: { title: 'Cups per customer', direction: 'up' }, expected: null }),
  deleteObjective: async (who) => {
    const objective = dataOf<{ id: string }>(await h.invoke('saveObjective', { objective: { title: `Doomed, for ${who}`, team: 'cs', period: '2026-Q4' }, expected: null }, ALICE_ID));
    return { id: objective.id, expected: await version(objective.id) };
  },
  importPlan: () => Promise.resolve({ text: JSON.stringify(plan), format: 'json' }),
  previewClose: () => Promise.resolve({ period: '2026-Q3' }),
  closePeriod: async () => {
    await q3(false);
    return { period: '2026-Q3' };
  },
  reopenPeriod: async () => {
    await q3(true);
    return { period: '2026-Q3' };
  },
  gradeKeyResult: async () => {
    await q3(true);
    return { kr: 'KR-Q3', grade: 0.6 };
  },
  previewRollover: async (who) => {
    await q3(true);
    return { from: '2026-Q3', to: `next-${who}`, start: '2027-01-01', end: '2027-03-31' };
  },
  rolloverPeriod: async (who) => {
    await q3(true);
    return { from: '2026-Q3', to: `next-${who}`, start: '2027-01-01', end: '2027-03-31', keyResults: [] };
  },
  // Measured values (SPEC §8)
  previewMeasure: () => Promise.resolve({ measure: { jql: 'project = CS AND type = Bug' } }),
  getMeasureRuns: () => Promise.resolve({}),
  measureNow: async () => {
    const keyResult = { objective: 'O1', id: 'KR-RET', title: 'Retention from 73% to 75%', type: 'outcome', start: 73, target: 75, unit: '%', owner: ERIN_ID, measure: { jql: 'project = CS AND type = Bug' } };
    dataOf(await h.invoke('saveKeyResult', { keyResult, expected: await version('O1') }, ALICE_ID));
    return { id: 'KR-RET' };
  },
  measureDue: () => Promise.resolve({}),
  correctCheckIn: async () => ({ ...(await freshEntry('check-in')), value: 75 }),
  deleteCheckIn: async () => {
    const { id, expected } = await freshEntry('check-in');
    return { id, expected };
  },
  getReadings: async () => {
    await freshEntry('reading');
    return { kpi: 'nps' };
  },
  correctReading: async () => ({ ...(await freshEntry('reading')), value: 41 }),
  deleteReading: async () => {
    const { id, expected } = await freshEntry('reading');
    return { id, expected };
  },
  getMyKeyResults: () => Promise.resolve({}),
  getDigest: () => Promise.resolve({}),
  getDigestSettings: () => Promise.resolve({}),
  saveDigestSettings: () => Promise.resolve({ webhook: 'https://hooks.slack.com/services/T0/B0/secret' }),
  saveSettings: async () => {
    const s = await settings();
    return { storyPointFields: s.storyPointFields, cancelledResolutions: s.cancelledResolutions, adminGroups: ['okr-admins'], editorGroups: ['okr-editors'], expected: s.version };
  },
  // Review page (issue 10 §3).
  getReview: () => Promise.resolve({}),
  // Authoring (issue 10 §1): each allowed call gets a fresh part of its own to change, made by alice.
  getPlanOutline: () => Promise.resolve({}),
  searchPeople: () => Promise.resolve({ text: 'dan' }),
  resolvePeople: () => Promise.resolve({ ids: [DAN_ID] }),
  saveTeam: (who) => Promise.resolve({ team: { name: `Team of ${who}` }, expected: null }),
  deleteTeam: async (who) => {
    const team = dataOf<{ id: string; version: string }>(await h.invoke('saveTeam', { team: { name: `Doomed team of ${who}` }, expected: null }, ALICE_ID));
    return { id: team.id, expected: team.version };
  },
  savePeriod: (who) => Promise.resolve({ period: { id: `P-${who}`, start: '2027-01-01', end: '2027-03-31' }, expected: null }),
  deletePeriod: async (who) => {
    const period = dataOf<{ id: string; version: string }>(await h.invoke('savePeriod', { period: { id: `Doomed-${who}`, start: '2027-01-01', end: '2027-03-31' }, expected: null }, ALICE_ID));
    return { id: period.id, expected: period.version };
  },
  deleteKeyResult: async (who) => {
    const kr = dataOf<{ id: string }>(
      await h.invoke('saveKeyResult', { keyResult: { objective: 'O1', title: `Doomed KR of ${who}`, type: 'outcome', start: 0, target: 1 }, expected: await version('O1') }, ALICE_ID),
    );
    return { id: kr.id, expected: await version('O1') };
  },
  deleteKpi: async (who) => {
    const kpi = dataOf<{ id: string }>(await h.invoke('saveKpi', { kpi: { title: `Doomed KPI of ${who}`, direction: 'up' }, expected: null }, ALICE_ID));
    return { id: kpi.id, expected: (await h.store.get(C.kpis, kpi.id))?.version ?? '' };
  },
};

/** Every document of the app and of the Forge host, to prove a refused call changed nothing. */
async function dump(): Promise<unknown> {
  const { FC } = await import('../../src/forge/collections');
  const out: Record<string, unknown> = {};
  for (const c of [...Object.values(C), ...Object.values(FC)]) out[c] = await listAll(h.store, c);
  return out;
}

beforeAll(async () => {
  h = await forgeHarness({
    dataset: dataset(),
    today: TODAY,
    store: 'memory',
    access: { groups: { 'gus@rain.town': ['okr-admins'], 'dan@rain.town': ['okr-editors'] }, readOnly: { 'erin@rain.town': ['CS'] } },
  });
  dataOf(await h.invoke('importPlan', { text: JSON.stringify(plan), format: 'json' }, ALICE_ID));
  dataOf(await h.invoke('saveSettings', await CALLS.saveSettings('alice'), ALICE_ID));
}, 60_000);
afterAll(() => h.close());

describe('the permission matrix through the resolvers', () => {
  test('covers every resolver the app defines', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...API_NAMES, 'getSettings', 'saveSettings'].sort());
  });

  const names = Object.keys(MATRIX) as (ApiName | AdminName)[];
  test.each(names.flatMap((name) => EVERYONE.map((who) => [name, who, MATRIX[name].includes(who)] as const)))(
    '%s as %s: allowed %s',
    async (name, who, allowed) => {
      const payload = await CALLS[name](who);
      const before = await dump();
      const envelope = await h.invoke(name, payload, ID[who]);
      if (allowed) {
        expect(envelope).toMatchObject({ ok: true });
        return;
      }
      expect(envelope).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await dump()).toEqual(before);
    },
    30_000,
  );

  test('every exchange with the site (mypermissions, myself?expand=groups) held to the published contract', () => {
    expect(h.site.requests.some((r) => r.path === '/rest/api/3/myself' && r.query.includes('expand=groups'))).toBe(true);
    expect(h.site.requests.some((r) => r.path === '/rest/api/3/mypermissions' && r.query.includes('EDIT_ISSUES'))).toBe(true);
    expect(h.site.violations).toEqual([]);
  });

  test('getPermissions says what Jira says of each user', async () => {
    const perms = async (id: string) => dataOf<{ admin: boolean; editor: boolean; ownerIds: string[] }>(await h.invoke('getPermissions', {}, id));
    expect(await perms(ALICE_ID)).toMatchObject({ admin: true, editor: true, ownerIds: [ALICE_ID] });
    expect(await perms(GUS_ID)).toMatchObject({ admin: true, editor: true });
    expect(await perms(DAN_ID)).toMatchObject({ admin: false, editor: true });
    expect(await perms(BOB_ID)).toMatchObject({ admin: false, editor: false });
  });
});

describe('finding 2: a fresh install lets any user edit, but not destroy', () => {
  test('with no groups set, bob may save an objective but may not import the plan or delete an objective', async () => {
    const fresh = await forgeHarness({ dataset: dataset(), today: TODAY, store: 'memory' });
    try {
      dataOf(await fresh.invoke('importPlan', { text: JSON.stringify(plan), format: 'json' }, ALICE_ID));
      expect(await fresh.invoke('importPlan', { text: JSON.stringify({ ...plan, objectives: [] }), format: 'json' }, BOB_ID)).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: expect.stringMatching(/importPlan needs the admin role/) as unknown },
      });
      const o1 = (await fresh.store.get(C.objectives, 'O1'))?.version ?? '';
      expect(await fresh.invoke('deleteObjective', { id: 'O1', expected: o1 }, BOB_ID)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await fresh.invoke('saveObjective', { objective: { title: 'Bob’s objective', team: 'cs', period: '2026-Q4' }, expected: null }, BOB_ID)).toMatchObject({ ok: true });
      expect(await fresh.store.get(C.objectives, 'O1')).toBeDefined();
    } finally {
      await fresh.close();
    }
  }, 60_000);
});

describe('finding 3: an import may not link what its importer cannot browse', () => {
  test('gus (an admin through his group, who may not browse SECRET) cannot import a plan linking a SECRET issue; nothing is stored or labelled', async () => {
    const fresh = await forgeHarness({ dataset: dataset(), today: TODAY, store: 'memory', access: { groups: { 'gus@rain.town': ['okr-admins'] } } });
    try {
      const s = dataOf<SettingsView>(await fresh.invoke('getSettings', {}, ALICE_ID));
      dataOf(await fresh.invoke('saveSettings', { storyPointFields: s.storyPointFields, cancelledResolutions: s.cancelledResolutions, adminGroups: ['okr-admins'], expected: s.version }, ALICE_ID));
      const sneaky = { ...plan, objectives: [{ ...plan.objectives[0], keyResults: [...(plan.objectives[0]?.keyResults ?? []), { id: 'KR-SECRET', title: 'Secret', type: 'effort', links: ['jira:SECRET-2'] }] }] };
      const envelope = await fresh.invoke('importPlan', { text: JSON.stringify(sneaky), format: 'json' }, GUS_ID);
      expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      if (!envelope.ok) expect(envelope.error.problems?.map((p) => p.message.split(' ')[0])).toEqual(['jira:SECRET-2']);
      expect(await listAll(fresh.store, C.objectives)).toEqual([]);
      await fresh.reconcile();
      expect([...fresh.site.issuesWithProperty('harmony-okr').keys()]).toEqual([]);
      // The positive control: alice, who browses every project, imports the same file.
      expect(await fresh.invoke('importPlan', { text: JSON.stringify(sneaky), format: 'json' }, ALICE_ID)).toMatchObject({ ok: true });
    } finally {
      await fresh.close();
    }
  }, 60_000);
});
