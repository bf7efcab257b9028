// The permission matrix of the app (issue 8, "The permission model"): every use case of
// ApiMethods × every role, through the one check every host runs (createApp's `call`). A refused
// call answers `forbidden`, names the role it needs, and changes nothing; the positive control is
// the same call, on the same data, succeeding for a role that may make it. Both tables are typed
// over ApiName, so a new use case without a row here fails to compile.
import { describe, expect, it } from 'vitest';
import type { ApiInput, ApiName } from '../../src/app/api';
import { C } from '../../src/app/collections';
import { createApp, USE_CASES } from '../../src/app/create-app';
import { NO_HISTORY } from '../../src/app/history';
import { listAll } from '../../src/app/list-all';
import type { Role } from '../../src/app/permissions';
import type { UseCase } from '../../src/app/use-case';
import { day } from '../builders';
import { ADMIN, EDITOR, fakeActor, ITEM_EDITOR, OWNER, VIEWER, type FakeActor } from './actors';
import { DEMO, DEMO_TEXT, dumpStore, harness, type Harness } from './harness';

type Who = 'admin' | 'editor' | 'owner' | 'viewer' | 'item-editor';
const ACTORS: Record<Who, () => FakeActor> = { admin: ADMIN, editor: EDITOR, owner: OWNER, viewer: VIEWER, 'item-editor': ITEM_EDITOR };
const EVERYONE: readonly Who[] = ['admin', 'editor', 'owner', 'viewer', 'item-editor'];

/** Who may make each call (the table docs/permissions.md shows). */
export const MATRIX: { [K in ApiName]: { role: Role; allowed: readonly Who[] } } = {
  getPanel: { role: 'viewer', allowed: EVERYONE },
  searchKeyResults: { role: 'viewer', allowed: EVERYONE },
  searchWorkItems: { role: 'viewer', allowed: EVERYONE },
  getBoard: { role: 'viewer', allowed: EVERYONE },
  getKeyResult: { role: 'viewer', allowed: EVERYONE },
  getKpis: { role: 'viewer', allowed: EVERYONE },
  exportPlan: { role: 'viewer', allowed: EVERYONE },
  getPermissions: { role: 'viewer', allowed: EVERYONE },
  // The fake admin may edit every item in the tracker; the fake editor and owner may edit none.
  linkWorkItem: { role: 'work-item-editor', allowed: ['admin', 'item-editor'] },
  unlinkWorkItem: { role: 'work-item-editor', allowed: ['admin', 'item-editor'] },
  // KR-HEALTHY is owned by jon, the OWNER actor.
  checkIn: { role: 'editor-or-owner', allowed: ['admin', 'editor', 'owner'] },
  saveKeyResult: { role: 'editor-or-owner', allowed: ['admin', 'editor', 'owner'] },
  recordReading: { role: 'editor', allowed: ['admin', 'editor'] },
  focusKpi: { role: 'editor', allowed: ['admin', 'editor'] },
  saveObjective: { role: 'editor', allowed: ['admin', 'editor'] },
  saveKpi: { role: 'editor', allowed: ['admin', 'editor'] },
  deleteObjective: { role: 'admin', allowed: ['admin'] },
  importPlan: { role: 'admin', allowed: ['admin'] },
  // Closing a period and rolling over (issue 12); jon (OWNER) owns KR-HEALTHY.
  previewClose: { role: 'admin', allowed: ['admin'] },
  closePeriod: { role: 'admin', allowed: ['admin'] },
  reopenPeriod: { role: 'admin', allowed: ['admin'] },
  gradeKeyResult: { role: 'admin-or-owner', allowed: ['admin', 'owner'] },
  previewRollover: { role: 'admin', allowed: ['admin'] },
  rolloverPeriod: { role: 'admin', allowed: ['admin'] },
  // Review page (issue 10 §3).
  getReview: { role: 'viewer', allowed: EVERYONE },
  // Measured values (SPEC §8). KR-OPEN-BUGS is measured and owned by jon, the OWNER actor.
  previewMeasure: { role: 'viewer', allowed: EVERYONE },
  getMeasureRuns: { role: 'viewer', allowed: EVERYONE },
  measureNow: { role: 'editor-or-owner', allowed: ['admin', 'editor', 'owner'] },
  measureDue: { role: 'editor', allowed: ['admin', 'editor'] },
  // Authoring (issue 10 §1): the plan's structure and deletes are for admins.
  getPlanOutline: { role: 'viewer', allowed: EVERYONE },
  searchPeople: { role: 'viewer', allowed: EVERYONE },
  resolvePeople: { role: 'viewer', allowed: EVERYONE },
  saveTeam: { role: 'admin', allowed: ['admin'] },
  deleteTeam: { role: 'admin', allowed: ['admin'] },
  savePeriod: { role: 'admin', allowed: ['admin'] },
  deletePeriod: { role: 'admin', allowed: ['admin'] },
  deleteKeyResult: { role: 'admin', allowed: ['admin'] },
  deleteKpi: { role: 'admin', allowed: ['admin'] },
  // Cadence: jon (OWNER) owns KR-HEALTHY and the KPI churn; the demo's entries have no author.
  correctCheckIn: { role: 'author-owner-or-editor', allowed: ['admin', 'editor', 'owner'] },
  deleteCheckIn: { role: 'author-owner-or-editor', allowed: ['admin', 'editor', 'owner'] },
  getReadings: { role: 'viewer', allowed: EVERYONE },
  correctReading: { role: 'author-owner-or-editor', allowed: ['admin', 'editor', 'owner'] },
  deleteReading: { role: 'author-owner-or-editor', allowed: ['admin', 'editor', 'owner'] },
  getMyKeyResults: { role: 'viewer', allowed: EVERYONE },
  getDigest: { role: 'viewer', allowed: EVERYONE },
  getDigestSettings: { role: 'admin', allowed: ['admin'] },
  saveDigestSettings: { role: 'admin', allowed: ['admin'] },
};

