// The emulator's default organization: Rain Town Tea's Azure DevOps project, with the CRM rollout
// behind the "wildly loyal customers" objective (SPEC §1 links `ado:42`). Agile process states.
// Two users: maria sees the whole project, sam only the Platform area.
import type { AdoDataset, DatasetType } from './dataset';

const agile = (name: string, withResolved: boolean): DatasetType => ({
  name,
  states: [
    { name: 'New', category: 'Proposed', color: 'b2b2b2' },
    { name: 'Active', category: 'InProgress', color: '007acc' },
    ...(withResolved ? [{ name: 'Resolved', category: 'Resolved' as const, color: 'ff9d00' }] : []),
    { name: 'Closed', category: 'Completed', color: '339933' },
    { name: 'Removed', category: 'Removed', color: 'ffffff' },
  ],
});

export const DEMO_ADO_DATASET: AdoDataset = {
  org: 'raintown',
  projects: ['RainTown'],
  users: [
    { name: 'maria', pat: 'maria-pat', projects: ['RainTown'] },
    { name: 'sam', pat: 'sam-pat', areaPaths: ['RainTown\\Platform'] },
  ],
  types: [agile('Epic', true), agile('Feature', true), agile('User Story', true), agile('Task', false), agile('Bug', true)],
  workItems: [
    { id: 42, type: 'Epic', title: 'Implement new CRM to automate customer outreach', state: 'Active', areaPath: 'RainTown\\Sales' },
    { id: 43, type: 'Feature', title: 'Customer records in the CRM', state: 'Active', parentId: 42, areaPath: 'RainTown\\Sales' },
    { id: 44, type: 'User Story', title: 'Import customers from the order book', state: 'Closed', parentId: 43, storyPoints: 5, areaPath: 'RainTown\\Sales' },
    { id: 45, type: 'User Story', title: 'Merge duplicate customers', state: 'Resolved', parentId: 43, storyPoints: 3, areaPath: 'RainTown\\Sales' },
    { id: 46, type: 'User Story', title: "Record each customer's favourite blend", state: 'New', parentId: 43, storyPoints: 2, areaPath: 'RainTown\\Sales' },
    { id: 47, type: 'Feature', title: 'Automated outreach', state: 'New', parentId: 42, areaPath: 'RainTown\\Sales' },
    { id: 48, type: 'User Story', title: 'Renewal reminder e-mails', state: 'Active', parentId: 47, storyPoints: 8, areaPath: 'RainTown\\Sales' },
    { id: 49, type: 'User Story', title: 'Win-back offer for lapsed subscribers', state: 'New', parentId: 47, areaPath: 'RainTown\\Sales' },
    { id: 50, type: 'User Story', title: 'SMS reminders', state: 'Removed', parentId: 47, storyPoints: 5, areaPath: 'RainTown\\Sales' },
    { id: 51, type: 'Feature', title: 'CRM hosting and backups', state: 'Active', parentId: 42, areaPath: 'RainTown\\Platform' },
    { id: 52, type: 'Task', title: 'Provision the CRM database', state: 'Closed', parentId: 51, areaPath: 'RainTown\\Platform' },
    { id: 53, type: 'Task', title: 'Nightly backup job', state: 'Active', parentId: 51, areaPath: 'RainTown\\Platform' },
    { id: 60, type: 'Epic', title: 'Shorten lead time for changes', state: 'Active', areaPath: 'RainTown\\Platform' },
    { id: 61, type: 'User Story', title: 'Deploy the web shop on every merge', state: 'Active', parentId: 60, storyPoints: 8, areaPath: 'RainTown\\Platform' },
    { id: 62, type: 'Bug', title: "Checkout fails for 'gift' orders", state: 'New', parentId: 60, areaPath: 'RainTown\\Platform' },
  ],
};
