// The resolvers through the real @forge/resolver and @forge/api: one definition per ApiMethods
// key, payloads validated into typed errors (never a crash, whatever arrives), the 25 s limit
// respected with a deadline (the panel answers from the stored snapshot, marked stale, and
// leaves the rest to the triggers), and the settings page's calls with their admin check.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApiEnvelope, PanelView } from '../../src/app/api';
import { USE_CASES } from '../../src/app/create-app';
import type { SettingsView } from '../../src/forge/admin-api';
import { FC, WHOLE_KR, type PassDoc } from '../../src/forge/collections';
import { API_NAMES } from '../../src/forge/resolvers';
import { marksOf } from '../../src/forge/triggers/dirty';
import { ALICE_ID, BOB_ID, forgeSiteDataset, PLAN, TODAY } from './fixtures';
import { dataOf, forgeHarness, type ForgeHarness } from './harness';

const CODES = ['invalid-input', 'conflict', 'not-found', 'forbidden', 'rate-limited', 'internal'];
const isEnvelope = (e: unknown): e is ApiEnvelope<unknown> =>
  typeof e === 'object' && e !== null && ((e as { ok?: unknown }).ok === true || ((e as { ok?: unknown }).ok === false && CODES.includes((e as { error: { code: string } }).error.code)));

let h: ForgeHarness;
beforeAll(async () => {
  h = await forgeHarness({ dataset: forgeSiteDataset(), today: TODAY, admins: ['alice@rain.town'], resolverMarginMs: 1_000 });
  dataOf(await h.invoke('importPlan', { text: JSON.stringify(PLAN), format: 'json' }, ALICE_ID));
}, 60_000);
afterAll(() => h.close());

describe('resolver definitions', () => {
  test('one per ApiMethods key, answering envelopes', async () => {
    expect([...API_NAMES].sort()).toEqual(Object.keys(USE_CASES).sort());
    for (const name of API_NAMES) {
      // An empty payload is wrong for most calls and right for a few; either way an envelope comes back.
      expect(isEnvelope(await h.invoke(name, {}, BOB_ID)), name).toBe(true);
    }
  });

  test('a bad payload becomes a typed error with a path to each problem', async () => {
    const answer = await h.invoke('checkIn', { kr: 'KR-RET', value: 'seventy', confidence: 3 }, ALICE_ID);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const problems = !answer.ok ? (answer.error.problems ?? []).map((p) => p.path).sort() : [];
    expect(problems).toEqual(['confidence', 'value']);
  });

  test('whatever payload arrives, every resolver answers an envelope and never throws', async () => {
    // Writes are excluded from the fuzzing only where a valid payload could change the plan the
    // other tests read; they are covered by the empty-payload call above and by the app's tests.
    const names = API_NAMES.filter((n) => !['importPlan', 'deleteObjective'].includes(n));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.jsonValue(), async (name, payload) => {
        const answer = await h.invoke(name, payload, BOB_ID);
        expect(isEnvelope(answer)).toBe(true);
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});

describe('the 25 s limit', () => {
  test('a slow Jira: the panel answers from the stored snapshot before the deadline, and the triggers finish', async () => {
    await h.reconcile();
    // Jira reads the epic, then takes 3 s per request; the invocation has 3 s, minus a 1 s margin.
    h.site.slowDown({ afterRequests: 1, delayMs: 3_000 });
    const started = performance.now();
    const panel = dataOf<PanelView>(await h.invoke('getPanel', { ref: 'jira:CS-1' }, BOB_ID, 3_000));
    const took = performance.now() - started;
    h.site.slowDown(undefined);
    expect(panel.stale).toBe(true);
    expect(took).toBeLessThan(3_000);
    const crm = panel.keyResults.find((k) => k.kr.id === 'KR-CRM')?.kr;
    expect(crm?.type === 'effort' && crm.units).toEqual({ done: 3, total: 8 });
    // Left for the triggers: the panel's effort KRs, to recompute as the app.
    const marks = (await marksOf(h.store, 'KR-CRM', 10)).map((m) => m.value.ref);
    expect(marks).toEqual([WHOLE_KR]);
    await h.drain();
    expect(await marksOf(h.store, 'KR-CRM', 10)).toEqual([]);
  }, 30_000);

  test('a 429 with a short Retry-After is waited out and the panel stays live', async () => {
    h.site.slowDown({ afterRequests: 1, count: 1, rateLimitSeconds: 1 });
    const started = performance.now();
    const panel = dataOf<PanelView>(await h.invoke('getPanel', { ref: 'jira:CS-1' }, BOB_ID));
    h.site.slowDown(undefined);
    expect(panel.stale).toBeUndefined();
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_000);
    // The epic, the KRs' other link, two levels of descendants, and the one retried request.
    expect(h.resolverRequests.at(-1)).toEqual({ name: 'getPanel', count: 5 });
  }, 30_000);

  test('Jira too slow even for the item itself: a "try again" error, in time', async () => {
    h.site.slowDown({ afterRequests: 0, delayMs: 3_000 });
    const started = performance.now();
    const answer = await h.invoke('getPanel', { ref: 'jira:CS-1' }, BOB_ID, 3_000);
    h.site.slowDown(undefined);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(answer).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
  }, 30_000);
});

describe('settings (admin page)', () => {
  test('anyone may read them: the story point field found on the site, the default resolutions, the number fields', async () => {
    const settings = dataOf<SettingsView>(await h.invoke('getSettings', {}, BOB_ID));
    expect(settings.storyPointFields).toEqual(['customfield_10026', 'customfield_10016']);
    expect(settings.cancelledResolutions).toContain("Won't Do");
    expect(settings.numberFields.map((f) => f.id).sort()).toEqual(['customfield_10016', 'customfield_10026']);
  });

  test('only a Jira administrator may change them, and a change asks for a reconciliation pass', async () => {
    const { version } = dataOf<SettingsView>(await h.invoke('getSettings', {}, ALICE_ID));
    const change = { storyPointFields: ['customfield_10016'], cancelledResolutions: ["Won't Do", 'Duplicate'], expected: version };
    expect(await h.invoke('saveSettings', change, BOB_ID)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await h.invoke('saveSettings', { ...change, storyPointFields: ['customfield_10099'] }, ALICE_ID)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const saved = dataOf<SettingsView>(await h.invoke('saveSettings', change, ALICE_ID));
    expect(saved).toMatchObject({ storyPointFields: ['customfield_10016'], cancelledResolutions: ["Won't Do", 'Duplicate'], discovered: false });
    expect((await h.store.get<PassDoc>(FC.reconcile, 'pass'))?.value.done).toBe(false);
    // A stale version is a conflict, as everywhere else in the app.
    expect(await h.invoke('saveSettings', change, ALICE_ID)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('progress history on Forge', () => {
  test('is written by the triggers only: a viewer who sees fewer issues does not rewrite it', async () => {
    await h.reconcile();
    const head = async () => (await h.store.get<{ done?: number; total?: number }>('snapshotHeads', 'KR-CRM'))?.value;
    const before = await head();
    // Bob's live panel counts one unit fewer (the secret one is not his to see)...
    const panel = dataOf<PanelView>(await h.invoke('getPanel', { ref: 'jira:CS-1' }, BOB_ID));
    const live = panel.keyResults.find((k) => k.kr.id === 'KR-CRM')?.kr;
    expect(live?.type === 'effort' && live.units.total).toBe((before?.total ?? 0) - 1);
    // ...and the stored history keeps the app's count.
    expect(await head()).toEqual(before);
  });
});
