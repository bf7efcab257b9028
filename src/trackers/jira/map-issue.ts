// Jira issue JSON → the core work item (SPEC §6). This is the only file that knows where Jira
// keeps status, resolution, parent and estimate; rollup code sees the neutral shape only.
import type { WorkItem, WorkItemStatus } from '../../core/model/work-item';
import { isCancellingResolution, type JiraMappingConfig } from './config';
import { JiraUnclassifiedStatusError, NO_CATALOG, type StatusCatalog } from './status-category';

/** The issue fields the mapping reads; request exactly these. */
export function issueFields(config: JiraMappingConfig): string[] {
  return ['summary', 'issuetype', 'status', 'resolution', 'parent', ...config.storyPointFields, ...(config.epicLinkFields ?? [])];
}

interface IssueJson {
  key?: unknown;
  fields?: Record<string, unknown>;
}

/** Whether the issue is a sub-task: Jira gives sub-tasks no children, so no need to ask. */
export function isSubtask(issue: unknown): boolean {
  const type = fieldsOf(issue).issuetype as { subtask?: unknown; hierarchyLevel?: unknown } | null | undefined;
  return type?.subtask === true || type?.hierarchyLevel === -1;
}

export function issueKey(issue: unknown): string | undefined {
  const key = (issue as IssueJson | null)?.key;
  return typeof key === 'string' ? key : undefined;
}

/**
 * Undefined when the JSON carries no key (Jira always sends one for the fields we request).
 * Throws JiraUnclassifiedStatusError when the status has no category `catalog` can find: the
 * source checks whole pages first, so the error names every such status at once.
 */
export function mapIssue(issue: unknown, config: JiraMappingConfig, catalog: StatusCatalog = NO_CATALOG): WorkItem | undefined {
  const key = issueKey(issue);
  if (!key) return undefined;
  const fields = fieldsOf(issue);
  const item: WorkItem = { ref: `jira:${key}`, status: mapStatus(key, fields, config, catalog) };
  if (typeof fields.summary === 'string') item.title = fields.summary;
  const typeName = (fields.issuetype as { name?: unknown } | null | undefined)?.name;
  if (typeof typeName === 'string') item.type = typeName;
  const estimate = mapEstimate(fields, config);
  if (estimate !== undefined) item.estimate = estimate;
  const parentKey = parentOf(fields, config);
  if (parentKey !== undefined) item.parent = `jira:${parentKey}`;
  return item;
}

/**
 * `parent` first (every issue since Jira's parent unification, and team-managed ones always);
 * then the site's Epic Link field, where company-managed issues from before it keep their epic;
 * then the agile API's `epic`, a key or `{ key }`.
 */
function parentOf(fields: Record<string, unknown>, config: JiraMappingConfig): string | undefined {
  const parent = keyIn(fields.parent);
  if (parent !== undefined) return parent;
  for (const id of config.epicLinkFields ?? []) {
    const epic = keyIn(fields[id]);
    if (epic !== undefined) return epic;
  }
  return keyIn(fields.epic);
}

const ISSUE_KEY = /^[A-Za-z][A-Za-z0-9_]*-[1-9]\d*$/;

function keyIn(value: unknown): string | undefined {
  const key = typeof value === 'string' ? value : (value as { key?: unknown } | null | undefined)?.key;
  return typeof key === 'string' && ISSUE_KEY.test(key.trim()) ? key.trim().toUpperCase() : undefined;
}

function mapStatus(key: string, fields: Record<string, unknown>, config: JiraMappingConfig, catalog: StatusCatalog): WorkItemStatus {
  const category = catalog.categoryOf(fields.status);
  switch (category) {
    case 'done': {
      const resolution = (fields.resolution as { name?: unknown } | null | undefined)?.name;
      return typeof resolution === 'string' && isCancellingResolution(resolution, config) ? 'cancelled' : 'done';
    }
    case 'indeterminate':
      return 'in-progress';
    case 'new':
    case 'undefined':
      // `new`, and Jira's `undefined` ("No Category", a category Jira itself assigns to statuses
      // nobody categorised): the work has not visibly started, so it counts as to do.
      return 'todo';
    case undefined: {
      const status = fields.status as { name?: unknown } | null | undefined;
      const name = typeof status?.name === 'string' ? status.name : '(no status)';
      throw new JiraUnclassifiedStatusError([{ status: name, issues: [key] }]);
    }
  }
}

function mapEstimate(fields: Record<string, unknown>, config: JiraMappingConfig): number | undefined {
  for (const id of config.storyPointFields) {
    const value = fields[id];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return undefined;
}

function fieldsOf(issue: unknown): Record<string, unknown> {
  const fields = (issue as IssueJson | null)?.fields;
  return fields && typeof fields === 'object' ? fields : {};
}
