// Measured values on Forge (SPEC §8, issue 11 "Who measures"): the hourly trigger reads each JQL
// measure as its owner through offline impersonation, which the runtime fake allows only for the
// scopes manifest.yml declares with `allowImpersonation`; never as the app. Resolvers measure
// and preview as the viewer, so a viewer never receives a count over issues they cannot browse.
// A pass over many measures stops before the invocation's limit and the next one resumes.
import api from '@forge/api';
import { afterEach, describe, expect, test } from 'vitest';
import type { MeasurePreview, MeasureRun } from '../../src/app/api';
import { C, type CheckInDoc } from '../../src/app/collections';
import { listAll } from '../../src/app/list-all';
import { forgeJiraRequest } from '../../src/forge/jira-request';
import { forgeMeasureSource } from '../../src/forge/measure-source';
import { measurePass } from '../../src/forge/triggers/measure-pass';
import { ALICE_ID, BOB_ID, forgeSiteDataset, PLAN, TODAY } from './fixtures';
import { dataOf, forgeHarness, type ForgeHarness } from './harness';

const OPEN = 'statusCategory != Done';
const dataset = forgeSiteDataset();
/** What each person's search can match: bob browses CS only, alice and the app everything. */
const openIn = (projects: readonly string[]) => dataset.issues.filter((i) => i.statusCategory !== 'done' && projects.includes(i.key.split('-')[0] ?? '')).length;
const BOBS_OPEN = openIn(['CS']);
const ALL_OPEN = openIn(['CS', 'OPS', 'SECRET']);

/** PLAN with KR-OPEN (owned by bob) and KR-LOOSE (no owner) measured by JQL. */
function measuredPlan(extra = 0) {
  const o = PLAN.objectives[0];
  if (!o) throw new Error('PLAN has an objective');
  const more = Array.from({ length: extra }, (_, i) => ({ id: `KR-M${String(i).padStart(3, '0')}`, title: `Measured ${i}`, type: 'outcome', start: 0, target: 10, owner: BOB_ID, measure: { jql: OPEN } }));
  return {
    ...PLAN,
    objectives: [
      {
        ...o,
        keyResults: [
          ...o.keyResults,
          { id: 'KR-OPEN', title: 'Open issues down to 2', type: 'outcome', start: 10, target: 2, owner: BOB_ID, measure: { jql: OPEN } },
          ...(extra ? more : [{ id: 'KR-LOOSE', title: 'Nobody owns this one', type: 'outcome', start: 10, target: 2, measure: { jql: OPEN } }]),
        ],
      },
    ],
  };
}

let h: ForgeHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function site(options: { impersonationScopes?: string[]; extra?: number } = {}): Promise<ForgeHarness> {
  h = await forgeHarness({ dataset, today: TODAY, admins: ['alice@rain.town'], store: 'memory', ...(options.impersonationScopes ? { impersonationScopes: options.impersonationScopes } : {}) });
  dataOf(await h.invoke('importPlan', { text: JSON.stringify(measuredPlan(options.extra)), format: 'json' }, ALICE_ID));
  return h;
}

const measuredCheckIns = async (s: ForgeHarness, kr: string) => (await listAll<CheckInDoc>(s.store, C.checkIns, { index: 'kr', value: kr })).map((d) => d.value).filter((c) => c.source === 'measured');

