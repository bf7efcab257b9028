// The Azure DevOps host's Actor (src/ado/host/ado-actor.ts) and the permission matrix on that
// host: the app runs in the browser over the Extension Data store, and the roles come from Azure
// DevOps' "Has Permissions" API as the signed-in user (project administrators: Project
// GENERIC_WRITE; contributors: CSS WORK_ITEM_WRITE on the project's root area). A fake of those
// two endpoints plays a project administrator, a contributor and a reader.
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/create-app';
import { wholeScopeHistory } from '../../src/app/history';
import { C } from '../../src/app/collections';
import { listAll } from '../../src/app/list-all';
import { adoActor, CSS_NAMESPACE, PROJECT_NAMESPACE } from '../../src/ado/host/ado-actor';
import { inProcessClient } from '../../src/ado/host/in-process-client';
import { MemoryDocumentStore } from '../../src/stores/memory-document-store';
import { ADMIN } from '../app/actors';
import { FakeWorkItemSource } from '../app/fake-work-item-source';
import { DEMO, DEMO_TEXT, TODAY } from '../app/harness';

const PROJECT = { id: 'b1c5e7d0-0000-4000-8000-0000000000aa', name: 'RainTown' };
const ROOT_AREA = '7c3a1d2e-0000-4000-8000-00000000a4ea';
type Viewer = 'project-admin' | 'contributor' | 'reader';

/** The security service as each viewer would get its answers; every GET is recorded. */
function security(viewer: Viewer) {
  const asked: string[] = [];
  const get = (path: string): Promise<unknown> => {
    asked.push(path);
    const url = new URL(path, 'https://dev.azure.com/raintown/');
    if (url.pathname.endsWith('/_apis/wit/classificationnodes/areas')) return Promise.resolve({ identifier: ROOT_AREA, name: PROJECT.name });
    const m = /_apis\/permissions\/([^/]+)\/(\d+)$/.exec(url.pathname);
    if (!m) return Promise.resolve(null);
    const token = url.searchParams.get('tokens');
    const admin = m[1] === PROJECT_NAMESPACE && m[2] === '2' && token === `$PROJECT:vstfs:///Classification/TeamProject/${PROJECT.id}`;
    const write = m[1] === CSS_NAMESPACE && m[2] === '32' && token === `vstfs:///Classification/Node/${ROOT_AREA}`;
    const granted = (admin && viewer === 'project-admin') || (write && viewer !== 'reader');
    return Promise.resolve({ count: 1, value: [granted] });
  };
  return { get, asked };
}

async function extensionApp(viewer: Viewer) {
  const store = new MemoryDocumentStore();
  const source = new FakeWorkItemSource(DEMO.workItems);
  // KR owners in an Azure DevOps plan are named by unique name (or identity id).
  const plan = { ...DEMO, objectives: DEMO.objectives.map((o) => ({ ...o, keyResults: o.keyResults.map((k) => (k.id === 'KR-HEALTHY' ? { ...k, owner: 'jon@raintown.example' } : k)) })) };
  await createApp({ store, source, actor: ADMIN(), history: wholeScopeHistory(store) }).call('importPlan', { text: JSON.stringify(plan), format: 'json' });
  const sec = security(viewer);
  const actor = adoActor({ user: { id: 'u-1', name: 'jon@raintown.example' }, project: PROJECT, get: sec.get, source });
  const app = createApp({ store, source, actor, history: wholeScopeHistory(store, () => actor.isAdmin()), today: () => TODAY });
  return { store, api: inProcessClient(app), app, asked: sec.asked };
}

describe('Azure DevOps roles from the security service', () => {
  it.each([
    ['project-admin', { admin: true, editor: true }],
    ['contributor', { admin: false, editor: true }],
    ['reader', { admin: false, editor: false }],
  ] as const)('%s', async (viewer, roles) => {
    const x = await extensionApp(viewer);
    expect(await x.api('getPermissions', {})).toMatchObject({ ...roles, ownerIds: ['u-1', 'jon@raintown.example'] });
    expect(x.asked.every((p) => p.includes('api-version=7.1'))).toBe(true);
  });

  const matrix = [
    ['importPlan', { text: DEMO_TEXT, format: 'yaml' }, ['project-admin']],
    ['saveObjective', { objective: { title: 'Office tea', team: 'sales', period: '2026-Q4' }, expected: null }, ['project-admin', 'contributor']],
    ['linkWorkItem', { kr: 'KR-PIPELINE', ref: 'ado:300' }, ['project-admin', 'contributor']],
    // Only Azure DevOps work items can be asked about: Jira ones are the stored snapshot here.
    ['linkWorkItem', { kr: 'KR-PIPELINE', ref: 'jira:SALES-1' }, []],
    // jon (by unique name) owns KR-HEALTHY: a reader who owns a KR may check in on it.
    ['checkIn', { kr: 'KR-HEALTHY', value: 44 }, ['project-admin', 'contributor', 'reader']],
    ['checkIn', { kr: 'KR-RETENTION', value: 74 }, ['project-admin', 'contributor']],
    ['getBoard', {}, ['project-admin', 'contributor', 'reader']],
  ] as const;
  it.each(matrix.flatMap(([name, payload, allowed]) => (['project-admin', 'contributor', 'reader'] as const).map((v) => [name, JSON.stringify(payload), v, (allowed as readonly string[]).includes(v)] as const)))(
    '%s %s as %s: allowed %s',
    async (name, payload, viewer, allowed) => {
      const x = await extensionApp(viewer);
      const envelope = await x.app.handle(name, JSON.parse(payload));
      expect(envelope).toMatchObject(allowed ? { ok: true } : { ok: false, error: { code: 'forbidden' } });
    },
  );

  it('history comes only from a project administrator’s evaluation (finding 5)', async () => {
    const contributor = await extensionApp('contributor');
    await contributor.api('getBoard', {});
    expect(await listAll(contributor.store, C.snapshotHeads)).toEqual([]);
    const admin = await extensionApp('project-admin');
    await admin.api('getBoard', {});
    expect((await listAll(admin.store, C.snapshotHeads)).length).toBeGreaterThan(0);
  });

  it('a page asks the security service each question once, however many views it computes', async () => {
    const x = await extensionApp('contributor');
    await x.api('getBoard', {});
    await x.api('getBoard', {});
    await x.api('saveObjective', { objective: { title: 'Office tea', team: 'sales', period: '2026-Q4' }, expected: null });
    await x.api('getPermissions', {});
    expect(x.asked.filter((p) => p.includes(PROJECT_NAMESPACE))).toHaveLength(1);
    expect(x.asked.filter((p) => p.includes(CSS_NAMESPACE))).toHaveLength(1);
  });

  it('a security service that refuses to answer grants nothing (fails closed)', async () => {
    const actor = adoActor({ user: { id: 'u-1', name: 'jon@raintown.example' }, project: PROJECT, get: () => Promise.resolve(null) });
    expect([await actor.isAdmin(), await actor.isEditor(), [...(await actor.mayEditWorkItems(['ado:300']))]]).toEqual([false, false, []]);
  });
});
