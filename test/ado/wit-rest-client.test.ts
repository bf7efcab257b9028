// The extension's work item client: Microsoft's browser WorkItemTrackingRestClient (the one
// `getClient` hands out in the frame) against the ADO emulator, behind the same AdoWorkItemSource
// as on Node. Same answers as azure-devops-node-api, requests within the published contract.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkItemSource } from '../../src/core/ports/work-item-source';
import { BrowserWitClient, type WitRestClient } from '../../src/ado/wit-rest-client';
import { AdoWorkItemSource } from '../../src/trackers/ado/ado-work-item-source';
import { createNodeAdoSource } from '../../src/trackers/ado/node-wit-client';
import { AdoHttpError } from '../../src/trackers/ado/wit-client';
import { startAdoEmulator, type AdoEmulator } from '../../src/workbench/emulators/ado/server';
import { fabrikam, generatedTree } from '../workbench/emulators/ado/fixture-dataset';
import { adoContract } from '../workbench/emulators/ado/http';

const noSleep = { sleep: () => Promise.resolve() };

/** The SDK's REST client pointed at the emulator, authenticated the way a PAT is. */
async function restClient(emu: AdoEmulator, pat: string): Promise<WitRestClient> {
  // whatwg-fetch, which the client imports, expects the browser's `self`.
  (globalThis as { self?: unknown }).self ??= globalThis;
  const { WorkItemTrackingRestClient } = await import('azure-devops-extension-api/WorkItemTracking');
  const header = `Basic ${Buffer.from(`:${pat}`).toString('base64')}`;
  return new WorkItemTrackingRestClient({ rootPath: `${emu.orgUrl}/`, authTokenProvider: { getAuthorizationHeader: () => Promise.resolve(header) } });
}

async function browserSource(emu: AdoEmulator, pat: string, project: string): Promise<AdoWorkItemSource> {
  return new AdoWorkItemSource({ client: new BrowserWitClient(await restClient(emu, pat)), project, retry: noSleep });
}

async function session(source: WorkItemSource) {
  return {
    items: await source.getItems(['ado:1', 'ado:22', 'ado:999', 'jira:WEB-1']),
    descendants: await source.getDescendants(['ado:1']),
    search: await source.search('gift', 5),
    byId: await source.search('4', 5),
  };
}

describe('BrowserWitClient over WorkItemTrackingRestClient, against the emulator', () => {
  let emu: AdoEmulator;
  beforeAll(async () => {
    emu = await startAdoEmulator({ dataset: fabrikam() });
  });
  afterAll(async () => {
    await emu.close();
  });

  it('gives the same work items as the Node client (SPEC §6 mapping, visibility, search)', async () => {
    const node = createNodeAdoSource({ orgUrl: emu.orgUrl, pat: 'ana-token', project: 'Web', retry: noSleep });
    const browser = await browserSource(emu, 'ana-token', 'Web');
    const fromBrowser = await session(browser);
    expect(fromBrowser).toEqual(await session(node));
    expect(fromBrowser.items.items.length).toBeGreaterThan(0);
    expect(fromBrowser.items.missing).toEqual(expect.arrayContaining(['ado:999', 'jira:WEB-1']));
    expect(fromBrowser.descendants.length).toBeGreaterThan(0);
    // Another viewer sees less, through the same code.
    const ben = await session(await browserSource(emu, 'ben-token', 'Web'));
    expect(ben).not.toEqual(fromBrowser);
  });

  it('sends only requests the WIT contract describes (paths, api-version in Accept, bodies)', async () => {
    emu.clearRequests();
    await session(await browserSource(emu, 'ana-token', 'Web'));
    const log = emu.requests();
    expect(log.length).toBeGreaterThan(0);
    for (const r of log) {
      expect(adoContract().checkRequest({ method: r.method, path: r.path, query: r.query, headers: { accept: r.accept }, body: r.body }), `${r.method} ${r.path}`).toEqual([]);
      // No discovery round trips: the frame's location service gives the root path.
      expect(r.method).not.toBe('OPTIONS');
      expect(r.accept).toMatch(/noArrayWrap=true/);
    }
    expect(new Set(log.map((r) => adoContract().operation(r.method, r.path)?.template))).toEqual(
      new Set(['/{organization}/{project}/_apis/wit/workitemsbatch', '/{organization}/{project}/_apis/wit/workitemtypes/{type}/states', '/{organization}/{project}/{team}/_apis/wit/wiql']),
    );
  });

  it('retries a throttled batch read (429) and then succeeds', async () => {
    emu.clearRequests();
    emu.failNext(2, { match: (r) => /workitemsbatch$/i.test(r.path) });
    const source = await browserSource(emu, 'ana-token', 'Web');
    const read = await source.getItems(['ado:1']);
    expect(read.items.map((i) => i.ref)).toEqual(['ado:1']);
    expect(emu.requests().filter((r) => /workitemsbatch$/i.test(r.path)).map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it('turns the SDK fetch error into AdoHttpError with the service message and type key', async () => {
    const source = await browserSource(emu, 'ana-token', 'NoSuchProject');
    const error = await source.search('gift', 5).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AdoHttpError);
    expect(error).toMatchObject({ status: 404 });
    expect((error as AdoHttpError).typeKey).toMatch(/Project/);
  });
});

describe('BrowserWitClient on a service answering with bare arrays (noArrayWrap=true)', () => {
  it('reads bare and wrapped lists alike, and refuses anything else', async () => {
    const states = [{ name: 'New', category: 'Proposed', color: 'b2b2b2' }];
    const rest = (answer: unknown): WitRestClient => ({
      queryByWiql: () => Promise.resolve({ workItems: [{ id: 1, url: '' }] } as never),
      getWorkItemsBatch: () => Promise.resolve(answer as never),
      getWorkItemTypeStates: () => Promise.resolve(answer as never),
    });
    expect(await new BrowserWitClient(rest(states)).getWorkItemTypeStates('P', 'Bug')).toEqual(states);
    expect(await new BrowserWitClient(rest({ count: 1, value: states })).getWorkItemTypeStates('P', 'Bug')).toEqual(states);
    await expect(new BrowserWitClient(rest({ message: 'odd' })).getWorkItemsBatch({ ids: [1] })).rejects.toBeInstanceOf(AdoHttpError);
  });
});

describe('requests for a KR whose scope holds 1,000 work items, through the browser client (SPEC §6)', () => {
  it('one WIQL per level plus ⌈1000/200⌉ batch reads', async () => {
    const tree = generatedTree({ levels: [4, 40, 956] });
    const emu = await startAdoEmulator({ dataset: tree.dataset });
    try {
      const source = await browserSource(emu, 'dev-token', 'Big');
      const scope = await source.getScope(tree.roots.map((id) => `ado:${id}`));
      expect(scope.items).toHaveLength(1000);
      expect(source.requests).toEqual({ wiql: 3, batch: 5, states: 3 });
      // Nothing else on the wire: no location discovery inside the frame.
      expect(emu.requests()).toHaveLength(11);
    } finally {
      await emu.close();
    }
  });
});
