// AdoMeasureSource through azure-devops-node-api against the emulator: one WIQL request per
// count, ⌈n / 200⌉ batch reads of only the field for sums and averages, 429 with Retry-After,
// the 20,000-result cap (VS402337) reported instead of truncated, and the service's words for
// a query it refuses. The emulator learns the WIQL measures use: tags, priority, area paths,
// numeric comparisons on estimates, ORDER BY.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryRefusedError, TooManyResultsError } from '../../../src/core/model/measure-errors';
import { AdoMeasureSource } from '../../../src/trackers/ado/measure/measure-source';
import { NodeWitClient } from '../../../src/trackers/ado/node-wit-client';
import type { AdoDataset, DatasetWorkItem } from '../../../src/workbench/emulators/ado/dataset';
import { startAdoEmulator, type AdoEmulator } from '../../../src/workbench/emulators/ado/server';

const PAT = 'ann-pat';
const ITEMS = 450;
const W = 'SELECT [System.Id] FROM WorkItems WHERE';

function dataset(): AdoDataset {
  const states = [
    { name: 'New', category: 'Proposed' as const, color: 'b2b2b2' },
    { name: 'Active', category: 'InProgress' as const, color: '007acc' },
    { name: 'Closed', category: 'Completed' as const, color: '339933' },
  ];
  const workItems: DatasetWorkItem[] = [];
  for (let id = 1; id <= ITEMS; id++) {
    workItems.push({
      id,
      type: id % 3 === 0 ? 'Bug' : 'User Story',
      title: `Item ${id}`,
      state: id % 2 ? 'Active' : 'Closed',
      areaPath: id % 5 === 0 ? 'Tea\\Platform\\API' : 'Tea\\Web',
      ...(id % 3 === 0 ? { priority: (id % 4) + 1 } : { storyPoints: id % 10 === 0 ? 0 : 3 }),
      ...(id % 9 === 0 ? { tags: ['customer', 'escaped'] } : {}),
    });
  }
  return { org: 'tea', projects: ['Tea'], users: [{ name: 'ann', pat: PAT, projects: ['Tea'] }], types: ['User Story', 'Bug'].map((name) => ({ name, states })), workItems };
}

let emu: AdoEmulator;
beforeAll(async () => {
  emu = await startAdoEmulator({ dataset: dataset(), wiqlResultCap: 400 });
});
afterAll(() => emu.close());

function source() {
  const sleeps: number[] = [];
  const measures = new AdoMeasureSource({
    client: new NodeWitClient({ orgUrl: emu.orgUrl, pat: PAT }),
    orgUrl: emu.orgUrl,
    project: 'Tea',
    retry: { sleep: (ms) => (sleeps.push(ms), Promise.resolve()) },
  });
  return { measures, sleeps };
}

describe('AdoMeasureSource', () => {
  it('counts with one WIQL request and links the query editor', async () => {
    const { measures } = source();
    const wiql = `${W} [System.WorkItemType] = 'Bug' AND [System.State] <> 'Closed' ORDER BY [Microsoft.VSTS.Common.Priority]`;
    const result = await measures.run({ wiql });
    expect(result).toMatchObject({ value: 75, matched: 75, requests: 1 });
    expect(result.queryUrl).toBe(`${emu.orgUrl}/Tea/_queries/query/?wiql=${encodeURIComponent(wiql)}`);
  });

  it('sums past 200 items in ⌈n / 200⌉ batch reads asking for the estimate fields only', async () => {
    const { measures } = source();
    emu.clearRequests();
    const result = await measures.run({ wiql: `${W} [System.WorkItemType] = 'User Story' AND [System.AreaPath] UNDER 'Tea\\Web'`, aggregate: 'sum', field: 'estimate' });
    const webStories = Array.from({ length: ITEMS }, (_, i) => i + 1).filter((id) => id % 3 !== 0 && id % 5 !== 0);
    const points = webStories.reduce((sum, id) => sum + (id % 10 === 0 ? 0 : 3), 0);
    expect(result).toMatchObject({ value: points, matched: webStories.length, requests: 1 + Math.ceil(webStories.length / 200) });
    const batches = emu.requests().filter((r) => /\/workitemsbatch$/i.test(r.path));
    expect(batches.map((b) => (b.body as { ids: number[] }).ids.length)).toEqual([200, 40]);
    expect(batches.every((b) => JSON.stringify((b.body as { fields: string[] }).fields) === JSON.stringify(['System.Id', 'Microsoft.VSTS.Scheduling.StoryPoints', 'Microsoft.VSTS.Scheduling.Effort', 'Microsoft.VSTS.Scheduling.Size']))).toBe(true);
  });

  it('averages a named field over the items that have it, with tags and numeric comparisons', async () => {
    const { measures } = source();
    const result = await measures.run({ wiql: `${W} [System.Tags] CONTAINS 'escaped' AND [Microsoft.VSTS.Common.Priority] <= 2`, aggregate: 'average', field: 'Microsoft.VSTS.Common.Priority' });
    const ids = Array.from({ length: ITEMS }, (_, i) => i + 1).filter((id) => id % 9 === 0 && (id % 4) + 1 <= 2);
    expect(result).toMatchObject({ matched: ids.length, value: ids.reduce((s, id) => s + (id % 4) + 1, 0) / ids.length, requests: 2 });
  });

  it('takes a percent for the cost of its two queries', async () => {
    const { measures } = source();
    const result = await measures.run({ wiql: `${W} [System.WorkItemType] = 'Bug' AND [System.State] = 'Closed'`, aggregate: 'percent', of: `${W} [System.WorkItemType] = 'Bug'` });
    expect(result).toMatchObject({ value: 50, matched: 75, denominator: 150, requests: 2 });
  });

  it('waits what Retry-After asks on 429', async () => {
    const { measures, sleeps } = source();
    emu.failNext(2, { retryAfterSeconds: 5, match: (r) => r.path.endsWith('/wiql') });
    const result = await measures.run({ wiql: `${W} [System.WorkItemType] = 'Bug'` });
    expect(result).toMatchObject({ value: 150, requests: 3 });
    expect(sleeps).toEqual([5000, 5000]);
  });

  it('reports the WIQL result cap (VS402337) instead of counting the first items', async () => {
    const { measures } = source();
    const error = await measures.run({ wiql: `${W} [System.TeamProject] = @project` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyResultsError);
    expect((error as Error).message).toMatch(/more than 20,000 items.*narrow it.*VS402337/);
  });

  it("passes on the service's words for a query it refuses", async () => {
    const { measures } = source();
    const error = await measures.run({ wiql: `${W} [System.Nope] = 1` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryRefusedError);
    expect((error as QueryRefusedError).messages).toEqual(['TF51005: The query references a field that does not exist. The error is caused by «[System.Nope]».']);
  });
});
