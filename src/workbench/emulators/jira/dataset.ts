// What the Jira emulator serves: projects, users with the projects each may browse, and issues
// in the few terms tests and demo data need. The emulator renders them in Jira's own JSON.

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done' | 'undefined';

export interface EmulatedProject {
  key: string;
  name: string;
}

export interface EmulatedUser {
  accountId: string;
  displayName: string;
  /** Basic auth identifies the user by email and API token, as on Jira Cloud. */
  email: string;
  apiToken: string;
  /** Keys of the projects this user has *Browse projects* for; issues elsewhere are invisible. */
  projects: string[];
  /** Keys of the projects where the user has *Edit issues*; default: every project they browse. */
  editProjects?: string[];
  /** Whether the user has the global *Administer Jira* permission; default false. */
  admin?: boolean;
}

export interface EmulatedIssue {
  key: string;
  summary: string;
  /** Issue type name: Epic, Story, Task, Bug, Sub-task (or Subtask), or any other. */
  issuetype: string;
  statusCategory: StatusCategoryKey;
  /** Default: To Do / In Progress / Done / Open, after the category. */
  statusName?: string;
  /** Resolution name; absent or null while unresolved. */
  resolution?: string | null;
  /** Key of the parent issue (epic of a story, story of a sub-task). */
  parent?: string;
  storyPoints?: number | null;
  /** Plain text; served as a one-paragraph Atlassian Document. */
  description?: string;
  labels?: string[];
  /** Highest, High, Medium (default), Low or Lowest. */
  priority?: string;
  /** ISO date-time; default: a fixed day plus one minute per issue, in dataset order. */
  created?: string;
  /** Values of the dataset's `extraFields` by field id (§8 measures sum, average and compare them). */
  custom?: Record<string, number | string>;
}

export interface EmulatedField {
  id: string;
  name: string;
  type: 'number' | 'string';
}

export interface JiraDataset {
  projects: EmulatedProject[];
  users: EmulatedUser[];
  issues: EmulatedIssue[];
  /** Where story points live; default `customfield_10016`, "Story point estimate". */
  storyPointField?: { id: string; name: string };
  /** More custom fields to list in `GET /rest/api/3/field`; an issue's `custom` holds its values. */
  extraFields?: EmulatedField[];
  /** Resolutions the site has besides Jira Cloud's five defaults and those issues use. */
  resolutions?: string[];
}

/** Jira Cloud's default priorities, highest first. */
export const PRIORITIES = ['Highest', 'High', 'Medium', 'Low', 'Lowest'] as const;

const ISSUE_KEY = /^([A-Z][A-Z0-9_]*)-([1-9]\d*)$/;
const PROJECT_KEY = /^[A-Z][A-Z0-9_]*$/;

/** The project key of an issue key (`CS` of `CS-12`). */
export function projectOf(key: string): string {
  const m = ISSUE_KEY.exec(key);
  if (!m) throw new Error(`not an issue key: ${key}`);
  return m[1] as string;
}

/** Orders keys the way Jira's `ORDER BY key` does: by project, then by number. */
export function compareKeys(a: string, b: string): number {
  const ma = ISSUE_KEY.exec(a);
  const mb = ISSUE_KEY.exec(b);
  if (!ma || !mb) return a < b ? -1 : a > b ? 1 : 0;
  const pa = ma[1] as string;
  const pb = mb[1] as string;
  if (pa !== pb) return pa < pb ? -1 : 1;
  return Number(ma[2]) - Number(mb[2]);
}

/** Throws one error listing every problem, so a broken fixture says all that is wrong at once. */
export function checkDataset(dataset: JiraDataset): void {
  const problems: string[] = [];
  const projects = new Set<string>();
  for (const p of dataset.projects) {
    if (!PROJECT_KEY.test(p.key)) problems.push(`project key ${JSON.stringify(p.key)} is not a Jira project key`);
    if (projects.has(p.key)) problems.push(`project ${p.key} is listed twice`);
    projects.add(p.key);
  }
  const emails = new Set<string>();
  for (const u of dataset.users) {
    if (emails.has(u.email.toLowerCase())) problems.push(`user ${u.email} is listed twice`);
    emails.add(u.email.toLowerCase());
    for (const p of u.projects) if (!projects.has(p)) problems.push(`user ${u.email} may browse unknown project ${p}`);
  }
  const keys = new Set<string>();
  for (const issue of dataset.issues) problems.push(...issueProblems(issue, projects, keys));
  for (const issue of dataset.issues) {
    if (issue.parent !== undefined && !keys.has(issue.parent)) problems.push(`${issue.key}: parent ${issue.parent} is not an issue`);
  }
  const parents = new Map(dataset.issues.map((i) => [i.key, i.parent]));
  for (const issue of dataset.issues) {
    if (parentCycle(issue.key, (k) => parents.get(k))) problems.push(`${issue.key}: its parent chain loops back to it`);
  }
  if (problems.length > 0) throw new Error(`invalid Jira emulator dataset:\n  ${problems.join('\n  ')}`);
}

/** Problems of one issue; adds its key to `keys`. */
export function issueProblems(issue: EmulatedIssue, projects: ReadonlySet<string>, keys: Set<string>): string[] {
  const problems: string[] = [];
  const m = ISSUE_KEY.exec(issue.key);
  if (!m) problems.push(`${JSON.stringify(issue.key)} is not an issue key`);
  else if (!projects.has(m[1] as string)) problems.push(`${issue.key}: project ${m[1]} is not in the dataset`);
  if (keys.has(issue.key)) problems.push(`${issue.key} is listed twice`);
  keys.add(issue.key);
  if (!['new', 'indeterminate', 'done', 'undefined'].includes(issue.statusCategory)) {
    problems.push(`${issue.key}: unknown status category ${JSON.stringify(issue.statusCategory)}`);
  }
  if (issue.parent === issue.key) problems.push(`${issue.key} is its own parent`);
  if (issue.storyPoints !== undefined && issue.storyPoints !== null && !Number.isFinite(issue.storyPoints)) {
    problems.push(`${issue.key}: story points must be a number`);
  }
  if (issue.priority !== undefined && !PRIORITIES.some((p) => p.toLowerCase() === issue.priority?.toLowerCase())) {
    problems.push(`${issue.key}: priority ${JSON.stringify(issue.priority)} is not one of ${PRIORITIES.join(', ')}`);
  }
  if (issue.created !== undefined && Number.isNaN(Date.parse(issue.created))) problems.push(`${issue.key}: created is not a date`);
  if (issue.labels?.some((l) => !/^\S+$/.test(l))) problems.push(`${issue.key}: labels cannot contain spaces`);
  return problems;
}

/** Whether following parents from `key` comes back to `key` (Jira hierarchies never loop). */
export function parentCycle(key: string, parentOf: (key: string) => string | undefined): boolean {
  const seen = new Set<string>();
  for (let at = parentOf(key); at !== undefined; at = parentOf(at)) {
    if (at === key) return true;
    if (seen.has(at)) return false;
    seen.add(at);
  }
  return false;
}