/** Closes a period as an admin, for the calls that need a closed one. */
const closeAsAdmin = async (h: Harness, period: string) => {
  await createApp({ store: h.store, source: h.source, actor: ADMIN(), history: NO_HISTORY, today: () => h.clock.today }).call('closePeriod', { period });
};
const NEXT = { from: '2026-Q4', to: '2027-Q1', start: day('2027-01-01'), end: day('2027-03-31') };

const healthy = DEMO.objectives.flatMap((o) => o.keyResults).find((k) => k.id === 'KR-HEALTHY');
if (healthy?.type !== 'outcome') throw new Error('the demo plan has the outcome KR KR-HEALTHY');
const version = async (h: Harness, id: string) => (await h.store.get(C.objectives, id))?.version ?? '';
/** The first stored check-in of a KR or reading of a KPI: what a correction names. */
const firstEntry = async (h: Harness, collection: 'checkIns' | 'readings', index: 'kr' | 'kpi', value: string) => {
  const [doc] = await listAll<{ at: string; value: number }>(h.store, collection, { index, value });
  if (!doc) throw new Error(`the demo plan has a ${collection} entry of ${value}`);
  return { id: doc.id, expected: doc.version, at: doc.value.at };
};

/** A payload that succeeds for an allowed caller, on a fresh demo plan. */
const PAYLOADS: { [K in ApiName]: (h: Harness) => Promise<ApiInput<K>> } = {
  getPanel: () => Promise.resolve({ ref: 'jira:CS-1' }),
  searchKeyResults: () => Promise.resolve({ text: 'crm' }),
  searchWorkItems: () => Promise.resolve({ text: 'CRM' }),
  getBoard: () => Promise.resolve({}),
  getKeyResult: () => Promise.resolve({ kr: 'KR-CRM' }),
  getKpis: () => Promise.resolve({}),
  exportPlan: () => Promise.resolve({ format: 'json' }),
  getPermissions: () => Promise.resolve({}),
  linkWorkItem: () => Promise.resolve({ kr: 'KR-CRM', ref: 'jira:SALES-1' }),
  unlinkWorkItem: () => Promise.resolve({ kr: 'KR-CRM', ref: 'jira:CS-1' }),
  checkIn: () => Promise.resolve({ kr: 'KR-HEALTHY', value: 44 }),
  saveKeyResult: async (h) => ({
    keyResult: { objective: 'O-LOYAL', id: 'KR-HEALTHY', title: 'Clients rated healthy from 40% to 50%', type: 'outcome', start: 40, target: 50, unit: '%', kpi: true, owner: 'jon' },
    expected: await version(h, 'O-LOYAL'),
  }),
  recordReading: () => Promise.resolve({ kpi: 'churn', value: 3 }),
  focusKpi: () => Promise.resolve({ kpi: 'mttr', objective: 'O-VELOCITY', start: 60, target: 30 }),
  saveObjective: () => Promise.resolve({ objective: { title: 'Delight office customers', team: 'sales', period: '2026-Q4' }, expected: null }),
  saveKpi: () => Promise.resolve({ kpi: { title: 'Net promoter score', direction: 'up' }, expected: null }),
  deleteObjective: async (h) => ({ id: 'O-SUMMER', expected: await version(h, 'O-SUMMER') }),
  importPlan: () => Promise.resolve({ text: DEMO_TEXT.replace('Rain Town Tea', 'Rain Town Tea Co.'), format: 'yaml' }),
  // Closing a period and rolling over (issue 12).
  previewClose: () => Promise.resolve({ period: '2026-Q4' }),
  closePeriod: () => Promise.resolve({ period: '2026-Q3' }),
  reopenPeriod: async (h) => {
    await closeAsAdmin(h, '2026-Q3');
    return { period: '2026-Q3' };
  },
  gradeKeyResult: async (h) => {
    await closeAsAdmin(h, '2026-Q4');
    return { kr: 'KR-HEALTHY', grade: 0.5, reflection: 'scoring model late' };
  },
  previewRollover: async (h) => {
    await closeAsAdmin(h, '2026-Q4');
    return NEXT;
  },
  rolloverPeriod: async (h) => {
    await closeAsAdmin(h, '2026-Q4');
    return { ...NEXT, keyResults: ['KR-FCR'] };
  },
  // Review page (issue 10 §3).
  getReview: () => Promise.resolve({}),
  // Measured values (SPEC §8)
  previewMeasure: () => Promise.resolve({ measure: { jql: 'project = CS AND type = Bug' } }),
  getMeasureRuns: () => Promise.resolve({}),
  measureNow: () => Promise.resolve({ id: 'KR-OPEN-BUGS' }),
  measureDue: () => Promise.resolve({}),
  // Authoring (issue 10 §1)
  getPlanOutline: () => Promise.resolve({}),
  searchPeople: () => Promise.resolve({ text: 'jon' }),
  resolvePeople: () => Promise.resolve({ ids: ['jon'] }),
  saveTeam: () => Promise.resolve({ team: { name: 'Marketing', parent: 'company' }, expected: null }),
  deleteTeam: async (h) => ({ id: 'spare', expected: (await h.store.put(C.teams, 'spare', { id: 'spare', name: 'Spare', order: 99 }, { expected: null })).version }),
  savePeriod: () => Promise.resolve({ period: { id: '2027-Q1', start: day('2027-01-01'), end: day('2027-03-31') }, expected: null }),
  deletePeriod: async (h) => ({
    id: '2030-Q1',
    expected: (await h.store.put(C.periods, '2030-Q1', { id: '2030-Q1', start: '2030-01-01', end: '2030-03-31', order: 99 }, { expected: null })).version,
  }),
  deleteKeyResult: async (h) => ({ id: 'KR-SUMMER-SITE', expected: await version(h, 'O-SUMMER') }),
  deleteKpi: async (h) => ({ id: 'mttr', expected: (await h.store.get(C.kpis, 'mttr'))?.version ?? '' }),
  correctCheckIn: async (h) => ({ ...(await firstEntry(h, 'checkIns', 'kr', 'KR-HEALTHY')), value: 43 }) as ApiInput<'correctCheckIn'>,
  deleteCheckIn: async (h) => {
    const { id, expected } = await firstEntry(h, 'checkIns', 'kr', 'KR-HEALTHY');
    return { id, expected };
  },
  getReadings: () => Promise.resolve({ kpi: 'churn' }),
  correctReading: async (h) => ({ ...(await firstEntry(h, 'readings', 'kpi', 'churn')), value: 9 }) as ApiInput<'correctReading'>,
  deleteReading: async (h) => {
    const { id, expected } = await firstEntry(h, 'readings', 'kpi', 'churn');
    return { id, expected };
  },
  getMyKeyResults: () => Promise.resolve({}),
  getDigest: () => Promise.resolve({}),
  getDigestSettings: () => Promise.resolve({}),
  saveDigestSettings: () => Promise.resolve({ webhook: 'https://hooks.slack.com/services/T0/B0/secret' }),
};

