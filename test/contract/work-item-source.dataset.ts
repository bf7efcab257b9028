// The one dataset every WorkItemSource runs the contract over, in tracker-neutral terms, and its
// translation into what each implementation is seeded with: a Jira site, an Azure DevOps
// organization, a stored snapshot, the in-memory fake. One viewer reads; `hidden` items are ones
// that viewer may not see (another Jira project, another ADO area path).
import type { WorkItem, WorkItemStatus } from '../../src/core/model/work-item';
import type { AdoDataset } from '../../src/workbench/emulators/ado/dataset';
import type { JiraDataset, StatusCategoryKey } from '../../src/workbench/emulators/jira';

export interface ContractItem {
  id: number;
  title: string;
  type: 'Epic' | 'Story' | 'Task';
  status: WorkItemStatus;
  estimate?: number;
  parent?: number;
  hidden?: boolean;
}

/**
 * 1 Checkout revamp ── 2 Card payments ── 3 Card form, 4 Card wallet, 5 Card gateway (cancelled),
 *                  │                   └─ 8 Card skimming audit (hidden)
 *                  └─ 6 Card secrets (hidden) ── 7 Vault rotation (visible, below a hidden item)
 * 9 Mobile app ── 10 Login screen
 */
export const CONTRACT_ITEMS: readonly ContractItem[] = [
  { id: 1, title: 'Checkout revamp', type: 'Epic', status: 'in-progress' },
  { id: 2, title: 'Card payments', type: 'Story', status: 'in-progress', parent: 1, estimate: 13 },
  { id: 3, title: 'Card form', type: 'Task', status: 'todo', parent: 2, estimate: 3 },
  { id: 4, title: 'Card wallet', type: 'Task', status: 'done', parent: 2, estimate: 5 },
  { id: 5, title: 'Card gateway', type: 'Task', status: 'cancelled', parent: 2, estimate: 2 },
  { id: 6, title: 'Card secrets', type: 'Story', status: 'in-progress', parent: 1, hidden: true },
  { id: 7, title: 'Vault rotation', type: 'Task', status: 'todo', parent: 6, estimate: 1 },
  { id: 8, title: 'Card skimming audit', type: 'Task', status: 'todo', parent: 2, hidden: true },
  { id: 9, title: 'Mobile app', type: 'Epic', status: 'todo' },
  { id: 10, title: 'Login screen', type: 'Story', status: 'done', parent: 9, estimate: 0 },
];

/** Ids that exist nowhere in the dataset. */
export const UNKNOWN_ID = 99;

const byId = new Map(CONTRACT_ITEMS.map((i) => [i.id, i]));

export function isHidden(id: number): boolean {
  return byId.get(id)?.hidden === true;
}

/** What the viewer should get for item `id`, its parent given when the viewer may see that parent. */
export function expectedItem(id: number, ref: (id: number) => string): WorkItem {
  const item = byId.get(id);
  if (!item) throw new Error(`no contract item ${id}`);
  const out: WorkItem = { ref: ref(item.id), title: item.title, type: item.type, status: item.status };
  if (item.estimate !== undefined) out.estimate = item.estimate;
  if (item.parent !== undefined && !isHidden(item.parent)) out.parent = ref(item.parent);
  return out;
}

// ---- Jira: visible items in project ACME, hidden ones in SECRET (the viewer browses ACME only)

export const JIRA_VIEWER = { email: 'viewer@acme.test', apiToken: 'viewer-token' };

export function jiraRef(id: number): string {
  return `jira:${isHidden(id) ? 'SECRET' : 'ACME'}-${id}`;
}

const JIRA_STATUS: Record<WorkItemStatus, { statusCategory: StatusCategoryKey; resolution?: string }> = {
  todo: { statusCategory: 'new' },
  'in-progress': { statusCategory: 'indeterminate' },
  done: { statusCategory: 'done', resolution: 'Done' },
  cancelled: { statusCategory: 'done', resolution: "Won't Do" },
};

export function jiraDataset(): JiraDataset {
  return {
    projects: [
      { key: 'ACME', name: 'Acme' },
      { key: 'SECRET', name: 'Secret' },
    ],
    users: [
      { accountId: '5b10a2844c20165700ede30a', displayName: 'Viewer', ...JIRA_VIEWER, projects: ['ACME'] },
      { accountId: '5b10a2844c20165700ede30b', displayName: 'Admin', email: 'admin@acme.test', apiToken: 'admin-token', projects: ['ACME', 'SECRET'] },
    ],
    issues: CONTRACT_ITEMS.map((item) => ({
      key: jiraRef(item.id).slice('jira:'.length),
      summary: item.title,
      issuetype: item.type,
      ...JIRA_STATUS[item.status],
      ...(item.parent !== undefined ? { parent: jiraRef(item.parent).slice('jira:'.length) } : {}),
      ...(item.estimate !== undefined ? { storyPoints: item.estimate } : {}),
    })),
  };
}

// ---- Azure DevOps: one project, visible items under Acme\Open, hidden ones under Acme\Secret

export const ADO_VIEWER_PAT = 'viewer-pat';
export const ADO_PROJECT = 'Acme';

export function adoRef(id: number): string {
  return `ado:${id}`;
}

const ADO_STATE: Record<WorkItemStatus, string> = { todo: 'To Do', 'in-progress': 'Doing', done: 'Done', cancelled: 'Removed' };

export function adoDataset(): AdoDataset {
  const states = [
    { name: 'To Do', category: 'Proposed' as const, color: 'b2b2b2' },
    { name: 'Doing', category: 'InProgress' as const, color: '007acc' },
    { name: 'Done', category: 'Completed' as const, color: '339933' },
    { name: 'Removed', category: 'Removed' as const, color: 'ffffff' },
  ];
  return {
    org: 'acme',
    projects: [ADO_PROJECT],
    users: [
      { name: 'viewer', pat: ADO_VIEWER_PAT, areaPaths: ['Acme\\Open'] },
      { name: 'admin', pat: 'admin-pat', projects: [ADO_PROJECT] },
    ],
    types: ['Epic', 'Story', 'Task'].map((name) => ({ name, states })),
    workItems: CONTRACT_ITEMS.map((item) => ({
      id: item.id,
      type: item.type,
      title: item.title,
      state: ADO_STATE[item.status],
      areaPath: item.hidden ? 'Acme\\Secret' : 'Acme\\Open',
      ...(item.parent !== undefined ? { parentId: item.parent } : {}),
      ...(item.estimate !== undefined ? { storyPoints: item.estimate } : {}),
    })),
  };
}

/**
 * The snapshot `okr pull` would have stored for the viewer: only what the viewer could read, each
 * item as the tracker gave it.
 */
export function snapshotItems(ref: (id: number) => string): WorkItem[] {
  return CONTRACT_ITEMS.filter((i) => !i.hidden).map((i) => expectedItem(i.id, ref));
}

/** Every item, as the fake holds them, with the hidden ones listed apart. */
export function fakeItems(ref: (id: number) => string): { items: WorkItem[]; hidden: string[] } {
  const items = CONTRACT_ITEMS.map((i) => {
    const item: WorkItem = { ref: ref(i.id), title: i.title, type: i.type, status: i.status };
    if (i.estimate !== undefined) item.estimate = i.estimate;
    if (i.parent !== undefined) item.parent = ref(i.parent);
    return item;
  });
  return { items, hidden: CONTRACT_ITEMS.filter((i) => i.hidden).map((i) => ref(i.id)) };
}
