// The site and plan the Forge tests share: the emulator's small site (CS, OPS, SECRET projects;
// alice browses all three, bob only CS) plus the app's account, and a plan whose effort KRs
// count the CRM epic and the OPS epic.
import type { IsoDate } from '../../src/core/model/dates';
import type { JiraDataset } from '../../src/workbench/emulators/jira';
import { ALICE, BOB, siteDataset } from '../workbench/emulators/jira/fixtures';
import { appAccount } from './harness';

export { ALICE, BOB };
export const ALICE_ID = '5b10a2844c20165700ede21a';
export const BOB_ID = '5b10a2844c20165700ede21b';
export const TODAY = '2026-11-15' as IsoDate;

export function forgeSiteDataset(): JiraDataset {
  const base = siteDataset();
  return { ...base, users: [...base.users, appAccount(base.projects.map((p) => p.key))] };
}

export const PLAN = {
  okr: 1,
  organization: 'Rain Town Tea',
  periods: [{ id: '2026-Q4', start: '2026-10-01', end: '2026-12-31' }],
  teams: [
    { id: 'company', name: 'Rain Town Tea' },
    { id: 'cs', name: 'Customer Success', parent: 'company' },
  ],
  objectives: [
    {
      id: 'O1',
      title: 'Create wildly loyal customers',
      team: 'cs',
      period: '2026-Q4',
      keyResults: [
        { id: 'KR-CRM', title: 'Implement the new CRM', type: 'effort', links: ['jira:CS-1'] },
        { id: 'KR-OPS', title: 'Reliable deploys', type: 'effort', links: ['jira:OPS-1'] },
        { id: 'KR-RET', title: 'Retention from 73% to 75%', type: 'outcome', start: 73, target: 75, unit: '%' },
      ],
    },
  ],
  kpis: [],
  workItems: [],
};
