// The resolvers through the real @forge/resolver and @forge/api: one definition per ApiMethods
// key, payloads validated into typed errors (never a crash, whatever arrives), the 25 s limit
// respected with a deadline (the panel answers from the stored snapshot, marked stale, and
// leaves the rest to the triggers), and the settings page's calls with their admin check.
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
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
  // The invocation's clock, its deadline timers and the adapter's back-off sleeps run on fake
  // time, moved by the test; Jira's answers still travel over real HTTP. So "before the
  // deadline" and "waited as long as asked" are exact statements about the invocation's own
  // clock, whatever the load on the machine.
  const fakeClock = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  afterEach(() => {
    h.site.slowDown(undefined);
    h.site.releaseHeld();
    vi.useRealTimers();
  });

  test('a slow Jira: the panel answers from the stored snapshot before the deadline, and the triggers finish', async () => {
    await h.reconcile();
    // Jira answers the epic, then holds every request; the invocation has 3 s, minus a 1 s margin.
    h.site.slowDown({ afterRequests: 1, hold: true });
    fakeClock();
    const started = Date.now();
    const answer = h.invoke('getPanel', { ref: 'jira:CS-1' }, BOB_ID, 3_000);
    await h.site.whenHeld(1);
    await vi.advanceTimersByTimeAsync(2_000);
    const panel = dataOf<PanelView>(await answer);
    // Answered on the invocation's clock within its 3 s, while Jira still had not answered.
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(h.site.requests.at(-1)?.status).toBe(0);
    vi.useRealTimers();
    h.site.slowDown(undefined);
    h.site.releaseHeld();
    expect(panel.stale).toBe(true);
    const crm = panel.keyResults.find((k) => k.kr.id === 'KR-CRM')?.kr;
    // The stored progress (3 of 8 units), its counts withheld from the viewer.
    expect(crm?.progress).toBeCloseTo(3 / 8, 10);
    expect(crm).toMatchObject({ countsWithheld: true, units: { done: 0, total: 0 } });
    // Left for the triggers: the panel's effort KRs, to recompute as the app.
    const marks = (await marksOf(h.store, 'KR-CRM', 10)).map((m) => m.value.ref);
    expect(marks).toEqual([WHOLE_KR]);
    await h.drain();
    expect(await marksOf(h.store, 'KR-CRM', 10)).toEqual([]);
  }, 30_000);

  test('a 429 with a short Retry-After is waited out and the panel stays live', async () => {
    h.site.slowDown({ afterRequests: 1, count: 1, rateLimitSeconds: 1 });
    fakeClock();
    const answer = h.invoke('getPanel', { ref: 'jira:CS-1' }, BOB_ID);
    // The fake clock moves 100 ms at a time, with real turns of the event loop between steps for
    // the HTTP traffic, until the retry arrives; it must arrive a full second after the 429.
    const throttledAt = () => h.site.requests.findIndex((r) => r.status === 429);
    await until(() => throttledAt() >= 0);
    while (h.site.requests.length <= throttledAt() + 1) {
      await vi.advanceTimersByTimeAsync(100);
      await turns(5);
    }
    const panel = dataOf<PanelView>(await answer);
    expect(panel.stale).toBeUndefined();
    const throttled = h.site.requests.findIndex((r) => r.status === 429);
    const retry = h.site.requests[throttled + 1];
    expect(retry && { path: retry.path, status: retry.status }).toEqual({ path: h.site.requests[throttled]?.path, status: 200 });
    expect((retry?.at ?? 0) - (h.site.requests[throttled]?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
    // The epic, the KRs' other link, two levels of descendants, and the one retried request.
    expect(h.resolverRequests.at(-1)).toEqual({ name: 'getPanel', count: 5 });
  }, 30_000);

  test('Jira too slow even for the item itself: a "try again" error, in time', async () => {
    h.site.slowDown({ afterRequests: 0, hold: true });
    fakeClock();
    const started = Date.now();
    const answer = h.invoke('getPanel', { ref: 'jira:CS-1' }, BOB_ID, 3_000);
    await h.site.whenHeld(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await answer).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
    expect(Date.now() - started).toBeLessThan(3_000);
  }, 30_000);
});

/** Real event-loop turns (not timers, which are fake here) until `condition` holds. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await turns(1);
}

async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

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
