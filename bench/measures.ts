// Issue 11 figures: requests per measure (SPEC §8) for 10, 1,000 and 20,000 matching items, on
// both trackers, over real HTTP against the emulators with the adapters the hosts use. Expected:
// Jira count ⌈n/5,000⌉ id pages, sum/average ⌈n/100⌉ field pages, percent the two counts; Azure
// DevOps one WIQL per count, plus ⌈n/200⌉ batch reads for sum/average, two WIQL for a percent.
import type { Measure } from '../src/core/model/measure';
import { AdoMeasureSource } from '../src/trackers/ado/measure/measure-source';
import { NodeWitClient } from '../src/trackers/ado/node-wit-client';
import { fetchJiraRequest } from '../src/trackers/jira';
import { JiraMeasureSource } from '../src/trackers/jira/measure/measure-source';
import { startAdoEmulator } from '../src/workbench/emulators/ado/server';
import type { DatasetWorkItem } from '../src/workbench/emulators/ado/dataset';
import { JiraEmulator, type EmulatedIssue } from '../src/workbench/emulators/jira';

const SIZES = [10, 1_000, 20_000] as const;

export async function benchMeasures(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const n of SIZES) out[`jira, ${n} matching`] = await jira(n);
  for (const n of SIZES) out[`ado, ${n} matching`] = await ado(n);
  return out;
}

type Row = Record<string, { requests: number; expected: number; value: number | undefined; ms: number }>;

async function each(runs: [string, Measure, number][], source: { run(m: Measure): Promise<{ requests: number; value?: number }> }): Promise<Row> {
  const row: Row = {};
  for (const [name, measure, expected] of runs) {
    const t = performance.now();
    const result = await source.run(measure);
    row[name] = { requests: result.requests, expected, value: result.value, ms: +(performance.now() - t).toFixed(1) };
  }
  return row;
}

async function jira(n: number): Promise<Row> {
  const issues: EmulatedIssue[] = [];
  for (let i = 1; i <= n; i++) issues.push({ key: `BUG-${i}`, summary: `Bug ${i}`, issuetype: 'Bug', statusCategory: i % 2 ? 'new' : 'done', storyPoints: 2 });
  const user = { email: 'carol@rain.town', apiToken: 'carol-token' };
  const emulator = new JiraEmulator({ projects: [{ key: 'BUG', name: 'Bugs' }], users: [{ accountId: '5b10a2844c20165700ede40a', displayName: 'Carol', ...user, projects: ['BUG'] }], issues });
  const running = await emulator.start({ port: 0 });
  try {
    const source = new JiraMeasureSource({ request: fetchJiraRequest(running.url, user), siteUrl: running.url, storyPointFields: ['customfield_10016'] });
    const all = 'project = BUG';
    return await each([
      ['count', { jql: all }, Math.max(1, Math.ceil(n / 5000))],
      ['sum', { jql: all, aggregate: 'sum', field: 'estimate' }, Math.max(1, Math.ceil(n / 100))],
      ['average', { jql: all, aggregate: 'average', field: 'estimate' }, Math.max(1, Math.ceil(n / 100))],
      ['percent', { jql: `${all} AND statusCategory = Done`, aggregate: 'percent', of: all }, Math.max(1, Math.ceil(n / 2 / 5000)) + Math.max(1, Math.ceil(n / 5000))],
    ], source);
  } finally {
    await running.close();
  }
}

async function ado(n: number): Promise<Row> {
  const states = [
    { name: 'Active', category: 'InProgress' as const, color: '007acc' },
    { name: 'Closed', category: 'Completed' as const, color: '339933' },
  ];
  const workItems: DatasetWorkItem[] = [];
  for (let id = 1; id <= n; id++) workItems.push({ id, type: 'Bug', title: `Bug ${id}`, state: id % 2 ? 'Active' : 'Closed', storyPoints: 2, areaPath: 'Big' });
  const emu = await startAdoEmulator({ dataset: { org: 'big', projects: ['Big'], users: [{ name: 'carol', pat: 'carol-pat', projects: ['Big'] }], types: [{ name: 'Bug', states }], workItems } });
  try {
    const source = new AdoMeasureSource({ client: new NodeWitClient({ orgUrl: emu.orgUrl, pat: 'carol-pat' }), orgUrl: emu.orgUrl, project: 'Big' });
    const all = "SELECT [System.Id] FROM WorkItems WHERE [System.WorkItemType] = 'Bug'";
    return await each([
      ['count', { wiql: all }, 1],
      ['sum', { wiql: all, aggregate: 'sum', field: 'estimate' }, 1 + Math.ceil(n / 200)],
      ['average', { wiql: all, aggregate: 'average', field: 'estimate' }, 1 + Math.ceil(n / 200)],
      ['percent', { wiql: `${all} AND [System.State] = 'Closed'`, aggregate: 'percent', of: all }, 2],
    ], source);
  } finally {
    await emu.close();
  }
}
