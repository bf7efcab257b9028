// The emulated trackers hold the demo plan's work item snapshot exactly, as the real adapters
// read it back for the demo viewer; the extra hidden items exist but the viewer never gets them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PanelView } from '../../src/app/api';
import { compareRefs } from '../../src/core/evaluate/work-item-index';
import type { WorkItem } from '../../src/core/model/work-item';
import { EXTRA_WORK_ITEMS } from '../../src/workbench/demo-trackers';
import { startWorkbench, type RunningWorkbench } from '../../src/workbench/server';
import { createNodeAdoSource } from '../../src/trackers/ado/node-wit-client';
import { fetchJiraRequest, JiraWorkItemSource } from '../../src/trackers/jira';
import { RoutingWorkItemSource } from '../../src/app/routing-source';
import { DEMO } from '../app/harness';
import { day } from '../builders';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let wb: RunningWorkbench;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'harmony-demo-'));
  wb = await startWorkbench({ port: 0, dataDir, today: () => day('2026-11-15') });
});

afterAll(async () => {
  await wb.close();
  await rm(dataDir, { recursive: true, force: true });
});

function viewerSource(jiraUser = { email: 'maria@raintown.example', apiToken: 'maria-token' }, pat = 'maria-pat') {
  return new RoutingWorkItemSource({
    jira: new JiraWorkItemSource({ request: fetchJiraRequest(wb.jira.url, jiraUser), storyPointFields: ['customfield_10016'] }),
    ado: createNodeAdoSource({ orgUrl: wb.ado.orgUrl, pat, project: 'RainTown' }),
  });
}

const byRef = (a: WorkItem, b: WorkItem) => compareRefs(a.ref, b.ref);

