// One Jira answer held to the published contract, with two readings the general rule lacks:
// - The contract leaves the 400 of the JQL operations undescribed, so the general rule checks it
//   as an ErrorCollection, which has no `warningMessages`; yet Jira's JQL errors carry that list
//   (`{"errorMessages":[…],"warningMessages":[]}`). For those operations only, the list is
//   checked to be strings and the rest must be a valid ErrorCollection.
// - A status the contract lists without content (204 of a DELETE) must come without a body.
// Sub-tasks in `fields.subtasks` are checked as the LinkedIssues they are.
import { assertValid } from '../../../contracts/openapi';
import { assertJiraResponse, jiraContract } from '../../../contracts/jira-contract';

const JQL_OPERATIONS = new Set(['/rest/api/3/search/jql', '/rest/api/3/search/approximate-count']);

export function assertJiraAnswer(method: string, pathname: string, status: number, body: unknown): void {
  const label = `${status} response of ${method} ${pathname}`;
  if (body === undefined) {
    const responses = jiraContract().operation(method, pathname)?.operation.responses as Record<string, { content?: unknown }> | undefined;
    const described = responses?.[String(status)];
    if (described && described.content === undefined) return;
  }
  if (status === 400 && JQL_OPERATIONS.has(pathname) && body && typeof body === 'object' && 'warningMessages' in body) {
    const { warningMessages, ...rest } = body;
    if (!Array.isArray(warningMessages) || warningMessages.some((w) => typeof w !== 'string')) {
      throw new Error(`${label}: warningMessages must be a list of strings`);
    }
    assertJiraResponse(method, pathname, status, rest);
    return;
  }
  assertJiraResponse(method, pathname, status, body);
  for (const issue of issuesOf(body)) {
    const subtasks = (issue as { fields?: { subtasks?: unknown } } | null)?.fields?.subtasks;
    if (subtasks === undefined) continue;
    if (!Array.isArray(subtasks)) throw new Error(`${label}: fields.subtasks must be a list`);
    for (const subtask of subtasks) assertValid(jiraContract().schema('LinkedIssue'), subtask, `${label}: a sub-task`);
  }
}

function issuesOf(body: unknown): unknown[] {
  if (!body || typeof body !== 'object') return [];
  const issues = (body as { issues?: unknown }).issues;
  return Array.isArray(issues) ? issues : 'fields' in body ? [body] : [];
}