describe('the scheduled measure', () => {
  test("reads as the measure's owner through asUser(accountId), never as the app", async () => {
    const s = await site();
    const result = await s.measure();
    const runs = result?.runs ?? [];
    expect(runs.find((r) => r.measure === 'KR-OPEN')).toMatchObject({ by: BOB_ID, trigger: 'schedule', matched: BOBS_OPEN, value: BOBS_OPEN });
    // Bob sees fewer open issues than the app would: the count is his, not a superuser's.
    expect(BOBS_OPEN).toBeLessThan(ALL_OPEN);
    const calls = s.runtime.calls.filter((c) => c.module === 'measure');
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.provider === 'user' && c.impersonated === BOB_ID && c.as === 'bob@rain.town')).toBe(true);
    expect(await measuredCheckIns(s, 'KR-OPEN')).toEqual([{ at: TODAY, value: BOBS_OPEN, source: 'measured', count: BOBS_OPEN, kr: 'KR-OPEN' }]);
  });

  test('a measure without an owner is a failed run that says why, and asks Jira nothing', async () => {
    const s = await site();
    const runs = (await s.measure())?.runs ?? [];
    expect(runs.find((r) => r.measure === 'KR-LOOSE')).toMatchObject({ by: '(no owner)', error: expect.stringMatching(/has no owner/) as unknown, requests: 0 });
    expect(await measuredCheckIns(s, 'KR-LOOSE')).toEqual([]);
  });

  test('without allowImpersonation in the manifest the platform refuses, and nothing is recorded', async () => {
    const s = await site({ impersonationScopes: [] });
    const runs = (await s.measure())?.runs ?? [];
    expect(runs.find((r) => r.measure === 'KR-OPEN')?.error).toBeDefined();
    expect(s.runtime.calls.filter((c) => c.module === 'measure').map((c) => [c.provider, c.status, c.impersonated])).toEqual([['user', 403, BOB_ID]]);
    expect(await measuredCheckIns(s, 'KR-OPEN')).toEqual([]);
  });

  test('a second pass within the hour runs nothing again', async () => {
    const s = await site();
    await s.measure();
    expect((await s.measure())?.runs).toEqual([]);
  });
});

describe('as the viewer', () => {
  test('a preview counts only what the viewer may browse; a project they cannot see is Jira\'s refusal, not a count', async () => {
    const s = await site();
    const bob = dataOf<MeasurePreview>(await s.invoke('previewMeasure', { measure: { jql: OPEN } }, BOB_ID));
    const alice = dataOf<MeasurePreview>(await s.invoke('previewMeasure', { measure: { jql: OPEN } }, ALICE_ID));
    expect(bob).toMatchObject({ ok: true, matched: BOBS_OPEN, url: `/issues/?jql=${encodeURIComponent(OPEN)}` });
    expect(alice).toMatchObject({ ok: true, matched: ALL_OPEN });
    const secret = dataOf<MeasurePreview>(await s.invoke('previewMeasure', { measure: { jql: 'project = SECRET' } }, BOB_ID));
    expect(secret).toEqual({ ok: false, error: expect.stringMatching(/SECRET/) as unknown });
    expect(s.runtime.calls.filter((c) => c.module === 'resolver' && c.provider === 'app')).toEqual([]);
  });

  test('"measure now" by an editor records their count, read as them', async () => {
    const s = await site();
    const [run] = dataOf<MeasureRun[]>(await s.invoke('measureNow', { id: 'KR-OPEN' }, ALICE_ID));
    expect(run).toMatchObject({ by: ALICE_ID, trigger: 'viewer', matched: ALL_OPEN });
  });
});

describe('many measures', () => {
  test('a pass stops before the time limit and the next pass resumes with the measures not yet run', async () => {
    const s = await site({ extra: 120 });
    // Fake time: every Jira request takes one second; the invocation has 60 s, 10 s of margin.
    let clock = Date.parse(`${TODAY}T09:00:00Z`);
    const pass = () =>
      s.runtime.trigger('measure', () => {
        const started = clock;
        return measurePass({
          store: s.store,
          asUserId: (id) => {
            const request = forgeJiraRequest(api.asUser(id).requestJira);
            return async (path, init) => {
              clock += 1000;
              return request(path, init);
            };
          },
          sourceFor: forgeMeasureSource,
          remaining: () => 60_000 - (clock - started),
          now: () => clock,
          today: () => TODAY,
        });
      });
    // KR-OPEN and the 120 more: every one runs once before any runs again (stalest first).
    const total = 121;
    const seen = new Set<string>();
    let passes = 0;
    while (seen.size < total) {
      const result = await pass();
      passes++;
      expect(result.runs.length).toBeGreaterThan(0);
      for (const r of result.runs) {
        if (seen.size < total) expect(seen.has(r.measure), `${r.measure} ran again before every measure had run`).toBe(false);
        seen.add(r.measure);
      }
      if (seen.size < total) expect(result.left).toBeGreaterThan(0);
      clock += 60 * 60 * 1000; // the next hourly tick
    }
    expect(passes).toBeGreaterThan(1);
  }, 60_000);
});