describe('demo trackers', () => {
  it('serve the demo plan\'s work items exactly as the plan file has them', async () => {
    const { items, missing } = await viewerSource().getItems(DEMO.workItems.map((w) => w.ref));
    expect(missing).toEqual([]);
    expect([...items].sort(byRef)).toEqual([...DEMO.workItems].sort(byRef));
  });

  it('hide the extra items from the demo viewer, not from an admin', async () => {
    const hidden = EXTRA_WORK_ITEMS.filter((w) => w.hidden).map((w) => w.ref);
    expect(hidden.length).toBeGreaterThanOrEqual(4);
    const viewer = await viewerSource().getItems(hidden);
    expect(viewer.items).toEqual([]);
    const admin = await viewerSource({ email: 'admin@raintown.example', apiToken: 'admin-token' }, 'admin-pat').getItems(hidden);
    expect(admin.items.map((i) => i.ref).sort()).toEqual([...hidden].sort());
    const descendants = await viewerSource().getDescendants(['jira:CS-1', 'ado:200']);
    expect(descendants.map((d) => d.ref)).not.toContain('jira:SEC-1');
    expect(descendants.map((d) => d.ref)).not.toContain('ado:207');
  });

  it('measure: HTTP requests to Jira for one panel of an epic with 500 descendants', async () => {
    const jira = wb.jira.emulator;
    jira.addIssue({ key: 'CS-500', summary: 'Big epic', issuetype: 'Epic', statusCategory: 'indeterminate' });
    // 50 stories, each with 9 sub-tasks: 500 descendants in two levels.
    for (let s = 0; s < 50; s++) {
      const story = `CS-${501 + s * 10}`;
      jira.addIssue({ key: story, summary: `Story ${s}`, issuetype: 'Story', statusCategory: 'indeterminate', parent: 'CS-500' });
      for (let t = 1; t <= 9; t++) {
        jira.addIssue({ key: `CS-${501 + s * 10 + t}`, summary: `Task ${s}.${t}`, issuetype: 'Sub-task', statusCategory: t <= 3 ? 'done' : 'new', parent: story });
      }
    }
    // An objective of its own, so the panel needs no other KR's scope.
    const objective = await wb.app.call('saveObjective', { objective: { id: 'O-BIG', title: 'Ship the big epic', team: 'cs', period: '2026-Q4' }, expected: null });
    await wb.app.call('saveKeyResult', { keyResult: { objective: 'O-BIG', id: 'KR-BIG', title: 'Finish the big epic', type: 'effort' }, expected: objective.version });
    await wb.app.call('linkWorkItem', { kr: 'KR-BIG', ref: 'jira:CS-500' });
    jira.clearRequests();
    wb.ado.emulator.clearRequests();
    const panel = (await (await fetch(`${wb.url}/api/getPanel`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ref: 'jira:CS-500' }) })).json()) as { data: PanelView };
    const big = panel.data.keyResults.find((k) => k.kr.id === 'KR-BIG')?.kr;
    expect(big?.type === 'effort' && big.units).toEqual({ done: 150, total: 450 });
    const jiraCalls = jira.requests.map((r) => `${r.method} ${r.path}`);
    const adoCalls = wb.ado.emulator.requests().map((r) => `${r.method} ${r.path}`);
    console.log(`panel of an epic with 500 descendants: ${jiraCalls.length} Jira requests (${jiraCalls.join(', ')}), ${adoCalls.length} ADO requests`);
    // One bulk fetch for the epic (reused as the KR's link), then `parent in (...)` per level:
    // the 50 stories in one page, the 450 sub-tasks in full pages of 100 (the emulator's cap
    // with fields, as Jira Cloud's); sub-tasks cannot have children, so no third level.
    expect(jiraCalls.filter((c) => c.endsWith('/bulkfetch'))).toHaveLength(1);
    expect(jiraCalls.filter((c) => c.endsWith('/search/jql'))).toHaveLength(1 + Math.ceil(450 / jira.pageCaps.withFields));
    expect(adoCalls).toEqual([]);
  });

  it('measure: HTTP requests to Azure DevOps for one panel of a work item with 500 descendants', async () => {
    const org = wb.ado.emulator.org;
    const area = 'RainTown\\Engineering';
    org.add({ id: 5000, type: 'Epic', title: 'Big ADO epic', state: 'Active', areaPath: area });
    for (let f = 0; f < 50; f++) {
      const feature = 5001 + f * 10;
      org.add({ id: feature, type: 'Feature', title: `Feature ${f}`, state: 'Active', parentId: 5000, areaPath: area });
      for (let t = 1; t <= 9; t++) {
        org.add({ id: feature + t, type: 'User Story', title: `Story ${f}.${t}`, state: t <= 3 ? 'Closed' : 'New', parentId: feature, areaPath: area });
      }
    }
    const objective = await wb.app.call('saveObjective', { objective: { id: 'O-BIG-ADO', title: 'Ship the big ADO epic', team: 'eng', period: '2026-Q4' }, expected: null });
    await wb.app.call('saveKeyResult', { keyResult: { objective: 'O-BIG-ADO', id: 'KR-BIG-ADO', title: 'Finish it', type: 'effort' }, expected: objective.version });
    await wb.app.call('linkWorkItem', { kr: 'KR-BIG-ADO', ref: 'ado:5000' });
    wb.ado.emulator.clearRequests();
    wb.jira.emulator.clearRequests();
    const panel = (await (await fetch(`${wb.url}/api/getPanel`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ref: 'ado:5000' }) })).json()) as { data: PanelView };
    const big = panel.data.keyResults.find((k) => k.kr.id === 'KR-BIG-ADO')?.kr;
    expect(big?.type === 'effort' && big.units).toEqual({ done: 150, total: 450 });
    const calls = wb.ado.emulator.requests().map((r) => `${r.method} ${r.path.replace(/^\/raintown/, '')}`);
    console.log(`panel of an ADO epic with 500 descendants: ${calls.length} ADO requests (${calls.join(', ')}), ${wb.jira.emulator.requests.length} Jira requests`);
    // One batch read for the item, one WIQL link query per level (the third finds no children),
    // then the 500 descendants in batch reads of at most 200.
    expect(calls.filter((c) => c.endsWith('/wiql'))).toHaveLength(3);
    expect(calls.filter((c) => c.toLowerCase().endsWith('/workitemsbatch'))).toHaveLength(1 + Math.ceil(500 / 200));
  });
});
