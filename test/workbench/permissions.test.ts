// The workbench's one local user through the app's permission model (docs/permissions.md): an
// admin, so every call of the API is allowed, checked by the same code as on the other hosts;
// linking still needs the right to edit the item, which nobody has over what they cannot see.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEnvelope, BoardView, PermissionsView } from '../../src/app/api';
import { startWorkbench, type RunningWorkbench } from '../../src/workbench/server';
import { day } from '../builders';

let dataDir: string;
let wb: RunningWorkbench;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'harmony-wb-perms-'));
  wb = await startWorkbench({ port: 0, dataDir, today: () => day('2026-11-15') });
}, 60_000);
afterAll(async () => {
  await wb.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function post(name: string, payload: unknown): Promise<{ status: number; body: ApiEnvelope<unknown> }> {
  const res = await fetch(`${wb.url}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
  return { status: res.status, body: (await res.json()) as ApiEnvelope<unknown> };
}

describe('the workbench user', () => {
  it('is the local admin, named as the demo plan names her', async () => {
    const { body } = await post('getPermissions', {});
    expect(body).toEqual({ ok: true, data: { actor: 'maria', ownerIds: ['maria'], admin: true, editor: true } satisfies PermissionsView });
  });

  it('may make the admin calls: export and re-import the plan, delete an objective', async () => {
    const exported = await post('exportPlan', { format: 'yaml' });
    if (!exported.body.ok) throw new Error(exported.body.error.message);
    expect((await post('importPlan', { text: (exported.body.data as { text: string }).text, format: 'yaml' })).status).toBe(200);
    const board = await post('getBoard', {});
    const objective = (board.body as { data: BoardView }).data.teams.flatMap((t) => t.objectives)[0];
    if (!objective) throw new Error('the demo plan has objectives');
    expect(await post('deleteObjective', { id: objective.id, expected: objective.version })).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('may not link an item the trackers hide from her: forbidden, nothing linked', async () => {
    expect(await post('linkWorkItem', { kr: 'KR-SUCCESS-PLANS', ref: 'jira:HR-1' })).toMatchObject({ status: 200, body: { ok: false, error: { code: 'forbidden' } } });
  });
});
