// The MeasureSource contract for Azure DevOps on Node: AdoMeasureSource through Microsoft's
// azure-devops-node-api against the Azure DevOps emulator over HTTP.
import { describe } from 'vitest';
import { AdoMeasureSource } from '../../src/trackers/ado/measure/measure-source';
import { NodeWitClient } from '../../src/trackers/ado/node-wit-client';
import { startAdoEmulator } from '../../src/workbench/emulators/ado/server';
import { measureSourceContract } from './measure-source.contract';
import { WIQL_QUERIES } from './measure-source.queries';
import { ADO_PROJECT, ADO_VIEWER_PAT, adoDataset } from './work-item-source.dataset';

describe('MeasureSource contract: AdoMeasureSource (azure-devops-node-api, ADO emulator)', () => {
  measureSourceContract(async () => {
    const emu = await startAdoEmulator({ dataset: adoDataset() });
    const source = new AdoMeasureSource({ client: new NodeWitClient({ orgUrl: emu.orgUrl, pat: ADO_VIEWER_PAT }), orgUrl: emu.orgUrl, project: ADO_PROJECT, retry: { sleep: () => Promise.resolve() } });
    return {
      source,
      queries: WIQL_QUERIES,
      measure: (wiql, rest = {}) => ({ wiql, ...rest }),
      searchUrl: `${emu.orgUrl}/${ADO_PROJECT}/_queries/query/?wiql=`,
      cleanup: () => emu.close(),
    };
  });
});
