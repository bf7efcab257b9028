// The demo organisation's trackers, derived from the demo plan's work item snapshot: every
// `jira:` item becomes an issue of the Jira emulator, every `ado:` item a work item of the ADO
// emulator, so the workbench shows live the numbers `okr evaluate` prints from the file.
// A few extra items show the rest of the product: some to link in the demo, and some the demo
// viewer may NOT see (another project, another area path), which never appear in any surface.
import type { Plan } from '../core/model/plan';
import { parseRef, type WorkItem, type WorkItemStatus } from '../core/model/work-item';
import type { AdoDataset, DatasetWorkItem } from './emulators/ado/dataset';
import type { EmulatedIssue, JiraDataset, StatusCategoryKey } from './emulators/jira';

/** Who the workbench reads as: Maria, the CEO of Rain Town Tea (the seed articles' owner). */
export const DEMO_VIEWER = {
  /** Also the workbench's one local user: the id KR owners name her by in the demo plan. */
  jira: { accountId: 'maria', email: 'maria@raintown.example', apiToken: 'maria-token' },
  ado: { pat: 'maria-pat' },
} as const;

export const ADO_ORG = 'raintown';
export const ADO_PROJECT = 'RainTown';

/** Jira projects the viewer may not browse: HR and the security team's. */
const HIDDEN_JIRA_PROJECTS = [
  { key: 'SEC', name: 'Security' },
  { key: 'HR', name: 'People' },
];
const ADO_HIDDEN_AREA = `${ADO_PROJECT}\\Finance`;

/** Items beyond the plan's snapshot; `hidden` ones sit where the viewer has no access. */
export const EXTRA_WORK_ITEMS: readonly (WorkItem & { hidden?: true })[] = [
  // Not linked to any KR yet: for the "link a work item" journey.
  { ref: 'jira:CS-40', title: 'Loyalty stamp card', type: 'Epic', status: 'in-progress' },
  { ref: 'jira:CS-41', title: 'Design the stamp card', type: 'Story', status: 'done', estimate: 2, parent: 'jira:CS-40' },
  { ref: 'jira:CS-42', title: 'Stamp card in the shop app', type: 'Story', status: 'todo', estimate: 5, parent: 'jira:CS-40' },
  { ref: 'ado:400', title: 'Customer health dashboard', type: 'Feature', status: 'in-progress' },
  { ref: 'ado:401', title: 'Health score widget', type: 'User Story', status: 'done', estimate: 3, parent: 'ado:400' },
  { ref: 'ado:402', title: 'Alert account managers on falling health', type: 'User Story', status: 'todo', estimate: 5, parent: 'ado:400' },
  { ref: 'ado:403', title: 'Weekly health digest e-mail', type: 'User Story', status: 'in-progress', estimate: 2, parent: 'ado:400' },
  // Hidden from the viewer. Two sit under epics the viewer does see: they must not count.
  { ref: 'jira:SEC-1', title: 'Penetration test of the new CRM', type: 'Story', status: 'in-progress', parent: 'jira:CS-1', hidden: true },
  { ref: 'jira:SEC-2', title: 'Rotate the CRM API keys', type: 'Story', status: 'todo', parent: 'jira:CS-1', hidden: true },
  { ref: 'jira:HR-1', title: 'Salary review 2027', type: 'Epic', status: 'todo', hidden: true },
  { ref: 'ado:900', title: 'Renegotiate payment processor fees', type: 'Epic', status: 'in-progress', hidden: true },
  { ref: 'ado:207', title: 'Rollback for the payment service', type: 'User Story', status: 'todo', parent: 'ado:202', hidden: true },
];

/**
 * Measured values (SPEC §8): the bugs and stories the demo plan's queries count, so a run today
 * continues the measured history in examples/rain-town-tea.yaml. As maria: 9 open CS bugs
 * (KR-OPEN-BUGS, last measured 10), 3 of 5 P1 bugs fixed within the SLA = 60% (KR-P1-SLA); one
 * P1 sits in SEC, which she may not browse, so it counts for nobody who reads the number.
 */
