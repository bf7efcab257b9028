// Issue 11 figure: a scheduled measure pass over 200 measures on Forge, as it runs on Forge (the
// real @forge/api over the fake runtime boundary, Jira over HTTP to the emulated site, the store
// with Forge's 20-item pages). Each measure reads as its owner through asUser(accountId). The
// pass must fit the scheduled trigger's 900 s; what does not fit resumes next hour.
import type { IsoDate } from '../src/core/model/dates';
import { appAccount, dataOf, forgeHarness } from '../test/forge/harness';
import { ALICE_ID, BOB_ID } from '../test/forge/fixtures';
import { siteDataset } from '../test/workbench/emulators/jira/fixtures';

const TODAY = '2026-11-15' as IsoDate;

export async function benchMeasureForge(measures = 200): Promise<Record<string, unknown>> {
  const base = siteDataset();
  const dataset = { ...base, users: [...base.users, appAccount(base.projects.map((p) => p.key))] };
  const h = await forgeHarness({ dataset, today: TODAY, admins: ['alice@rain.town'], store: 'kvs' });
  try {
    const queries = ['statusCategory != Done', 'project = CS AND type = Story', 'project = CS AND statusCategory = Done'];
    const keyResults = Array.from({ length: measures }, (_, i) => ({
      id: `KR-M${String(i).padStart(3, '0')}`,
      title: `Measured ${i}`,
      type: 'outcome',
      start: 0,
      target: 10,
      // Half count, a quarter sum story points, a quarter percent: the mix of a real plan.
      owner: i % 2 ? BOB_ID : ALICE_ID,
      measure:
        i % 4 === 0
          ? { jql: queries[i % 3], aggregate: 'sum', field: 'estimate' }
          : i % 4 === 1
            ? { jql: 'project = CS AND statusCategory = Done', aggregate: 'percent', of: 'project = CS' }
            : { jql: queries[i % 3] },
    }));
    const plan = {
      okr: 1,
      periods: [{ id: '2026-Q4', start: '2026-10-01', end: '2026-12-31' }],
      teams: [{ id: 'cs', name: 'Customer Success' }],
      objectives: Array.from({ length: measures / 5 }, (_, o) => ({ id: `O${o}`, title: `Objective ${o}`, team: 'cs', period: '2026-Q4', keyResults: keyResults.slice(o * 5, o * 5 + 5) })),
      kpis: [],
      workItems: [],
    };
    dataOf(await h.invoke('importPlan', { text: JSON.stringify(plan), format: 'json' }, ALICE_ID));
    const before = h.runtime.calls.length;
    const started = performance.now();
    const result = await h.measure();
    const wallMs = performance.now() - started;
    const calls = h.runtime.calls.slice(before);
    return {
      measures,
      ran: result?.runs.length,
      failed: result?.runs.filter((r) => r.error !== undefined).length,
      left: result?.left,
      wallMs: Math.round(wallMs),
      jiraRequests: calls.length,
      requestsPerMeasure: Number((calls.length / measures).toFixed(2)),
      asApp: calls.filter((c) => c.provider === 'app').length,
      impersonated: calls.filter((c) => c.impersonated !== undefined).length,
      forgeLimitMs: 900_000,
    };
  } finally {
    await h.close();
  }
}
