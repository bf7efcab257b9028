// Issue 4 figures, measured on the Forge backend as it runs on Forge: the real @forge/api and
// @forge/resolver over the fake runtime boundary, Jira over HTTP (the emulated site), the store
// with Forge's 20-item pages. Requests are those the Forge proxy saw.
// - Jira requests for an epic panel whose KR spans 500 issues (budget: result pages + 1);
// - Jira requests for one issue-updated event touching one KR (budget: 3);
// - a 1,000-update event storm on that KR;
// - the panel answered from stored snapshots for a KR with 10,000 units (budget: < 300 ms of our
//   own compute), and what one event costs on that KR.
import type { PanelView } from '../src/app/api';
import type { IsoDate } from '../src/core/model/dates';
import type { JiraDataset } from '../src/workbench/emulators/jira';
import { appAccount, dataOf, forgeHarness, type ForgeHarness, type StoreKind } from '../test/forge/harness';
import { epicDataset } from '../test/workbench/emulators/jira/fixtures';
import { median } from './stats';

const TODAY = '2026-11-15' as IsoDate;
const CAROL_ID = '5b10a2844c20165700ede21c';
const DONE = { statusCategory: 'done' as const, statusName: 'Done', resolution: 'Done' };

function dataset(stories: number, subtasks: number): JiraDataset {
  const base = epicDataset(stories, subtasks);
  return { ...base, users: [...base.users, appAccount(['BIG'])] };
}

const plan = {
  okr: 1,
  periods: [{ id: '2026-Q4', start: '2026-10-01', end: '2026-12-31' }],
  teams: [{ id: 'big', name: 'Big programme' }],
  objectives: [{ id: 'O1', title: 'Ship the big programme', team: 'big', period: '2026-Q4', keyResults: [{ id: 'KR-BIG', title: 'Deliver the big epic', type: 'effort', links: ['jira:BIG-1'] }] }],
  kpis: [],
  workItems: [],
};

async function site(stories: number, subtasks: number, store: StoreKind, coalesceMs = 0): Promise<ForgeHarness> {
  // carol imports the plan: she is the site's Jira administrator (the admin role, docs/permissions.md).
  const h = await forgeHarness({ dataset: dataset(stories, subtasks), today: TODAY, store, coalesceMs, admins: ['carol@rain.town'] });
  dataOf(await h.invoke('importPlan', { text: JSON.stringify(plan), format: 'json' }, CAROL_ID));
  return h;
}

const requestsOf = (h: ForgeHarness, modules: string[]) => h.runtime.calls.filter((c) => modules.includes(c.module)).length;

export async function benchForge(): Promise<Record<string, unknown>> {
  return {
    epicPanel500: await epicPanel(),
    issueUpdatedEvent: await oneEvent(),
    eventStorm1000: await storm(),
    kr10000Units: await bigKr(),
  };
}

async function epicPanel(): Promise<Record<string, unknown>> {
  const h = await site(20, 24, 'kvs');
  try {
    h.runtime.calls.length = 0;
    const t = performance.now();
    const panel = dataOf<PanelView>(await h.invoke('getPanel', { ref: 'jira:BIG-1' }, CAROL_ID));
    const ms = performance.now() - t;
    const page = h.site.emulator.pageCaps.withFields;
    const pages = Math.ceil(20 / page) + Math.ceil(480 / page);
    const kr = panel.keyResults[0]?.kr;
    return {
      units: kr?.type === 'effort' ? kr.units : undefined,
      requests: requestsOf(h, ['resolver']),
      budget: `${pages} result pages + 1 = ${pages + 1}`,
      ms: Math.round(ms),
    };
  } finally {
    await h.close();
  }
}

async function oneEvent(): Promise<Record<string, unknown>> {
  const h = await site(20, 24, 'kvs');
  try {
    await h.reconcile();
    const out: Record<string, unknown> = {};
    for (const [what, key, patch, changelog] of [
      ['status change (sub-task to Done)', 'BIG-4', DONE, [{ fieldId: 'status' }]],
      ['story moved out of the epic', 'BIG-27', { parent: undefined }, [{ fieldId: 'parent' }]],
    ] as const) {
      h.runtime.calls.length = 0;
      h.site.emulator.updateIssue(key, patch);
      const t = performance.now();
      const outcome = await h.event({ eventType: 'avi:jira:updated:issue', issue: { key }, changelog: { items: [...changelog] } });
      out[what] = { krs: Object.keys(outcome?.krs ?? {}), requests: requestsOf(h, ['issue-events']), ms: Math.round(performance.now() - t) };
    }
    h.runtime.calls.length = 0;
    h.site.emulator.addIssue({ key: 'BIG-9000', summary: 'A new sub-task', issuetype: 'Sub-task', statusCategory: 'new', parent: 'BIG-2' });
    const outcome = await h.event({ eventType: 'avi:jira:created:issue', issue: { key: 'BIG-9000' } });
    out['sub-task created'] = { krs: Object.keys(outcome?.krs ?? {}), requests: requestsOf(h, ['issue-events']) };
    return { ...out, budget: 3 };
  } finally {
    await h.close();
  }
}