const BUG = { issuetype: 'Bug' } as const;
export const MEASURED_JIRA_ISSUES: readonly EmulatedIssue[] = [
  { key: 'CS-60', summary: 'Loyalty points vanish after a refund', ...BUG, statusCategory: 'indeterminate', priority: 'Highest' },
  { key: 'CS-61', summary: 'Order confirmation e-mail shows the wrong blend', ...BUG, statusCategory: 'new', priority: 'High' },
  { key: 'CS-62', summary: 'Subscription pause date off by one day', ...BUG, statusCategory: 'new' },
  { key: 'CS-63', summary: 'Gift card balance rounds down', ...BUG, statusCategory: 'indeterminate', priority: 'High' },
  { key: 'CS-64', summary: 'Café finder ignores closed days', ...BUG, statusCategory: 'new', priority: 'Low' },
  { key: 'CS-65', summary: 'Unsubscribe link expires too soon', ...BUG, statusCategory: 'new' },
  { key: 'CS-66', summary: 'Duplicate welcome e-mails', ...BUG, statusCategory: 'indeterminate', priority: 'Low' },
  { key: 'CS-67', summary: 'Invoice PDF cuts long addresses', ...BUG, statusCategory: 'new', priority: 'Lowest' },
  { key: 'CS-68', summary: 'Support form loses attachments', ...BUG, statusCategory: 'new', priority: 'High' },
  { key: 'CS-69', summary: 'Checkout rejects valid postcodes', ...BUG, statusCategory: 'done', resolution: 'Done', priority: 'Highest', labels: ['sla-met'] },
  { key: 'CS-70', summary: 'Payment page times out', ...BUG, statusCategory: 'done', resolution: 'Done', priority: 'Highest', labels: ['sla-met'] },
  { key: 'CS-71', summary: 'Subscribers charged twice', ...BUG, statusCategory: 'done', resolution: 'Done', priority: 'Highest', labels: ['sla-met'] },
  { key: 'CS-72', summary: 'Orders lost during the sale', ...BUG, statusCategory: 'done', resolution: 'Done', priority: 'Highest' },
  { key: 'SEC-3', summary: 'Session fixation in the shop login', ...BUG, statusCategory: 'new', priority: 'Highest' },
];

/**
 * As maria in Azure DevOps: 8 closed platform stories worth 26 points (KR-PLATFORM-POINTS, last
 * measured 21) with 2 bugs against them, a change failure rate of 25% (breached, as the KPI's
 * readings say); a closed story in Finance, which she may not read, counts for nobody.
 */
const ENGINEERING = `${ADO_PROJECT}\\Engineering`;
export const MEASURED_ADO_ITEMS: readonly DatasetWorkItem[] = [
  { id: 310, type: 'User Story', title: 'Canary stage for the shop API', state: 'Closed', storyPoints: 5, areaPath: ENGINEERING },
  { id: 311, type: 'User Story', title: 'Blue-green switch for the web shop', state: 'Closed', storyPoints: 5, areaPath: ENGINEERING },
  { id: 312, type: 'User Story', title: 'Deploy dashboards per service', state: 'Closed', storyPoints: 5, areaPath: ENGINEERING },
  { id: 313, type: 'User Story', title: 'Retire the manual release checklist', state: 'Closed', areaPath: ENGINEERING },
  { id: 314, type: 'User Story', title: 'Release notes from merged pull requests', state: 'Closed', areaPath: ENGINEERING },
  { id: 320, type: 'Bug', title: 'Canary never promotes on Sundays', state: 'Active', areaPath: ENGINEERING },
  { id: 321, type: 'Bug', title: 'Blue-green switch drops websocket sessions', state: 'Closed', areaPath: ENGINEERING },
  { id: 901, type: 'User Story', title: 'Payment fee report', state: 'Closed', storyPoints: 13, areaPath: ADO_HIDDEN_AREA },
];

const JIRA_CATEGORY: Record<WorkItemStatus, StatusCategoryKey> = { todo: 'new', 'in-progress': 'indeterminate', done: 'done', cancelled: 'done' };
const ADO_STATE: Record<WorkItemStatus, string> = { todo: 'New', 'in-progress': 'Active', done: 'Closed', cancelled: 'Removed' };

