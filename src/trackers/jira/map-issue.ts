// Jira issue JSON → the core work item (SPEC §6). This is the only file that knows where Jira
// keeps status, resolution, parent and estimate; rollup code sees the neutral shape only.
import type { WorkItem, WorkItemStatus } from '../../core/model/work-item';
import type { JiraMappingConfig } from './config';

/** The issue fields the mapping reads; request exactly these. */
export function issueFields(config: JiraMappingConfig): string[] {
  return ['summary', 'issuetype', 'status', 'resolution', 'parent', ...config.storyPointFields];
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

/** Undefined when the JSON carries no key (Jira always sends one for the fields we request). */
export function mapIssue(issue: unknown, config: JiraMappingConfig): WorkItem | undefined {
  const key = issueKey(issue);
  if (!key) return undefined;
  const fields = fieldsOf(issue);
  const item: WorkItem = { ref: `jira:${key}`, status: mapStatus(fields, config) };
  if (typeof fields.summary === 'string') item.title = fields.summary;
  const typeName = (fields.issuetype as { name?: unknown } | null | undefined)?.name;
  if (typeof typeName === 'string') item.type = typeName;
  const estimate = mapEstimate(fields, config);
  if (estimate !== undefined) item.estimate = estimate;
  const parentKey = (fields.parent as { key?: unknown } | null | undefined)?.key;
  if (typeof parentKey === 'string') item.parent = `jira:${parentKey}`;
  return item;
}

function mapStatus(fields: Record<string, unknown>, config: JiraMappingConfig): WorkItemStatus {
  const status = fields.status as { statusCategory?: { key?: unknown } | null } | null | undefined;
  const category = status?.statusCategory?.key;
  switch (category) {
    case 'done': {
      const resolution = (fields.resolution as { name?: unknown } | null | undefined)?.name;
      return typeof resolution === 'string' && isCancelling(resolution, config) ? 'cancelled' : 'done';
    }
    case 'indeterminate':
      return 'in-progress';
    default:
      // `new`, and Jira's `undefined` ("No Category") for statuses nobody categorised: the work
      // has not visibly started, so it counts as to do rather than being dropped.
      return 'todo';
  }
}

function isCancelling(resolution: string, config: JiraMappingConfig): boolean {
  const name = resolution.trim().toLowerCase();
  return config.cancelledResolutions.some((r) => r.trim().toLowerCase() === name);
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