async function storm(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const store of ['memory', 'kvs'] as const) {
    const h = await site(20, 24, store, 2_000);
    try {
      await h.reconcile();
      h.runtime.calls.length = 0;
      const tasks: (() => Promise<unknown>)[] = [];
      for (const round of [0, 1]) {
        for (let n = 2; n <= 501; n++) {
          const key = `BIG-${n}`;
          tasks.push(() => {
            h.site.emulator.updateIssue(key, (n + round) % 2 === 0 ? DONE : { statusCategory: 'indeterminate', statusName: 'In Progress', resolution: null });
            return h.event({ eventType: 'avi:jira:updated:issue', issue: { key }, changelog: { items: [{ fieldId: 'status' }] } });
          });
        }
      }
      const t = performance.now();
      let next = 0;
      await Promise.all(Array.from({ length: 50 }, async () => { while (next < tasks.length) await (tasks[next++] as () => Promise<unknown>)(); }));
      await h.drain();
      out[store] = { events: tasks.length, requests: requestsOf(h, ['issue-events', 'drain']), ms: Math.round(performance.now() - t) };
    } finally {
      await h.close();
    }
  }
  return { ...out, oneFullRead: 7, delivery: '50 invocations in parallel, 2 s coalescing (the default)' };
}

/**
 * The stale panels left the KR marked for a full recomputation (about 100 requests here): an
 * event invocation (25 s) applies its own change and leaves that to the hourly drain (900 s).
 */
async function afterStale(h: ForgeHarness): Promise<Record<string, unknown>> {
  h.runtime.calls.length = 0;
  h.site.emulator.updateIssue('BIG-5', DONE);
  await h.event({ eventType: 'avi:jira:updated:issue', issue: { key: 'BIG-5' }, changelog: { items: [{ fieldId: 'status' }] } });
  const event = requestsOf(h, ['issue-events']);
  const t = performance.now();
  await h.drain();
  return { eventRequests: event, hourlyDrain: { requests: requestsOf(h, ['drain']), ms: Math.round(performance.now() - t) } };
}

async function bigKr(): Promise<Record<string, unknown>> {
  // 100 stories × 100 sub-tasks: 10,000 units. The memory store keeps the set-up quick.
  const h = await site(100, 100, 'memory');
  try {
    let t = performance.now();
    await h.reconcile();
    const reconcileMs = performance.now() - t;
    const reconcileRequests = requestsOf(h, ['reconcile']);

    h.runtime.calls.length = 0;
    h.site.emulator.updateIssue('BIG-4', DONE);
    t = performance.now();
    await h.event({ eventType: 'avi:jira:updated:issue', issue: { key: 'BIG-4' }, changelog: { items: [{ fieldId: 'status' }] } });
    const eventMs = performance.now() - t;
    const eventRequests = requestsOf(h, ['issue-events']);

    // Jira reads the epic, then throttles: the panel answers from the stored snapshot.
    const stale: number[] = [];
    let units: unknown;
    for (let i = 0; i < 9; i++) {
      h.site.slowDown({ afterRequests: 1, rateLimitSeconds: 60 });
      h.runtime.calls.length = 0;
      t = performance.now();
      const panel = dataOf<PanelView>(await h.invoke('getPanel', { ref: 'jira:BIG-1' }, CAROL_ID));
      stale.push(performance.now() - t);
      h.site.slowDown(undefined);
      if (!panel.stale) throw new Error('the panel was expected to answer from the stored snapshot');
      const kr = panel.keyResults[0]?.kr;
      units = kr?.type === 'effort' ? kr.units : undefined;
    }

    return {
      units,
      panelFromStoredSnapshotMs: { median: Math.round(median(stale) * 10) / 10, max: Math.round(Math.max(...stale) * 10) / 10, jiraRequests: 2, budget: 300 },
      statusEvent: { ms: Math.round(eventMs), requests: eventRequests },
      afterStalePanels: await afterStale(h),
      firstReconcile: { ms: Math.round(reconcileMs), requests: reconcileRequests, note: 'includes one issue property write per issue' },
    };
  } finally {
    await h.close();
  }
}
