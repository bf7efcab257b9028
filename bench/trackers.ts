// Issue 3 and 5 figures: HTTP requests the tracker adapters make for a panel's scope, over real
// HTTP against the emulators (the same adapters the hosts use), and how long that takes locally.
import { createNodeAdoSource } from '../src/trackers/ado/node-wit-client';
import { fetchJiraRequest, JiraWorkItemSource } from '../src/trackers/jira';
import { startAdoEmulator } from '../src/workbench/emulators/ado/server';
import { JiraEmulator } from '../src/workbench/emulators/jira';
import { generatedTree } from '../test/workbench/emulators/ado/fixture-dataset';
import { epicDataset } from '../test/workbench/emulators/jira/fixtures';
import { benchMeasures } from './measures';

export async function benchTrackers(): Promise<Record<string, unknown>> {
  return {
    jiraEpicWith500Descendants: await jira(),
    adoScopeOf1000Items: await ado(),
    // Issue 11: requests per measure
    measures: await benchMeasures(),
  };
}

async function jira(): Promise<Record<string, unknown>> {
  const emulator = new JiraEmulator(epicDataset(20, 24));
  const running = await emulator.start({ port: 0 });
  try {
    const source = new JiraWorkItemSource({
      request: fetchJiraRequest(running.url, { email: 'carol@rain.town', apiToken: 'carol-token' }),
      storyPointFields: ['customfield_10016'],
      // Hosts pass the site's fields, found once at start-up; the panel's cost is what is measured.
      epicLinkFields: [],
    });
    const t = performance.now();
    const { items } = await source.getItems(['jira:BIG-1']);
    const descendants = await source.getDescendants(['jira:BIG-1']);
    const ms = performance.now() - t;
    const page = emulator.pageCaps.withFields;
    return {
      items: items.length + descendants.length,
      requests: source.requestCount,
      minimumTheApiAllows: 1 + Math.ceil(20 / page) + Math.ceil(480 / page),
      breakdown: '1 bulkfetch + 1 search/jql page of stories + 5 pages of sub-tasks (100 per page with fields)',
      wallMs: +ms.toFixed(1),
    };
  } finally {
    await running.close();
  }
}

async function ado(): Promise<Record<string, unknown>> {
  const tree = generatedTree({ levels: [4, 40, 956] });
  const emu = await startAdoEmulator({ dataset: tree.dataset });
  try {
    const source = createNodeAdoSource({ orgUrl: emu.orgUrl, pat: 'dev-token', project: 'Big' });
    const t = performance.now();
    const scope = await source.getScope(tree.roots.map((id) => `ado:${id}`));
    const ms = performance.now() - t;
    return {
      items: scope.items.length,
      levels: 3,
      requests: source.requests,
      expected: { wiql: 3, batch: Math.ceil(1000 / 200) },
      discoveryRequestsOncePerClient: emu.requests().length - source.requests.wiql - source.requests.batch - source.requests.states,
      wallMs: +ms.toFixed(1),
    };
  } finally {
    await emu.close();
  }
}