export function demoJiraDataset(plan: Plan): JiraDataset {
  const all = [...plan.workItems, ...EXTRA_WORK_ITEMS].filter((w) => parseRef(w.ref)?.system === 'jira');
  const hiddenKeys = new Set(HIDDEN_JIRA_PROJECTS.map((p) => p.key));
  const projectKeys = [...new Set(all.map((w) => keyOf(w.ref).split('-')[0] as string))].filter((k) => !hiddenKeys.has(k));
  return {
    projects: [...projectKeys.map((key) => ({ key, name: JIRA_PROJECT_NAMES[key] ?? key })), ...HIDDEN_JIRA_PROJECTS],
    users: [
      { displayName: 'Maria (CEO)', ...DEMO_VIEWER.jira, projects: projectKeys },
      { accountId: 'admin', displayName: 'Site admin', email: 'admin@raintown.example', apiToken: 'admin-token', projects: [...projectKeys, ...hiddenKeys] },
    ],
    issues: [...all.map(toIssue), ...MEASURED_JIRA_ISSUES],
  };
}

const JIRA_PROJECT_NAMES: Record<string, string> = { CS: 'Customer Success', SALES: 'Sales', SHOP: 'Online Shop' };

function toIssue(item: WorkItem): EmulatedIssue {
  const issue: EmulatedIssue = {
    key: keyOf(item.ref),
    summary: item.title ?? keyOf(item.ref),
    issuetype: item.type ?? 'Task',
    statusCategory: JIRA_CATEGORY[item.status],
  };
  // A cancelled issue is a done one with a "not doing it" resolution (SPEC §6).
  if (item.status === 'cancelled') [issue.statusName, issue.resolution] = ["Won't Do", "Won't Do"];
  else if (item.status === 'done') issue.resolution = 'Done';
  if (item.parent !== undefined) issue.parent = keyOf(item.parent);
  if (item.estimate !== undefined) issue.storyPoints = item.estimate;
  return issue;
}

export function demoAdoDataset(plan: Plan): AdoDataset {
  const all = [...plan.workItems, ...EXTRA_WORK_ITEMS].filter((w) => parseRef(w.ref)?.system === 'ado');
  const states = (withResolved: boolean) => [
    { name: 'New', category: 'Proposed' as const, color: 'b2b2b2' },
    { name: 'Active', category: 'InProgress' as const, color: '007acc' },
    ...(withResolved ? [{ name: 'Resolved', category: 'Resolved' as const, color: 'ff9d00' }] : []),
    { name: 'Closed', category: 'Completed' as const, color: '339933' },
    { name: 'Removed', category: 'Removed' as const, color: 'ffffff' },
  ];
  return {
    org: ADO_ORG,
    projects: [ADO_PROJECT],
    users: [
      { name: 'maria', ...DEMO_VIEWER.ado, areaPaths: [`${ADO_PROJECT}\\Customers`, `${ADO_PROJECT}\\Engineering`] },
      { name: 'admin', pat: 'admin-pat', projects: [ADO_PROJECT] },
    ],
    types: ['Epic', 'Feature', 'User Story', 'Task', 'Bug'].map((name) => ({ name, states: states(name !== 'Task') })),
    workItems: [...all.map((item) => toAdoItem(item, 'hidden' in item)), ...MEASURED_ADO_ITEMS],
  };
}

function toAdoItem(item: WorkItem, hidden: boolean): DatasetWorkItem {
  const id = Number(idOf(item.ref));
  const out: DatasetWorkItem = {
    id,
    type: item.type ?? 'User Story',
    title: item.title ?? `Work item ${id}`,
    state: ADO_STATE[item.status],
    // CRM and customer work in one area, engineering in another; finance is off limits.
    areaPath: hidden ? ADO_HIDDEN_AREA : id < 200 || id >= 400 ? `${ADO_PROJECT}\\Customers` : `${ADO_PROJECT}\\Engineering`,
  };
  if (item.parent !== undefined) out.parentId = Number(idOf(item.parent));
  if (item.estimate !== undefined) out.storyPoints = item.estimate;
  return out;
}

function keyOf(ref: string): string {
  return idOf(ref);
}

function idOf(ref: string): string {
  const parsed = parseRef(ref);
  if (!parsed) throw new Error(`not a work item ref: ${ref}`);
  return parsed.id;
}
