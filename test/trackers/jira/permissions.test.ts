// A viewer without access to a project never gets its issues from any adapter call: not by key,
// not as descendants (even of an epic they can see), not from search. The same calls as a user
// with access do return them, so the test would notice a leak.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { WorkItem } from '../../../src/core/model/work-item';
import type { JiraWorkItemSource } from '../../../src/trackers/jira';
import { ALICE, BOB, siteDataset } from '../../workbench/emulators/jira/fixtures';
import { startSite, viewer, type Site } from './harness';

let site: Site;
beforeAll(async () => {
  site = await startSite(siteDataset());
});
afterAll(() => site.running.close());

const ALL_KEYS = siteDataset().issues.map((i) => `jira:${i.key}`);

async function everything(source: JiraWorkItemSource): Promise<WorkItem[]> {
  const seen: WorkItem[] = [];
  seen.push(...(await source.getItems(ALL_KEYS)).items);
  seen.push(...(await source.getDescendants(['jira:CS-1', 'jira:SECRET-2', 'jira:OPS-1'])));
  for (const text of ['secret', 'crm', 'pricing deal', 'SECRET-1', 'secret-2', 'acquisition']) seen.push(...(await source.search(text, 50)));
  return seen;
}

const isSecret = (i: WorkItem) => i.ref.startsWith('jira:SECRET-') || /secret|acquisition|pricing/i.test(i.title ?? '');

describe('permissions', () => {
  test('bob, who may browse only CS, never receives a SECRET or OPS issue from any call', async () => {
    const { source } = viewer(site, BOB);
    const seen = await everything(source);
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.filter(isSecret)).toEqual([]);
    expect(seen.filter((i) => i.ref.startsWith('jira:OPS-'))).toEqual([]);
    expect((await source.getItems(['jira:SECRET-1', 'jira:SECRET-2'])).missing).toEqual(['jira:SECRET-1', 'jira:SECRET-2']);
  });

  test('alice, who may browse SECRET, receives them from the same calls', async () => {
    const { source } = viewer(site, ALICE);
    const secret = new Set((await everything(source)).filter(isSecret).map((i) => i.ref));
    expect([...secret].sort()).toEqual(['jira:SECRET-1', 'jira:SECRET-2']);
  });
});
