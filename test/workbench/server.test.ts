// The workbench end to end over HTTP: the real SQLite store, the real tracker adapters talking
// to the Jira and ADO emulators, and the API as the UI calls it.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiEnvelope, BoardView, PanelView } from '../../src/app/api';
import type { KeyResultReport } from '../../src/core/report/types';
import { startWorkbench, type RunningWorkbench } from '../../src/workbench/server';
import { day } from '../builders';

const TODAY = day('2026-11-15');
let dataDir: string;
let running: RunningWorkbench[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'harmony-wb-'));
});

afterEach(async () => {
  for (const wb of running) await wb.close();
  running = [];
  await rm(dataDir, { recursive: true, force: true });
});

async function start(extra: Parameters<typeof startWorkbench>[0] = {}): Promise<RunningWorkbench> {
  const wb = await startWorkbench({ port: 0, dataDir, today: () => TODAY, ...extra });
  running.push(wb);
  return wb;
}

async function stop(wb: RunningWorkbench): Promise<void> {
  await wb.close();
  running = running.filter((w) => w !== wb);
}

async function post(wb: RunningWorkbench, name: string, payload: unknown): Promise<{ status: number; body: ApiEnvelope<unknown> }> {
  const res = await fetch(`${wb.url}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
  return { status: res.status, body: (await res.json()) as ApiEnvelope<unknown> };
}

async function ok<T>(wb: RunningWorkbench, name: string, payload: unknown): Promise<T> {
  const { status, body } = await post(wb, name, payload);
  if (!body.ok) throw new Error(`${name}: HTTP ${status} ${JSON.stringify(body.error)}`);
  expect(status).toBe(200);
  return body.data as T;
}

function units(kr: KeyResultReport | undefined) {
  if (kr?.type !== 'effort') throw new Error('expected an effort KR');
  return kr.units;
}

describe('workbench server', () => {
  it('seeds the demo on first start and shows a demo epic\'s panel with correct progress', async () => {
    const wb = await start();
    expect(wb.seeded).toBe(true);
    const panel = await ok<PanelView>(wb, 'getPanel', { ref: 'jira:CS-1' });
    expect(panel.item).toMatchObject({ ref: 'jira:CS-1', title: 'CRM rollout', type: 'Epic', status: 'in-progress' });
    const crm = panel.keyResults.find((k) => k.kr.id === 'KR-CRM');
    // Same numbers as `okr evaluate` on the demo file: the security team's two stories under
    // the epic are invisible to the demo viewer and do not count.
    expect(units(crm?.kr)).toEqual({ done: 4, total: 7 });
    expect(crm?.contribution).toEqual({ done: 3, total: 5 });
    expect(JSON.stringify(panel)).not.toContain('SEC-');
    expect(crm?.chain.map((c) => c.id)).toEqual(['O-LOYAL']);

    const ado = await ok<PanelView>(wb, 'getPanel', { ref: 'ado:204' });
    expect(ado.ancestors.map((a) => a.ref)).toEqual(['ado:202', 'ado:200']);
    const pipeline = ado.keyResults.find((k) => k.kr.id === 'KR-PIPELINE');
    expect(units(pipeline?.kr)).toEqual({ done: 2, total: 4 });
    expect(pipeline?.chain.map((c) => c.id)).toEqual(['O-VELOCITY', 'O-LOYAL']);
  });

  it('links an ADO work item to a KR and the KR\'s progress changes; hidden items cannot be linked', async () => {
    const wb = await start();
    const before = await ok<PanelView>(wb, 'getPanel', { ref: 'jira:CS-10' });
    expect(units(before.keyResults[0]?.kr)).toEqual({ done: 2, total: 4 });

    const kr = await ok<KeyResultReport>(wb, 'linkWorkItem', { kr: 'KR-SUCCESS-PLANS', ref: 'ado:400' });
    expect(units(kr)).toEqual({ done: 3, total: 7 });
    const panel = await ok<PanelView>(wb, 'getPanel', { ref: 'ado:401' });
    expect(panel.keyResults.map((k) => [k.kr.id, k.via, k.contribution])).toEqual([['KR-SUCCESS-PLANS', 'ado:400', { done: 1, total: 1 }]]);

    // Hidden and missing items are refused alike, so the answer does not tell that one exists.
    const messages = new Set<string>();
    for (const ref of ['ado:900', 'jira:SEC-1', 'ado:99999']) {
      const refused = await post(wb, 'linkWorkItem', { kr: 'KR-SUCCESS-PLANS', ref });
      // An expected refusal is an answer: 200 with ok: false (no console error in a browser).
      expect(refused.status).toBe(200);
      expect(refused.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      if (!refused.body.ok) messages.add(refused.body.error.message.replace(ref, 'REF'));
    }
    expect(messages.size).toBe(1);
    const bad = await post(wb, 'checkIn', { kr: 'KR-RETENTION', value: 'lots' });
    expect(bad).toMatchObject({ status: 200, body: { ok: false, error: { code: 'invalid-input', problems: [{ path: 'value' }] } } });
  });

  it('reads the trackers live: a story closed in Jira moves the KR at once', async () => {
    const wb = await start();
    wb.jira.emulator.updateIssue('CS-6', { statusCategory: 'done', statusName: 'Done', resolution: 'Done' });
    const panel = await ok<PanelView>(wb, 'getPanel', { ref: 'jira:CS-1' });
    expect(units(panel.keyResults[0]?.kr)).toEqual({ done: 5, total: 7 });
  });

  it('answers a stale update with a conflict and changes nothing', async () => {
    const wb = await start();
    const board = await ok<BoardView>(wb, 'getBoard', { team: 'sales' });
    const objective = board.teams[0]?.objectives[0];
    if (!objective) throw new Error('no sales objective');
    const input = { id: objective.id, title: 'Grow the tea subscription business to $55k', team: 'sales', period: objective.period, owner: 'sam' };
    const saved = await ok<{ version: string }>(wb, 'saveObjective', { objective: input, expected: objective.version });
    const stale = await post(wb, 'saveObjective', { objective: { ...input, title: 'An edit from an old tab' }, expected: objective.version });
    expect(stale.status).toBe(200);
    expect(stale.body).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const after = await ok<BoardView>(wb, 'getBoard', { team: 'sales' });
    expect(after.teams[0]?.objectives[0]).toMatchObject({ title: input.title, version: saved.version });
  });

  it('keeps the data across a restart, and --reset seeds the demo again', async () => {
    const first = await start();
    await ok(first, 'linkWorkItem', { kr: 'KR-CRM', ref: 'ado:400' });
    await ok(first, 'checkIn', { kr: 'KR-FCR', value: 71, note: 'new macros' });
    await stop(first);

    const second = await start();
    expect(second.seeded).toBe(false);
    const crm = await ok<{ kr: KeyResultReport }>(second, 'getKeyResult', { kr: 'KR-CRM' });
    expect(crm.kr.links).toEqual(['ado:101', 'ado:400', 'jira:CS-1']);
    const fcr = await ok<{ checkIns: { value: number; note?: string }[] }>(second, 'getKeyResult', { kr: 'KR-FCR' });
    expect(fcr.checkIns.at(-1)).toMatchObject({ value: 71, note: 'new macros' });
    await stop(second);

    const third = await start({ reset: true });
    expect(third.seeded).toBe(true);
    const reset = await ok<{ kr: KeyResultReport }>(third, 'getKeyResult', { kr: 'KR-CRM' });
    expect(reset.kr.links).toEqual(['ado:101', 'jira:CS-1']);
  });

  it('answers bad requests with an envelope and the matching status', async () => {
    const wb = await start();
    const notJson = await fetch(`${wb.url}/api/getPanel`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{ref:' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const get = await fetch(`${wb.url}/api/getPanel`);
    expect(get.status).toBe(405);
    const unknown = await post(wb, 'dropEverything', {});
    // The app's own refusal travels as an answer (200, ok: false); transport errors keep 4xx.
    expect(unknown).toMatchObject({ status: 200, body: { ok: false, error: { code: 'not-found' } } });
    const badEscape = await fetch(`${wb.url}/api/get%E0%A4%APanel`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(badEscape.status).toBe(400);
    expect(await badEscape.json()).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('percent-encoded') as unknown } });
  });

  it('serves the pages on the host-like routes and nothing outside the static folder', async () => {
    const staticDir = join(dataDir, 'static');
    await mkdir(join(staticDir, 'assets'), { recursive: true });
    const pages = ['index.html', 'jira-issue.html', 'ado-workitem.html', 'board.html', 'kpis.html'];
    for (const page of pages) await writeFile(join(staticDir, page), `<title>${page}</title>`);
    await writeFile(join(staticDir, 'assets', 'panel-abc123.js'), 'console.log(1)');
    await writeFile(join(dataDir, 'secret.txt'), 'nope');
    const wb = await start({ staticDir });
    const page = async (path: string) => {
      const res = await fetch(`${wb.url}${path}`);
      return [res.status, res.status === 200 ? await res.text() : '', res.headers.get('content-type')];
    };
    expect(await page('/')).toEqual([200, '<title>index.html</title>', 'text/html; charset=utf-8']);
    expect((await page('/jira/browse/CS-1'))[1]).toBe('<title>jira-issue.html</title>');
    expect((await page('/ado/workitem/101'))[1]).toBe('<title>ado-workitem.html</title>');
    expect((await page('/board'))[1]).toBe('<title>board.html</title>');
    expect((await page('/kpis'))[1]).toBe('<title>kpis.html</title>');
    expect(await page('/assets/panel-abc123.js')).toEqual([200, 'console.log(1)', 'text/javascript; charset=utf-8']);
    expect((await page('/../secret.txt'))[0]).toBe(404);
    expect((await page('/%2e%2e/secret.txt'))[0]).toBe(404);
    expect((await page('/nothing.html'))[0]).toBe(404);
  });
});
