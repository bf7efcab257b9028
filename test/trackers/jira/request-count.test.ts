// Issue 3's performance figure: how many HTTP calls the adapter needs for an epic with 500
// descendants (20 stories × 24 sub-tasks). The minimum the API allows is one bulk fetch for the
// epic, then per level ⌈children / page size⌉ searches; sub-tasks need no further level because
// Jira gives them no children.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { epicDataset } from '../../workbench/emulators/jira/fixtures';
import { startSite, viewer, type Site } from './harness';

const STORIES = 20;
const SUBTASKS = 24;
const CAROL = { email: 'carol@rain.town', apiToken: 'carol-token' };

let site: Site;
beforeAll(async () => {
  site = await startSite(epicDataset(STORIES, SUBTASKS));
});
afterAll(() => site.running.close());

test('an epic with 500 descendants costs 7 requests: 1 bulk fetch + 1 page of stories + 5 pages of sub-tasks', async () => {
  const { source } = viewer(site, CAROL);
  const { items } = await source.getItems(['jira:BIG-1']);
  const descendants = await source.getDescendants(['jira:BIG-1']);
  expect(items).toHaveLength(1);
  expect(descendants).toHaveLength(STORIES + STORIES * SUBTASKS);
  expect(STORIES + STORIES * SUBTASKS).toBe(500);

  const page = site.emulator.pageCaps.withFields;
  const minimum = 1 + Math.ceil(STORIES / page) + Math.ceil((STORIES * SUBTASKS) / page);
  expect(minimum).toBe(7);
  expect(source.requestCount).toBe(minimum);
  // Full pages: every search page but the last of a level holds the largest page Jira gives.
  const sizes = site.emulator.requests.slice(1).map((r) => (r.body as { maxResults: number }).maxResults);
  expect(sizes.every((s) => s === 5000)).toBe(true);
  console.info(`Jira requests for an epic with 500 descendants: ${source.requestCount} (minimum ${minimum})`);
});
