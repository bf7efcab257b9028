// The Azure DevOps emulator over HTTP: discovery, reads, WIQL, errors, visibility, faults,
// mutations and the request log. Every 200 answer exercised here is checked against Microsoft's
// published Work Item Tracking 7.2 description.
import { readFileSync } from 'node:fs';
import { WebApi, getPersonalAccessTokenHandler } from 'azure-devops-node-api';
import { WorkItemErrorPolicy, WorkItemExpand } from 'azure-devops-node-api/interfaces/WorkItemTrackingInterfaces';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAdoEmulator, type AdoEmulator } from '../../../../src/workbench/emulators/ado/server';
import { fabrikam } from './fixture-dataset';
import { ADO_ERROR_KEYS, adoContract, call, type CallOptions, type CallResult } from './http';

let emu: AdoEmulator;

beforeAll(async () => {
  emu = await startAdoEmulator({ dataset: fabrikam() });
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => emu.clearRequests());

/** Calls the emulator and, for a 200, checks the answer against the published contract. */
async function api(method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const result = await call(emu.url, method, path, options);
  if (result.status === 200 && method !== 'OPTIONS' && !/resourceareas/i.test(path)) {
    const policy = (options.body as { errorPolicy?: string | number } | undefined)?.errorPolicy ?? options.query?.errorPolicy;
    // WorkItemErrorPolicy.Omit, by name in any case or by number (2).
    const omitted = ['omit', '2'].includes(String(policy).toLowerCase());
    expect(adoContract().checkResponse({ method, path }, 200, result.body, { omittedItems: omitted }), `${method} ${path}`).toEqual([]);
  }
  return result;
}

type Items = { count: number; value: ({ id: number; fields: Record<string, unknown>; relations?: { rel: string; url: string }[] } | null)[] };

function expectAdoError(result: CallResult, status: number, message: RegExp): void {
  expect(result.status).toBe(status);
  expect(Object.keys(result.body as object).sort()).toEqual(ADO_ERROR_KEYS);
  expect((result.body as { message: string }).message).toMatch(message);
}

describe('location discovery', () => {
  it('answers OPTIONS /{org}/_apis/Location, GET ResourceAreas and OPTIONS /{org}/_apis/wit', async () => {
    const location = await api('OPTIONS', '/fabrikam/_apis/Location');
    expect(location.status).toBe(200);
    expect((location.body as { value: { resourceName: string }[] }).value.map((l) => l.resourceName)).toContain('ResourceAreas');

    const areas = await api('GET', '/fabrikam/_apis/ResourceAreas');
    const wit = (areas.body as { value: { id: string; locationUrl: string }[] }).value.find(
      (a) => a.id === '5264459e-e5e0-4bd8-b118-0985e68a4ec5',
    );
    expect(wit?.locationUrl).toBe(emu.orgUrl);

    const witArea = await api('OPTIONS', '/fabrikam/_apis/wit');
    const names = (witArea.body as { value: { resourceName: string; routeTemplate: string }[] }).value.map((l) => l.resourceName);
    expect(names.sort()).toEqual(['states', 'wiql', 'workItems', 'workItemsBatch']);
  });
});

describe('authentication and versions', () => {
  it('refuses a request without a token, or with a token nobody holds, with 401', async () => {
    expectAdoError(await api('POST', '/fabrikam/_apis/wit/workitemsbatch', { token: null, body: { ids: [1] } }), 401, /TF400813/);
    expectAdoError(await api('POST', '/fabrikam/_apis/wit/workitemsbatch', { token: 'stolen', body: { ids: [1] } }), 401, /TF400813/);
  });

  it('refuses an API call without api-version, in the query or the Accept header', async () => {
    expectAdoError(await api('POST', '/fabrikam/_apis/wit/workitemsbatch', { apiVersion: null, body: { ids: [1] } }), 400, /No api-version/);
    const viaQuery = await api('POST', '/fabrikam/_apis/wit/workitemsbatch', {
      apiVersion: null,
      query: { 'api-version': '7.2-preview.1' },
      body: { ids: [1] },
    });
    expect(viaQuery.status).toBe(200);
  });

  it('answers 404 for another organization or an unknown resource', async () => {
    expect((await api('OPTIONS', '/contoso/_apis/wit')).status).toBe(404);
    expectAdoError(await api('GET', '/fabrikam/_apis/wit/nothing'), 404, /no resource/);
  });
});

describe('POST workitemsbatch', () => {
  it('returns only the requested fields, in the contract shape', async () => {
    const r = await api('POST', '/fabrikam/_apis/wit/workitemsbatch', {
      body: { ids: [3, 4], fields: ['System.Title', 'System.State', 'Microsoft.VSTS.Scheduling.StoryPoints'] },
    });
    const body = r.body as Items;
    expect(body.count).toBe(2);
    expect(body.value[0]).toMatchObject({ id: 3, fields: { 'System.Title': 'Proposed story', 'System.State': 'New', 'Microsoft.VSTS.Scheduling.StoryPoints': 3 } });
    // Fields without a value are left out, as the service does.
    expect(body.value[1]?.fields).toEqual({ 'System.Title': 'In progress story', 'System.State': 'Active' });
  });

  it('refuses more than 200 ids with VS403474', async () => {
    const ids = Array.from({ length: 201 }, (_, i) => i + 1);
    expectAdoError(await api('POST', '/fabrikam/_apis/wit/workitemsbatch', { body: { ids } }), 400, /^VS403474: You requested 201 work items which exceeds the limit of 200/);
    expect((await api('POST', '/fabrikam/_apis/wit/workitemsbatch', { body: { ids: ids.slice(0, 200), errorPolicy: 'omit' } })).status).toBe(200);
  });

  it('refuses fields together with $expand, and unknown fields (TF51535)', async () => {
    expectAdoError(
      await api('POST', '/fabrikam/_apis/wit/workitemsbatch', { body: { ids: [1], fields: ['System.Title'], $expand: 'relations' } }),
      400,
      /expand parameter can not be used with the fields parameter/,
    );
    expectAdoError(await api('POST', '/fabrikam/_apis/wit/workitemsbatch', { body: { ids: [1], fields: ['System.Tagret'] } }), 400, /^TF51535: Cannot find field System.Tagret/);
  });

  it('treats an invisible item exactly like a missing one: 404 by default, null with errorPolicy omit', async () => {
    const asBen = { token: 'ben-token' };
    const invisible = await api('POST', '/fabrikam/_apis/wit/workitemsbatch', { ...asBen, body: { ids: [1] } });
    const absent = await api('POST', '/fabrikam/_apis/wit/workitemsbatch', { ...asBen, body: { ids: [999] } });
    expectAdoError(invisible, 404, /^TF401232: Work item 1 does not exist, or you do not have permissions to read it\.$/);
    expectAdoError(absent, 404, /^TF401232: Work item 999 does not exist, or you do not have permissions to read it\.$/);
    expect((invisible.body as { typeKey: string }).typeKey).toBe((absent.body as { typeKey: string }).typeKey);

    const omitted = await api('POST', '/fabrikam/_apis/wit/workitemsbatch', { ...asBen, body: { ids: [1, 2, 999], errorPolicy: 'omit' } });
    expect((omitted.body as Items).value.map((w) => w?.id ?? null)).toEqual([null, 2, null]);
  });

  it('expands hierarchy relations, leaving out the ends the viewer may not see', async () => {
    const r = await api('POST', '/fabrikam/_apis/wit/workitemsbatch', { body: { ids: [4, 21, 24], $expand: 'relations' } });
    const [story, feature, task] = (r.body as Items).value;
    const rels = (w: typeof story) => w?.relations?.map((x) => [x.rel, x.url.split('/').pop()]);
    expect(rels(story)).toEqual([
      ['System.LinkTypes.Hierarchy-Reverse', '2'],
      ['System.LinkTypes.Hierarchy-Forward', '9'],
    ]);
    expect(story?.fields['System.Parent']).toBe(2);
    // ana sees Mobile\Shared but not the Mobile root (20) nor Mobile\Secret (22).
    expect(rels(feature)).toEqual([['System.LinkTypes.Hierarchy-Forward', '23']]);
    expect(feature?.fields['System.Parent']).toBeUndefined();
    expect(task?.relations).toBeUndefined();
    expect(task?.fields['System.Parent']).toBeUndefined();
  });

  it('accepts the numeric enums Microsoft\'s TypeScript clients send', async () => {
    const r = await api('POST', '/fabrikam/_apis/wit/workitemsbatch', { body: { ids: [2, 999], $expand: 1, errorPolicy: 2 } });
    expect(r.status).toBe(200);
    expect((r.body as Items).value[0]?.relations?.length).toBeGreaterThan(0);
    expect((r.body as Items).value[1]).toBeNull();
  });
});

describe('GET workitems', () => {
  it('lists by ids with the same rules as the batch read', async () => {
    const r = await api('GET', '/fabrikam/Web/_apis/wit/workitems', { query: { ids: '3,1', fields: 'System.Title,System.WorkItemType' } });
    expect((r.body as Items).value.map((w) => w?.fields)).toEqual([
      { 'System.Title': 'Proposed story', 'System.WorkItemType': 'User Story' },
      { 'System.Title': 'Checkout revamp', 'System.WorkItemType': 'Epic' },
    ]);
    expectAdoError(await api('GET', '/fabrikam/_apis/wit/workitems', { query: { ids: '1,22' } }), 404, /Work item 22 does not exist/);
    const omit = await api('GET', '/fabrikam/_apis/wit/workitems', { query: { ids: '1,22', errorPolicy: 'omit' } });
    expect((omit.body as Items).value.map((w) => w?.id ?? null)).toEqual([1, null]);
  });
});

describe('enum values in the query string, as the service reads them', () => {
  const ids = (r: CallResult) => (r.body as Items).value.map((w) => w?.id ?? null);

  it('accepts $expand and errorPolicy by number (WorkItemExpand.Relations = 1, WorkItemErrorPolicy.Omit = 2)', async () => {
    const r = await api('GET', '/fabrikam/_apis/wit/workitems', { query: { ids: '2,999', $expand: '1', errorPolicy: '2' } });
    expect(r.status).toBe(200);
    expect(ids(r)).toEqual([2, null]);
    expect((r.body as Items).value[0]?.relations?.length).toBeGreaterThan(0);
    const failing = await api('GET', '/fabrikam/_apis/wit/workitems', { query: { ids: '2,999', errorPolicy: '1' } });
    expectAdoError(failing, 404, /Work item 999 does not exist/);
  });

  it('accepts names without regard to case', async () => {
    const r = await api('GET', '/fabrikam/_apis/wit/workitems', { query: { ids: '2,999', $expand: 'Relations', errorPolicy: 'Omit' } });
    expect(ids(r)).toEqual([2, null]);
    const all = await call(emu.url, 'GET', '/fabrikam/_apis/wit/workitems', { query: { ids: '2', $expand: 'ALL' } });
    expect(Object.keys((all.body as { value: object[] }).value[0] as object)).toContain('_links');
    const none = await api('GET', '/fabrikam/_apis/wit/workitems', { query: { ids: '2', $expand: '0' } });
    expect((none.body as Items).value[0]?.relations).toBeUndefined();
  });

  it('accepts numeric strings in the body as well', async () => {
    const r = await api('POST', '/fabrikam/_apis/wit/workitemsbatch', { body: { ids: [2, 999], $expand: '1', errorPolicy: '2' } });
    expect(ids(r)).toEqual([2, null]);
  });

  it('refuses numbers and names outside the enums with a 400', async () => {
    const wrong: Record<string, string>[] = [{ $expand: '5' }, { $expand: '1.5' }, { $expand: 'children' }, { errorPolicy: '0' }, { errorPolicy: '3' }, { errorPolicy: 'ignore' }];
    for (const query of wrong) {
      expectAdoError(await api('GET', '/fabrikam/_apis/wit/workitems', { query: { ids: '2', ...query } }), 400, /is not valid/);
    }
  });

  it("serves Microsoft's own node client, which sends the enums as numbers", async () => {
    const api = await new WebApi(emu.orgUrl, getPersonalAccessTokenHandler('ana-token')).getWorkItemTrackingApi();
    const items = await api.getWorkItems([4, 999], undefined, undefined, WorkItemExpand.Relations, WorkItemErrorPolicy.Omit);
    expect(items.map((w) => w?.id ?? null)).toEqual([4, null]);
    expect(items[0]?.relations?.map((r) => r.rel)).toEqual(['System.LinkTypes.Hierarchy-Reverse', 'System.LinkTypes.Hierarchy-Forward']);
    const get = emu.requests().find((r) => r.method === 'GET' && /workitems$/i.test(r.path));
    expect(get?.query).toMatchObject({ $expand: '1', errorPolicy: '2' });
  });
});

describe('answers shaped like the recorded dev.azure.com answers', () => {
  const recorded = (file: string): Record<string, unknown> =>
    JSON.parse(readFileSync(new URL(`../../../fixtures/recorded/ado/${file}`, import.meta.url), 'utf8')) as Record<string, unknown>;
  const GUID_URL = /^http:\/\/127\.0\.0\.1:\d+\/fabrikam\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/_apis\/wit\/workItems\/\d+$/;

  it('GET workitems/{id}?$expand=All: the recorded keys, relation URLs naming the project GUID, the recorded links', async () => {
    const r = await call(emu.url, 'GET', '/fabrikam/_apis/wit/workitems/4', { query: { $expand: 'All' } });
    const body = r.body as { relations: { url: string }[]; url: string; _links: Record<string, { href: string }> };
    const real = recorded('adocli-get-974-expand-relations-parent.json') as { _links: object };
    expect(Object.keys(body)).toEqual(Object.keys(recorded('adocli-get-973-expand-all-children.json')));
    expect(Object.keys(body._links)).toEqual(Object.keys(real._links));
    expect(body.url).toMatch(GUID_URL);
    expect(body._links.html?.href).toMatch(/\/fabrikam\/[0-9a-f-]{36}\/_workitems\/edit\/4$/);
    for (const relation of body.relations) expect(relation.url).toMatch(GUID_URL);
    // A relation names its item exactly as that item names itself.
    const parent = await call(emu.url, 'GET', '/fabrikam/_apis/wit/workitems/2');
    expect(body.relations[0]?.url).toBe((parent.body as { url: string }).url);
    // The description types `_links` as the .NET ReferenceLinks class; on the wire (and in the
    // recordings) it is the dictionary of links itself, so it is compared with the recording above.
    const { _links: _links, ...rest } = body;
    expect(adoContract().checkResponse({ method: 'GET', path: '/fabrikam/_apis/wit/workitems/4' }, 200, rest)).toEqual([]);
  });

  it('a fields-only list read: the recorded keys and organization-level URLs', async () => {
    const r = await api('GET', '/fabrikam/_apis/wit/workitems', { query: { ids: '3', fields: 'System.Id,System.WorkItemType,System.State,System.Title' } });
    const [real] = (recorded('adocli-queryshow-workitems-fields-only.json') as { value: object[] }).value;
    const [item] = (r.body as { value: Record<string, unknown>[] }).value;
    expect(Object.keys(item ?? {})).toEqual(Object.keys(real ?? {}));
    expect(Object.keys(item?.fields ?? {}).sort()).toEqual(Object.keys((real as { fields: object }).fields).sort());
    expect(item?.url).toBe(`${emu.orgUrl}/_apis/wit/workItems/3`);
  });
});

describe('GET workitemtypes/{type}/states', () => {
  it('lists names, colours and categories', async () => {
    const r = await api('GET', '/fabrikam/Web/_apis/wit/workitemtypes/User%20Story/states');
    expect((r.body as { value: unknown[] }).value).toContainEqual({ name: 'Blocked on vendor', color: 'cc293d', category: 'InProgress' });
  });

  it('answers 404 for an unknown type or project', async () => {
    expectAdoError(await api('GET', '/fabrikam/Web/_apis/wit/workitemtypes/Saga/states'), 404, /Saga/);
    expectAdoError(await api('GET', '/fabrikam/Nope/_apis/wit/workitemtypes/Epic/states'), 404, /^TF200016: The following project does not exist: Nope/);
  });
});

describe('POST wiql', () => {
  const linkQuery = (ids: number[]): string =>
    `SELECT [System.Id] FROM WorkItemLinks WHERE [Source].[System.Id] IN (${ids.join(',')}) AND [System.Links.LinkType] = 'System.LinkTypes.Hierarchy-Forward' MODE (MustContain)`;

  it('answers a hierarchy link query like the recorded examples: a row per source, then its links', async () => {
    const r = await api('POST', '/fabrikam/Web/_apis/wit/wiql', { body: { query: linkQuery([2, 3, 21]) } });
    const body = r.body as { queryType: string; queryResultType: string; workItemRelations: { rel?: string; source?: { id: number }; target: { id: number } }[] };
    expect(body.queryType).toBe('oneHop');
    expect(body.queryResultType).toBe('workItemLink');
    expect(body.workItemRelations.map((l) => [l.rel ?? null, l.source?.id ?? null, l.target.id])).toEqual([
      [null, null, 2],
      ...[3, 4, 5, 6, 7, 8].map((t) => ['System.LinkTypes.Hierarchy-Forward', 2, t]),
      // 3 has no children (MustContain leaves it out); 21's child 22 is invisible to ana.
      [null, null, 21],
      ['System.LinkTypes.Hierarchy-Forward', 21, 23],
    ]);
    // Top-level rows carry only a target, as in Microsoft's examples (no null rel or source).
    expect(Object.keys(body.workItemRelations[0] as object)).toEqual(['target']);
  });

  it('answers flat queries on title, project and id, honouring quotes, @project, ORDER BY and $top', async () => {
    const q = (query: string, top?: number) =>
      api('POST', '/fabrikam/Web/_apis/wit/wiql', { body: { query }, ...(top ? { query: { $top: String(top) } } : {}) });
    const ids = (r: CallResult) => (r.body as { workItems: { id: number }[] }).workItems.map((w) => w.id);
    expect(ids(await q("SELECT [System.Id] FROM WorkItems WHERE [System.Title] CONTAINS 'STORY' AND [System.TeamProject] = @project ORDER BY [System.Id] DESC"))).toEqual([8, 7, 6, 5, 4, 3]);
    expect(ids(await q("SELECT [System.Id], [System.Title] FROM WorkItems WHERE [System.Title] CONTAINS '(''vouchers'')'"))).toEqual([10]);
    expect(ids(await q('SELECT [System.Id] FROM WorkItems WHERE [System.Id] IN (1, 22, 23)'))).toEqual([1, 23]);
    expect(ids(await q("SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = 'Web' ORDER BY [System.Title]", 2))).toEqual([11, 2]);
  });

  it('refuses what it does not implement with a 400 in Azure DevOps\' error shape', async () => {
    for (const query of [
      "SELECT [System.Id] FROM WorkItems WHERE [System.Title] = 'a' OR [System.Title] = 'b'",
      'SELECT [System.Id] FROM WorkItems WHERE [System.Id] > 3',
      'SELECT [System.Id] FROM WorkItems WHERE [System.AssignedTo] = @me',
      "SELECT [System.Id] FROM WorkItemLinks WHERE [Source].[System.Id] = 1 AND [System.Links.LinkType] = 'System.LinkTypes.Related'",
      'DELETE FROM WorkItems',
    ]) {
      const r = await api('POST', '/fabrikam/Web/_apis/wit/wiql', { body: { query } });
      expect(r.status, query).toBe(400);
      expect(Object.keys(r.body as object).sort(), query).toEqual(ADO_ERROR_KEYS);
    }
  });

  it('names an unknown field with TF51005', async () => {
    const r = await api('POST', '/fabrikam/Web/_apis/wit/wiql', { body: { query: "SELECT [System.Id] FROM WorkItems WHERE [System.Tagret] = 'x'" } });
    expectAdoError(r, 400, /^TF51005: The query references a field that does not exist\. The error is caused by «\[System\.Tagret\]»\./);
  });

  it('refuses results beyond the cap with VS402337', async () => {
    const small = await startAdoEmulator({ dataset: fabrikam(), wiqlResultCap: 5 });
    try {
      const r = await call(small.url, 'POST', '/fabrikam/Web/_apis/wit/wiql', { body: { query: linkQuery([1, 2]) } });
      expectAdoError(r, 400, /^VS402337: The number of work items returned exceeds the size limit of 5/);
    } finally {
      await small.close();
    }
  });

  it('answers only what the viewer may see', async () => {
    const r = await api('POST', '/fabrikam/Web/_apis/wit/wiql', { token: 'ben-token', body: { query: linkQuery([1, 2]) } });
    // ben sees Web\Payments only: 1 is invisible as a source; 2's children are all in Payments.
    const rows = (r.body as { workItemRelations: { target: { id: number } }[] }).workItemRelations;
    expect(rows.map((l) => l.target.id)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const none = await api('POST', '/fabrikam/Web/_apis/wit/wiql', { token: 'cleo-token', body: { query: linkQuery([1, 2]) } });
    expect((none.body as { workItemRelations: unknown[] }).workItemRelations).toEqual([]);
  });
});

describe('fault injection', () => {
  it('answers the next N requests with 429 and Retry-After, then serves normally', async () => {
    emu.failNext(2, { retryAfterSeconds: 7 });
    const first = await api('POST', '/fabrikam/_apis/wit/workitemsbatch', { body: { ids: [1] } });
    const second = await api('OPTIONS', '/fabrikam/_apis/wit');
    const third = await api('POST', '/fabrikam/_apis/wit/workitemsbatch', { body: { ids: [1] } });
    expect([first.status, second.status, third.status]).toEqual([429, 429, 200]);
    expect(first.headers.get('retry-after')).toBe('7');
    expect(Object.keys(first.body as object).sort()).toEqual(ADO_ERROR_KEYS);
  });

  it('can throttle only the requests a predicate picks', async () => {
    emu.failNext(1, { match: (r) => /wiql$/.test(r.path) });
    expect((await api('POST', '/fabrikam/_apis/wit/workitemsbatch', { body: { ids: [1] } })).status).toBe(200);
    expect((await api('POST', '/fabrikam/Web/_apis/wit/wiql', { body: { query: 'SELECT [System.Id] FROM WorkItems' } })).status).toBe(429);
    expect((await api('POST', '/fabrikam/Web/_apis/wit/wiql', { body: { query: 'SELECT [System.Id] FROM WorkItems' } })).status).toBe(200);
  });
});

describe('request log and mutations', () => {
  it('logs method, path, user, api-version, body and answer of every request', async () => {
    await api('POST', '/fabrikam/_apis/wit/workitemsbatch', { token: 'ben-token', body: { ids: [2] } });
    const [entry] = emu.requests();
    expect(entry).toMatchObject({ method: 'POST', path: '/fabrikam/_apis/wit/workitemsbatch', user: 'ben', apiVersion: '7.2-preview', body: { ids: [2] }, status: 200 });
    expect((entry?.response as Items).value[0]?.id).toBe(2);
  });

  it('serves changes at once and bumps the revision', async () => {
    const read = async () => ((await api('POST', '/fabrikam/_apis/wit/workitemsbatch', { body: { ids: [3] } })).body as Items).value[0];
    const before = await read();
    emu.org.update(3, { state: 'Closed', storyPoints: undefined });
    const after = await read();
    expect(after?.fields['System.State']).toBe('Closed');
    expect(after?.fields['Microsoft.VSTS.Scheduling.StoryPoints']).toBeUndefined();
    expect(after?.fields['System.Rev']).toBe((before?.fields['System.Rev'] as number) + 1);
    emu.org.update(3, { state: 'New', storyPoints: 3 });
  });

  it('refuses an impossible change and keeps the item as it was', () => {
    expect(() => emu.org.update(2, { parentId: 9 })).toThrow(/loops back/);
    expect(() => emu.org.update(2, { state: 'Shipped' })).toThrow(/has no state Shipped/);
    expect(() => emu.org.add({ id: 2, type: 'Epic', title: 'dup', state: 'New', areaPath: 'Web' })).toThrow(/already exists/);
    expect(emu.org.get(2)).toMatchObject({ parentId: 1, state: 'Active' });
  });

  it('adds and removes items, and changes what a user may see', async () => {
    emu.org.add({ id: 30, type: 'Task', title: 'New task', state: 'New', parentId: 2, areaPath: 'Web\\Payments' });
    const asBen = { token: 'ben-token', body: { ids: [30, 10], errorPolicy: 'omit' } };
    expect(((await api('POST', '/fabrikam/_apis/wit/workitemsbatch', asBen)).body as Items).value.map((w) => w?.id ?? null)).toEqual([30, null]);
    emu.org.setAccess('ben', { areaPaths: ['Web\\Payments', 'Web\\Gifts'] });
    emu.org.remove(30);
    expect(((await api('POST', '/fabrikam/_apis/wit/workitemsbatch', asBen)).body as Items).value.map((w) => w?.id ?? null)).toEqual([null, 10]);
    emu.org.setAccess('ben', { areaPaths: ['Web\\Payments'] });
  });
});

describe('dataset', () => {
  it('refuses an invalid dataset, listing every problem', async () => {
    const bad = fabrikam();
    bad.workItems.push({ id: 1, type: 'Saga', title: 'x', state: 'New', areaPath: 'Nowhere' });
    bad.workItems.push({ id: 40, type: 'Epic', title: 'y', state: 'Shipped', parentId: 404, areaPath: 'Web' });
    await expect(startAdoEmulator({ dataset: bad })).rejects.toThrow(
      /id 1 appears twice[\s\S]*unknown type Saga[\s\S]*area path Nowhere[\s\S]*Epic has no state Shipped[\s\S]*parent 404 does not exist/,
    );
  });

  it('starts on a free port with its demo organization when given nothing', async () => {
    const demo = await startAdoEmulator();
    try {
      expect(demo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const r = await call(demo.url, 'POST', '/raintown/_apis/wit/workitemsbatch', { token: 'maria-pat', body: { ids: [42], fields: ['System.Title'] } });
      expect((r.body as Items).value[0]?.fields['System.Title']).toBe('Implement new CRM to automate customer outreach');
    } finally {
      await demo.close();
    }
  });
});