const NAMES = Object.keys(USE_CASES) as ApiName[];

/** The role a refusal names: the "-or-owner" roles name the role that needs no ownership. */
const roleWord = (role: Role): string => (role === 'editor-or-owner' || role === 'author-owner-or-editor' ? 'editor' : role === 'admin-or-owner' ? 'admin' : role);

describe('the permission matrix (every use case × every role)', () => {
  it('a use case that declares no requirement does not compile (checked by tsc)', () => {
    const input = USE_CASES.getKpis.input;
    const run: UseCase<'getKpis'>['run'] = (ctx, payload) => USE_CASES.getKpis.run(ctx, payload);
    // @ts-expect-error `requires` is missing: every use case must say what role it needs.
    const undeclared: UseCase<'getKpis'> = { input, run };
    expect(undeclared.input).toBe(input);
  });

  it('declares in each use case the role this table expects', () => {
    for (const name of NAMES) expect([name, USE_CASES[name].requires.role]).toEqual([name, MATRIX[name].role]);
  });

  const cases = NAMES.flatMap((name) => EVERYONE.map((who) => [name, who, MATRIX[name].allowed.includes(who)] as const));
  it.each(cases)('%s as %s: allowed %s', async (name, who, allowed) => {
    const actor = ACTORS[who]();
    const h = await harness({ actor });
    const payload = await PAYLOADS[name](h);
    const before = await dumpStore(h.store);
    const envelope = await h.app.handle(name, payload);
    if (allowed) {
      // The positive control: the same payload goes through for an allowed caller.
      expect(envelope).toMatchObject({ ok: true });
      return;
    }
    expect(envelope).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!envelope.ok) expect(envelope.error.message).toMatch(MATRIX[name].role === 'work-item-editor' ? /permission to edit/ : new RegExp(`needs the ${roleWord(MATRIX[name].role)} role`));
    expect(await dumpStore(h.store)).toEqual(before);
  });
});

