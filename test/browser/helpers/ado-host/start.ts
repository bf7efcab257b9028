// Everything the extension's browser tests run against: the packaged extension (npm run package),
// the ADO emulator with the demo organization, the documented Extension Data Service fake, the
// test host around them, and a Node view of the same data as the same viewer, to compare what the
// pages show with what the app computes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiClient } from '../../../../src/app/api';
import { extensionSource } from '../../../../src/ado/host/work-item-sources';
import { createApp } from '../../../../src/app/create-app';
import { wholeScopeHistory } from '../../../../src/app/history';
import { localActor } from '../../../../src/app/local-actor';
import { parsePlanText } from '../../../../src/core/plan/parse';
import { ExtensionDataDocumentStore } from '../../../../src/stores/ado-extension-data-document-store';
import { createNodeAdoSource } from '../../../../src/trackers/ado/node-wit-client';
import { ADO_PROJECT, DEMO_VIEWER, demoAdoDataset } from '../../../../src/workbench/demo-trackers';
import { startAdoEmulator, type AdoEmulator } from '../../../../src/workbench/emulators/ado/server';
import { ensureExtensionPackaged, ROOT, vsixPath } from '../../../ado/helpers/build-extension';
import { readZip } from '../../../ado/helpers/zip';
import { FakeExtensionDataManager } from '../../../fakes/ado-extension-data';
import { startAdoHost, type AdoHost, type Contribution } from './host-server';

export const DEMO_PLAN_TEXT = readFileSync(join(ROOT, 'examples', 'rain-town-tea.yaml'), 'utf8');

export interface ExtensionUnderTest {
  host: AdoHost;
  emulator: AdoEmulator;
  data: FakeExtensionDataManager;
  /** The app as the same viewer sees it, on the same extension data and tracker. */
  api: ApiClient;
  close(): Promise<void>;
}

export async function startExtensionUnderTest(): Promise<ExtensionUnderTest> {
  await ensureExtensionPackaged();
  const files = readZip(readFileSync(vsixPath()));
  const vso = JSON.parse((files.get('extension.vsomanifest') as Buffer).toString('utf8')) as { contributions: Contribution[] };
  const manifest = JSON.parse(readFileSync(join(ROOT, 'vss-extension.json'), 'utf8')) as { publisher: string; id: string; version: string };
  const emulator = await startAdoEmulator({ dataset: demoAdoDataset(parsePlanText(DEMO_PLAN_TEXT)) });
  const data = new FakeExtensionDataManager();
  const host = await startAdoHost({
    emulator,
    token: DEMO_VIEWER.ado.pat,
    project: ADO_PROJECT,
    data,
    extension: { ...manifest, contributions: vso.contributions, files },
  });
  const store = new ExtensionDataDocumentStore(data);
  // The same sources as the pages: ADO live as the viewer, Jira from the stored snapshot.
  const source = extensionSource(store, createNodeAdoSource({ orgUrl: emulator.orgUrl, pat: DEMO_VIEWER.ado.pat, project: ADO_PROJECT }));
  // The test's own calls (seeding a plan) are made as the project administrator.
  const app = createApp({ store, source, actor: localActor('maria', source), history: wholeScopeHistory(store) });
  return {
    host,
    emulator,
    data,
    api: app.call,
    close: async () => {
      await host.close();
      await emulator.close();
    },
  };
}
