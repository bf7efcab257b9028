// Issue 5 figures for the Azure DevOps extension, measured on what ships:
// - Work Item Tracking requests for a KR whose scope holds 1,000 work items, through the
//   extension's own client (the SDK's WorkItemTrackingRestClient behind BrowserWitClient) over
//   HTTP against the emulator: one WIQL per hierarchy level plus ⌈n/200⌉ batch reads;
// - Extension Data Service requests for what a page does (import the demo plan, a work item's
//   panel, the board, a link), each from a fresh store as a page load has;
// - the .vsix that `npm run package` writes, and each page's JavaScript gzipped (budget 150 KB).
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWitClient } from '../src/ado/wit-rest-client';
import { createApp } from '../src/app/create-app';
import { wholeScopeHistory } from '../src/app/history';
import { localActor } from '../src/app/local-actor';
import { ExtensionDataDocumentStore } from '../src/stores/ado-extension-data-document-store';
import { AdoWorkItemSource } from '../src/trackers/ado/ado-work-item-source';
import { startAdoEmulator } from '../src/workbench/emulators/ado/server';
import { DEMO, DEMO_TEXT, TODAY } from '../test/app/harness';
import { FakeWorkItemSource } from '../test/app/fake-work-item-source';
import { FakeExtensionDataManager } from '../test/fakes/ado-extension-data';
import { entrySizes } from '../test/helpers/vite-bundle';
import { generatedTree } from '../test/workbench/emulators/ado/fixture-dataset';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export async function benchAdo(): Promise<Record<string, unknown>> {
  return {
    scopeOf1000ItemsThroughTheExtensionClient: await scope(),
    extensionDataRequests: await extensionData(),
    package: packaged(),
  };
}

async function scope(): Promise<Record<string, unknown>> {
  // whatwg-fetch, which the SDK's client imports, expects the browser's `self`.
  (globalThis as { self?: unknown }).self ??= globalThis;
  const { WorkItemTrackingRestClient } = await import('azure-devops-extension-api/WorkItemTracking');
  const tree = generatedTree({ levels: [4, 40, 956] });
  const emu = await startAdoEmulator({ dataset: tree.dataset });
  try {
    const rest = new WorkItemTrackingRestClient({
      rootPath: `${emu.orgUrl}/`,
      authTokenProvider: { getAuthorizationHeader: () => Promise.resolve(`Basic ${Buffer.from(':dev-token').toString('base64')}`) },
    });
    const source = new AdoWorkItemSource({ client: new BrowserWitClient(rest), project: 'Big' });
    const t = performance.now();
    const found = await source.getScope(tree.roots.map((id) => `ado:${id}`));
    const ms = performance.now() - t;
    return {
      items: found.items.length,
      levels: 3,
      requests: source.requests,
      expected: { wiql: 3, batch: Math.ceil(1000 / 200) },
      httpRequestsOnTheWire: emu.requests().length,
      wallMs: +ms.toFixed(1),
    };
  } finally {
    await emu.close();
  }
}

async function extensionData(): Promise<Record<string, unknown>> {
  const data = new FakeExtensionDataManager();
  const source = new FakeWorkItemSource(DEMO.workItems);
  // Each step on a fresh store, as each page load builds one.
  const measure = async (run: (app: ReturnType<typeof createApp>) => Promise<unknown>) => {
    const before = data.count();
    const store = new ExtensionDataDocumentStore(data);
    await run(createApp({ store, source, actor: localActor('maria', source), history: wholeScopeHistory(store), today: () => TODAY }));
    const calls = data.calls.slice(before);
    const byMethod: Record<string, number> = {};
    for (const c of calls) byMethod[c.method] = (byMethod[c.method] ?? 0) + 1;
    return { total: calls.length, ...byMethod };
  };
  const linked = DEMO.objectives.flatMap((o) => o.keyResults).find((k) => k.type === 'effort' && (k.links ?? []).some((l) => l.startsWith('ado:')));
  const item = linked?.links?.find((l) => l.startsWith('ado:'));
  if (!linked || !item) throw new Error('the demo plan links an ADO item to an effort KR');
  const other = DEMO.objectives.flatMap((o) => o.keyResults).find((k) => k.type === 'effort' && k.id !== linked.id);
  return {
    importDemoPlan: await measure((app) => app.call('importPlan', { text: DEMO_TEXT, format: 'yaml' })),
    panelOfALinkedItem: await measure((app) => app.call('getPanel', { ref: item })),
    board: await measure((app) => app.call('getBoard', {})),
    kpiReadout: await measure((app) => app.call('getKpis', {})),
    linkAnItem: other ? await measure((app) => app.call('linkWorkItem', { kr: other.id, ref: item })) : 'no second effort KR in the demo',
    collections: Object.keys(data.dump()).length,
    largestDocumentBytes: Math.max(...Object.values(data.dump()).flatMap((docs) => docs.map((d) => JSON.stringify(d).length))),
  };
}

function packaged(): Record<string, unknown> {
  const run = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (run.status !== 0) throw new Error(`npm run package failed:\n${run.stdout}\n${run.stderr}`);
  const manifest = JSON.parse(readFileSync(join(ROOT, 'vss-extension.json'), 'utf8')) as { publisher: string; id: string; version: string };
  const vsix = join(ROOT, 'dist', `${manifest.publisher}.${manifest.id}-${manifest.version}.vsix`);
  const pages: Record<string, string> = {};
  for (const page of entrySizes(join(ROOT, 'dist', 'ado', '.vite', 'manifest.json'), join(ROOT, 'dist', 'ado'))) {
    pages[page.entry.replace(/\/index\.html$/, '')] = `${(page.gzipBytes / 1024).toFixed(1)} KB gzipped`;
  }
  return { vsix: `${(statSync(vsix).size / 1024).toFixed(1)} KB`, pageJavaScript: pages, budgetPerPage: '150 KB gzipped' };
}