describe('how roles are asked', () => {
  it('asks the host each question at most once per call, and never for a read', async () => {
    const actor = fakeActor({ id: 'ed', editor: true });
    const h = await harness({ actor });
    await h.call('getBoard', {});
    expect(actor.asked).toEqual({ admin: 0, editor: 0, items: 0 });
    await h.call('checkIn', { kr: 'KR-HEALTHY', value: 43 });
    expect(actor.asked).toEqual({ admin: 0, editor: 1, items: 0 });
  });

  it('an admin is an editor whatever the host says of editors', async () => {
    const h = await harness({ actor: fakeActor({ admin: true, editor: false }) });
    expect(await h.call('getPermissions', {})).toMatchObject({ admin: true, editor: true });
    await h.call('saveKpi', { kpi: { title: 'Net promoter score', direction: 'up' }, expected: null });
  });

  it('ownership is the stored owner, not the one a payload claims', async () => {
    // jon owns KR-HEALTHY, not KR-RETENTION (maria's); claiming ownership in the payload is no key.
    const h = await harness({ actor: OWNER() });
    const expected = await version(h, 'O-LOYAL');
    const error = await h.fail('saveKeyResult', {
      keyResult: { objective: 'O-LOYAL', id: 'KR-RETENTION', title: 'Retention', type: 'outcome', start: 73, target: 80, unit: '%', owner: 'jon' },
      expected,
    });
    expect(error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/owner of key result KR-RETENTION/) as unknown });
    // A new KR has no owner yet: creating one needs the editor role.
    expect((await h.fail('saveKeyResult', { keyResult: { objective: 'O-LOYAL', title: 'New', type: 'outcome', start: 0, target: 1 }, expected })).code).toBe('forbidden');
  });

  it('getPermissions tells a surface what to hide', async () => {
    expect(await (await harness({ actor: VIEWER() })).call('getPermissions', {})).toEqual({ actor: 'vic', ownerIds: ['vic'], admin: false, editor: false });
  });
});
