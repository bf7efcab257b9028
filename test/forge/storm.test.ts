// Issue 4: "an event storm (1,000 updates) causes no more Jira requests than needed". A bulk
// edit of an epic's 500 issues, twice over, reaches the app as 1,000 issue-updated events that
// Forge delivers in parallel (here 50 invocations at a time). Each event only marks its issue
// dirty; the invocation that takes the KR's lease waits a moment, then recomputes once for all
// marks it finds — reading the marked issues 100 per request, or the whole scope when that is
// cheaper. Needed, at least: reading each changed issue once (5 bulk fetches) or the scope once
// (7 requests: the epic, 1 page of stories, 5 pages of sub-tasks). The storm must stay within
// two such reads, and leave the KR exactly as a full recomputation would.
//
// The coalescing wait is the production 2 s in name only: a real 2 s window covers the storm on
// an idle machine and not on a loaded one, so the test would measure the machine. Here the
// window is a gate that closes when the storm has landed (every other event handled), which is
// what the 2 s are sized for, and the invocations' clock stands still during the storm, so no
// deadline or lease runs out because the machine is slow.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { C, type SnapshotDoc } from '../../src/app/collections';
import type { IsoDate } from '../../src/core/model/dates';
import type { JiraDataset } from '../../src/workbench/emulators/jira';
import { epicDataset } from '../workbench/emulators/jira/fixtures';
import { appAccount, dataOf, forgeHarness, STORE_KINDS, type ForgeHarness } from './harness';

const TODAY = '2026-11-15' as IsoDate;
const CAROL_ID = '5b10a2844c20165700ede21c';
const FULL_RECOMPUTE = 1 + 1 + 5;

function dataset(): JiraDataset {
  const base = epicDataset(20, 24);
  return { ...base, users: [...base.users, appAccount(['BIG'])] };
}

const plan = {
  okr: 1,
  periods: [{ id: '2026-Q4', start: '2026-10-01', end: '2026-12-31' }],
  teams: [{ id: 'big', name: 'Big programme' }],
  objectives: [
    {
      id: 'O1',
      title: 'Ship the big programme',
      team: 'big',
      period: '2026-Q4',
      keyResults: [{ id: 'KR-BIG', title: 'Deliver the big epic', type: 'effort', links: ['jira:BIG-1'] }],
    },
  ],
  kpis: [],
  workItems: [],
};

/** The coalescing wait as a gate: open outside a storm, and during one until it has landed. */
class StormWindow {
  readonly asked: number[] = [];
  private readonly waiting: (() => void)[] = [];
  private landed: () => boolean = () => true;

  readonly sleep = (ms: number): Promise<void> => {
    this.asked.push(ms);
    const wait = new Promise<void>((resolve) => this.waiting.push(resolve));
    this.check();
    return wait;
  };

  get sleeping(): number {
    return this.waiting.length;
  }

  /** From now on a wait lasts until `landed()` holds. */
  storm(landed: () => boolean): void {
    this.landed = landed;
  }

  check(): void {
    if (!this.landed()) return;
    this.landed = () => true;
    for (const release of this.waiting.splice(0)) release();
  }
}

describe.each(STORE_KINDS)('on the %s store', (store) => {
  let h: ForgeHarness;
  const window = new StormWindow();
  beforeAll(async () => {
    // The production coalescing window (TriggerDeps.coalesceMs default), waited through `window`.
    h = await forgeHarness({ dataset: dataset(), today: TODAY, coalesceMs: 2_000, sleep: window.sleep, store, admins: ['carol@rain.town'] });
    dataOf(await h.invoke('importPlan', { text: JSON.stringify(plan), format: 'json' }, CAROL_ID));
    await h.reconcile();
  }, 120_000);
  afterAll(() => h.close());

  async function pool<T>(tasks: (() => Promise<T>)[], size: number): Promise<T[]> {
    const out: T[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: size }, async () => {
        while (next < tasks.length) {
          const i = next++;
          out[i] = await (tasks[i] as () => Promise<T>)();
        }
      }),
    );
    return out;
  }

  test('1,000 issue updates in parallel cost at most two reads of the scope, and end where a full recomputation does', async () => {
    h.runtime.calls.length = 0;
    const keys = Array.from({ length: 500 }, (_, i) => `BIG-${i + 2}`);
    const tasks: (() => Promise<unknown>)[] = [];
    for (const round of [0, 1]) {
      for (const key of keys) {
        tasks.push(() => {
          // The edit happens in Jira, then its event is delivered.
          const done = (Number(key.slice(4)) + round) % 2 === 0;
          h.site.emulator.updateIssue(key, done ? { statusCategory: 'done', statusName: 'Done', resolution: 'Done' } : { statusCategory: 'indeterminate', statusName: 'In Progress', resolution: null });
          return h.event({ eventType: 'avi:jira:updated:issue', issue: { key }, changelog: { items: [{ field: 'status', fieldId: 'status' }] } });
        });
      }
    }
    let handled = 0;
    const counted = tasks.map((task) => async () => {
      try {
        return await task();
      } finally {
        handled++;
        window.check();
      }
    });
    window.asked.length = 0;
    window.storm(() => handled + window.sleeping >= tasks.length);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      await pool(counted, 50);
      // Marks left by invocations that ran out of lease or time are the hourly drain's.
      await h.drain();
    } finally {
      vi.useRealTimers();
    }
    // The lease holder waited the production window once, and the storm landed within it.
    expect(window.asked).toEqual([2_000]);
    const requests = h.runtime.calls.filter((c) => c.module === 'issue-events' || c.module === 'drain');
    console.info(`event storm (${store} store): 1,000 updates of 500 issues -> ${requests.length} Jira requests (a full recomputation is ${FULL_RECOMPUTE})`);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.length).toBeLessThanOrEqual(2 * FULL_RECOMPUTE);
    expect(requests.every((c) => c.provider === 'app')).toBe(true);

    const byEvents = (await h.store.get<SnapshotDoc>(C.snapshotHeads, 'KR-BIG'))?.value;
    await h.store.delete('forge.reconcile', 'pass', (await h.store.get('forge.reconcile', 'pass'))?.version ?? '');
    await h.reconcile();
    const byPass = (await h.store.get<SnapshotDoc>(C.snapshotHeads, 'KR-BIG'))?.value;
    expect(byEvents && { done: byEvents.done, total: byEvents.total }).toEqual(byPass && { done: byPass.done, total: byPass.total });
  }, 120_000);
});
