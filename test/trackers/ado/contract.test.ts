// Every request the adapter puts on the wire (through azure-devops-node-api) and every answer the
// emulator gives it, checked against Microsoft's Work Item Tracking 7.2 description.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeAdoSource } from '../../../src/trackers/ado/node-wit-client';
import { startAdoEmulator, type AdoEmulator, type LoggedRequest } from '../../../src/workbench/emulators/ado/server';
import { fabrikam } from '../../workbench/emulators/ado/fixture-dataset';
import { ADO_ERROR_KEYS, adoContract } from '../../workbench/emulators/ado/http';

let emu: AdoEmulator;
let log: LoggedRequest[];

const DISCOVERY = ['OPTIONS /fabrikam/_apis/Location', 'GET /fabrikam/_apis/ResourceAreas', 'OPTIONS /fabrikam/_apis/wit'];

beforeAll(async () => {
  emu = await startAdoEmulator({ dataset: fabrikam(), wiqlResultCap: 8 });
  const ana = createNodeAdoSource({ orgUrl: emu.orgUrl, pat: 'ana-token', project: 'Web', retry: { sleep: () => Promise.resolve() } });
  const ben = createNodeAdoSource({ orgUrl: emu.orgUrl, pat: 'ben-token', project: 'Web', retry: { sleep: () => Promise.resolve() } });
  // A session touching every call the adapter makes, including throttling and a too-large result.
  await ana.getItems(['ado:1', 'ado:22', 'ado:999', 'jira:WEB-1']);
  await ana.getDescendants(['ado:1']);
  await ana.getScope(['ado:20', 'ado:21']);
  await ana.search('4', 5);
  await ana.search("gift ('vouchers')", 5);
  emu.failNext(1, { retryAfterSeconds: 2, match: (r) => /workitemsbatch$/i.test(r.path) });
  await ben.getDescendants(['ado:2']);
  log = emu.requests();
});
afterAll(async () => {
  await emu.close();
});

const label = (r: LoggedRequest) => `${r.method} ${r.path}`;
const api = () => log.filter((r) => !DISCOVERY.includes(label(r)));

describe('the adapter on the wire, against the published contract', () => {
  it('exercised every operation it uses, a throttled answer and a refused query', () => {
    const operations = new Set(api().map((r) => adoContract().operation(r.method, r.path)?.template));
    expect([...operations].sort()).toEqual([
      '/{organization}/{project}/_apis/wit/workitemsbatch',
      '/{organization}/{project}/_apis/wit/workitemtypes/{type}/states',
      '/{organization}/{project}/{team}/_apis/wit/wiql',
    ]);
    expect(api().some((r) => r.status === 429)).toBe(true);
    expect(api().some((r) => r.status === 400 && /VS402337/.test((r.response as { message: string }).message))).toBe(true);
  });

  it('sends only requests the contract describes: paths, api-version, query and bodies', () => {
    for (const r of api()) {
      expect(adoContract().checkRequest({ method: r.method, path: r.path, query: r.query, headers: { accept: r.accept }, body: r.body }), label(r)).toEqual([]);
    }
  });

  it('asks batch reads for the fields it maps and no more, never together with $expand', () => {
    for (const r of api().filter((x) => /workitemsbatch$/i.test(x.path))) {
      const body = r.body as { ids: number[]; fields?: string[]; $expand?: unknown; errorPolicy?: unknown };
      expect(body.ids.length).toBeLessThanOrEqual(200);
      expect(body.$expand).toBeUndefined();
      expect(body.errorPolicy).toBe('omit');
      expect(body.fields).toEqual([
        'System.Id',
        'System.Title',
        'System.WorkItemType',
        'System.State',
        'System.TeamProject',
        'System.Parent',
        'Microsoft.VSTS.Scheduling.StoryPoints',
        'Microsoft.VSTS.Scheduling.Effort',
        'Microsoft.VSTS.Scheduling.Size',
      ]);
    }
  });

  it('gets answers the contract describes, and errors in Azure DevOps\' shape', () => {
    for (const r of api()) {
      if (r.status === 200) {
        const omitted = (r.body as { errorPolicy?: unknown } | undefined)?.errorPolicy === 'omit';
        expect(adoContract().checkResponse(r, 200, r.response, { omittedItems: omitted }), label(r)).toEqual([]);
      } else {
        expect(Object.keys(r.response as object).sort(), label(r)).toEqual(ADO_ERROR_KEYS);
      }
    }
  });

  it('discovers locations once per client, before anything else', () => {
    const discovery = log.filter((r) => DISCOVERY.includes(label(r))).map(label);
    // Two clients (ana, ben), each discovering once.
    expect(discovery).toEqual([...DISCOVERY, ...DISCOVERY]);
  });
});
