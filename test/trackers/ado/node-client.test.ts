// The adapter on Node, through Microsoft's azure-devops-node-api, against the Azure DevOps
// emulator over HTTP: discovery, SPEC §6 mapping (every state category, parents, estimates with
// fallbacks), what a viewer may not see, paging past 200 ids, 429 + Retry-After, WIQL limits.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AdoWorkItemSource } from '../../../src/trackers/ado/ado-work-item-source';
import { createNodeAdoSource } from '../../../src/trackers/ado/node-wit-client';
import { RateLimitedError } from '../../../src/core/model/errors';
import { AdoHttpError } from '../../../src/trackers/ado/wit-client';
import { startAdoEmulator, type AdoEmulator } from '../../../src/workbench/emulators/ado/server';
import { fabrikam, generatedTree } from '../../workbench/emulators/ado/fixture-dataset';

/** A sleep that only records how long it was asked to wait. */
function recordInto(waits: number[]): (ms: number) => Promise<void> {
  return (ms) => {
    waits.push(ms);
    return Promise.resolve();
  };
}

let emu: AdoEmulator;
beforeAll(async () => {
  emu = await startAdoEmulator({ dataset: fabrikam() });
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => emu.clearRequests());

const noWait = { sleep: async () => {} };
function as(pat: string, emulator: AdoEmulator = emu, project = 'Web'): AdoWorkItemSource {
  return createNodeAdoSource({ orgUrl: emulator.orgUrl, pat, project, retry: noWait });
}
const byRef = <T extends { ref: string }>(items: T[]) => Object.fromEntries(items.map((i) => [i.ref, i]));

describe('discovery', () => {
  it('finds the wit area through OPTIONS Location, GET ResourceAreas and OPTIONS wit, once per source', async () => {
    const source = as('ana-token');
    await source.getItems(['ado:1']);
    await source.getItems(['ado:2']);
    const discovery = emu.requests().filter((r) => r.method === 'OPTIONS' || /ResourceAreas/.test(r.path));
    expect(discovery.map((r) => `${r.method} ${r.path}`)).toEqual([
      'OPTIONS /fabrikam/_apis/Location',
      'GET /fabrikam/_apis/ResourceAreas',
      'OPTIONS /fabrikam/_apis/wit',
    ]);
  });
});

describe('SPEC §6 mapping through azure-devops-node-api', () => {
  it('maps every state category, custom states included, for Agile and Scrum types', async () => {
    const { items, missing } = await as('ana-token').getItems([3, 4, 5, 6, 7, 8, 11, 12, 13].map((id) => `ado:${id}`));
    expect(missing).toEqual([]);
    expect(items.map((i) => [i.ref, i.status])).toEqual([
      ['ado:3', 'todo'], // New: Proposed
      ['ado:4', 'in-progress'], // Active: InProgress
      ['ado:5', 'in-progress'], // Blocked on vendor: a custom InProgress state
      ['ado:6', 'in-progress'], // Resolved: Resolved
      ['ado:7', 'done'], // Closed: Completed
      ['ado:8', 'cancelled'], // Removed: Removed
      ['ado:11', 'todo'], // Approved: Proposed (Scrum)
      ['ado:12', 'in-progress'], // Committed: InProgress
      ['ado:13', 'done'], // Done: Completed
    ]);
  });

  it('takes StoryPoints, else Effort, else Size', async () => {
    const items = byRef((await as('ana-token').getItems(['ado:3', 'ado:4', 'ado:5', 'ado:6', 'ado:7', 'ado:11'])).items);
    expect(items['ado:3']?.estimate).toBe(3); // all three set
    expect(items['ado:4']?.estimate).toBe(5); // Effort over Size
    expect(items['ado:5']?.estimate).toBe(13); // Size alone
    expect(items['ado:6']?.estimate).toBeUndefined(); // none
    expect(items['ado:7']?.estimate).toBe(0); // an explicit 0 story points is an estimate
    expect(items['ado:11']?.estimate).toBe(8); // Scrum's Effort
  });

  it('gives every descendant its parent and reads each once', async () => {
    const source = as('ana-token');
    const descendants = await source.getDescendants(['ado:1', 'ado:2']);
    // 2 is linked itself but also lies below 1: it is a descendant too, listed once.
    expect(Object.fromEntries(descendants.map((d) => [d.ref, d.parent]))).toEqual({
      'ado:2': 'ado:1',
      'ado:10': 'ado:1',
      ...Object.fromEntries([3, 4, 5, 6, 7, 8].map((id) => [`ado:${id}`, 'ado:2'])),
      ...Object.fromEntries([11, 12, 13].map((id) => [`ado:${id}`, 'ado:10'])),
      'ado:9': 'ado:4',
    });
    expect(descendants).toHaveLength(12);
    expect(byRef(descendants)['ado:9']).toEqual({ ref: 'ado:9', title: 'Wire the card form', type: 'Task', status: 'in-progress', parent: 'ado:4' });
    // Levels: {1, 2} → {10, 3..8} → {9, 11, 12, 13} (leaves: nothing more below).
    expect(source.requests.wiql).toBe(3);
    expect(source.requests.batch).toBe(1);
  });

  it('getScope lists linked items and their descendants each once, linked ones first', async () => {
    const source = as('ana-token');
    const scope = await source.getScope(['ado:2', 'ado:1', 'ado:404']);
    expect(scope.missing).toEqual(['ado:404']);
    expect(scope.items.slice(0, 2).map((i) => [i.ref, i.parent])).toEqual([
      ['ado:2', 'ado:1'],
      ['ado:1', undefined],
    ]);
    expect(scope.items).toHaveLength(13);
    expect(new Set(scope.items.map((i) => i.ref)).size).toBe(13);
    expect(source.requests.batch).toBe(1);
  });

  it('reads the parent of a linked item itself (the panel needs it for the chain upwards)', async () => {
    expect((await as('ana-token').getItems(['ado:9'])).items[0]?.parent).toBe('ado:4');
  });
});

describe('what the viewer may not see', () => {
  it('lands in missing exactly like an item that does not exist', async () => {
    const ben = await as('ben-token').getItems(['ado:1', 'ado:2', 'ado:999', 'jira:WEB-1', 'ado:99999999999']);
    expect(ben.items.map((i) => i.ref)).toEqual(['ado:2']);
    expect(ben.missing.sort()).toEqual(['ado:1', 'ado:999', 'ado:99999999999', 'jira:WEB-1'].sort());
    // 2's parent (1) is not visible to ben: no parent is revealed.
    expect(ben.items[0]?.parent).toBeUndefined();
    const cleo = await as('cleo-token').getItems(['ado:1', 'ado:2']);
    expect(cleo).toEqual({ items: [], missing: ['ado:1', 'ado:2'] });
  });

  it('keeps invisible items and everything only reachable through them out of descendants', async () => {
    expect(await as('ben-token').getDescendants(['ado:1'])).toEqual([]);
    expect((await as('ben-token').getDescendants(['ado:2'])).map((d) => d.ref)).toEqual([3, 4, 5, 6, 7, 8, 9].map((id) => `ado:${id}`));
    // ana sees Mobile\Shared but neither the Mobile root (20) nor Mobile\Secret (22): nothing below 20
    // reaches her, and below 21 the task under 22 (24, itself in Shared) stays out with 22.
    expect(await as('ana-token').getDescendants(['ado:20'])).toEqual([]);
    expect((await as('ana-token').getDescendants(['ado:21'])).map((d) => d.ref)).toEqual(['ado:23']);
  });

  it('never finds invisible items by search', async () => {
    expect(await as('ben-token').search('1', 5)).toEqual([]);
    expect((await as('ben-token').search('story', 10)).map((i) => i.ref)).toEqual([3, 4, 5, 6, 7, 8].map((id) => `ado:${id}`));
  });
});

describe('search', () => {
  it('matches a number exactly as an id, with or without #', async () => {
    const source = as('ana-token');
    expect((await source.search('4', 10)).map((i) => i.ref)).toEqual(['ado:4']);
    expect((await source.search(' #10 ', 10)).map((i) => i.title)).toEqual(["Gift cards ('vouchers')"]);
    expect(await source.search('0', 10)).toEqual([]);
  });

  it('searches titles in the project, quotes and all, up to the limit', async () => {
    const source = as('ana-token');
    expect((await source.search("('vouchers')", 10)).map((i) => i.ref)).toEqual(['ado:10']);
    const stories = await source.search('STORY', 3);
    expect(stories).toHaveLength(3);
    expect(stories.every((s) => /story/i.test(s.title ?? ''))).toBe(true);
    // Mobile's stories are in another project.
    expect((await source.search('shared', 10)).map((i) => i.ref)).toEqual([]);
    expect(await source.search('   ', 10)).toEqual([]);
  });

  it('lists the most recently changed first', async () => {
    emu.org.update(5, { title: 'Custom state story (edited)' });
    emu.org.update(3, { title: 'Proposed story (edited)' });
    try {
      expect((await as('ana-token').search('story', 3)).map((i) => i.ref)).toEqual(['ado:3', 'ado:5', 'ado:4']);
    } finally {
      emu.org.update(5, { title: 'Custom state story' });
      emu.org.update(3, { title: 'Proposed story' });
    }
  });
});

describe('failures the user must act on', () => {
  it('reports a token the organization does not know (401) with the service\'s message', async () => {
    const error = await as('expired-token').getItems(['ado:1']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdoHttpError);
    expect(error).toMatchObject({ status: 401, message: expect.stringMatching(/^TF400813/) as unknown });
  });

  it('reports a project that does not exist (the library answers a 404 with no result)', async () => {
    await expect(as('ana-token', emu, 'Nope').search('story', 5)).rejects.toThrow(/no project Nope/);
  });
});

describe('paging past 200 ids', () => {
  it('reads 450 children in batches of 200, 200 and 50', async () => {
    const tree = generatedTree({ levels: [1, 450] });
    const big = await startAdoEmulator({ dataset: tree.dataset });
    try {
      const source = createNodeAdoSource({ orgUrl: big.orgUrl, pat: 'dev-token', project: 'Big' });
      const descendants = await source.getDescendants([`ado:${tree.roots[0]}`]);
      expect(descendants).toHaveLength(450);
      expect(new Set(descendants.map((d) => d.ref)).size).toBe(450);
      const batches = big.requests().filter((r) => /workitemsbatch$/i.test(r.path));
      expect(batches.map((r) => (r.body as { ids: number[] }).ids.length)).toEqual([200, 200, 50]);
      expect(batches.every((r) => r.status === 200)).toBe(true);
      const all = await source.getItems(tree.all.map((id) => `ado:${id}`));
      expect(all.items).toHaveLength(451);
      expect(all.missing).toEqual([]);
    } finally {
      await big.close();
    }
  });
});

describe('429 with Retry-After', () => {
  it('honours Retry-After on the wire: waits the second it asks, then succeeds', async () => {
    // The wait is recorded, not slept: what is checked is the wait asked for, not the machine's speed.
    const waits: number[] = [];
    const source = createNodeAdoSource({ orgUrl: emu.orgUrl, pat: 'ana-token', project: 'Web', retry: { sleep: recordInto(waits) } });
    await source.getItems(['ado:1']); // discovery out of the way
    emu.clearRequests();
    emu.failNext(1, { retryAfterSeconds: 1, match: (r) => /workitemsbatch$/i.test(r.path) });
    const { items } = await source.getItems(['ado:2']);
    expect(waits).toEqual([1000]);
    expect(items.map((i) => i.ref)).toEqual(['ado:2']);
    expect(emu.requests().filter((r) => /workitemsbatch$/i.test(r.path)).map((r) => r.status)).toEqual([429, 200]);
    // Counted as the wire saw it: the warm-up read, then the throttled attempt and its retry.
    expect(source.requests.batch).toBe(3);
  });

  it('retries a bounded number of times, then fails with a clear error', async () => {
    const waits: number[] = [];
    const source = createNodeAdoSource({ orgUrl: emu.orgUrl, pat: 'ana-token', project: 'Web', retry: { maxAttempts: 4, sleep: recordInto(waits) } });
    emu.failNext(10, { retryAfterSeconds: 2, match: (r) => /wiql$/i.test(r.path) });
    try {
      const error = await source.getDescendants(['ado:1']).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitedError);
      expect((error as Error).message).toMatch(/HTTP 429\) for a hierarchy query: gave up after 4 attempt\(s\); it asked to wait 2 s more/);
      expect(waits).toEqual([2000, 2000, 2000]);
      expect(emu.requests().filter((r) => /wiql$/i.test(r.path))).toHaveLength(4);
    } finally {
      emu.clearFaults();
    }
  });

  it('survives throttling during location discovery', async () => {
    const waits: number[] = [];
    emu.failNext(2, { retryAfterSeconds: 3 });
    const source = createNodeAdoSource({ orgUrl: emu.orgUrl, pat: 'ana-token', project: 'Web', retry: { sleep: recordInto(waits) } });
    expect((await source.getItems(['ado:1'])).items).toHaveLength(1);
    expect(waits).toEqual([3000, 3000]);
    expect(emu.requests().slice(0, 2).map((r) => [r.method, r.status])).toEqual([
      ['OPTIONS', 429],
      ['OPTIONS', 429],
    ]);
  });
});

describe('WIQL result limit (VS402337)', () => {
  it('splits a level whose link query returns too much, and gets the same answer', async () => {
    const capped = await startAdoEmulator({ dataset: fabrikam(), wiqlResultCap: 8 });
    try {
      const source = as('ana-token', capped);
      const got = await source.getDescendants(['ado:1']);
      const expected = await as('ana-token').getDescendants(['ado:1']);
      expect(got.map((g) => g.ref).sort()).toEqual(expected.map((e) => e.ref).sort());
      const refused = capped.requests().filter((r) => /wiql$/i.test(r.path) && r.status === 400);
      expect(refused).toHaveLength(1);
    } finally {
      await capped.close();
    }
  });

  it('fails clearly when one item alone has more children than a query may return', async () => {
    const capped = await startAdoEmulator({ dataset: fabrikam(), wiqlResultCap: 3 });
    try {
      await expect(as('ana-token', capped).getDescendants(['ado:2'])).rejects.toThrow(/VS402337/);
    } finally {
      await capped.close();
    }
  });
});
