// Jira Cloud's published OpenAPI applied to one HTTP exchange: the request body against the
// operation's request schema, the response against its response schema (or ErrorCollection for
// error statuses it leaves undescribed). IssueBean declares `fields` as a free-form map, so the
// fields we rely on are checked against their own component schemas as well.
import { OpenApiContract, assertValid } from './openapi';
import { contractFile } from './paths';

export const JIRA_OPENAPI_FILE = contractFile('jira-cloud-platform-v3.openapi.json');

let contract: OpenApiContract | undefined;

export function jiraContract(): OpenApiContract {
  contract ??= OpenApiContract.load(JIRA_OPENAPI_FILE, 'jira-cloud-platform-v3');
  return contract;
}

/** Component schemas of the issue fields Harmony reads; `null` is allowed where Jira sends it. */
const FIELD_SCHEMAS: Record<string, { schema: string; nullable: boolean }> = {
  status: { schema: 'StatusDetails', nullable: false },
  issuetype: { schema: 'IssueTypeDetails', nullable: false },
  resolution: { schema: 'Resolution', nullable: true },
  parent: { schema: 'LinkedIssue', nullable: false },
  project: { schema: 'ProjectDetails', nullable: false },
};

export function assertJiraRequest(method: string, pathname: string, body: unknown): void {
  const match = jiraContract().operation(method, pathname);
  if (!match) throw new Error(`${method} ${pathname} is not an operation of the published contract`);
  if (body === undefined) {
    if ((match.operation.requestBody as { required?: boolean } | undefined)?.required) {
      throw new Error(`${method} ${pathname} requires a request body`);
    }
    return;
  }
  const validate = jiraContract().requestBody(method, pathname);
  if (!validate) throw new Error(`${method} ${pathname} takes no JSON body in the published contract`);
  assertValid(validate, body, `request body of ${method} ${pathname}`);
}

export function assertJiraResponse(method: string, pathname: string, status: number, body: unknown): void {
  const label = `${status} response of ${method} ${pathname}`;
  const described = jiraContract().operation(method, pathname) ? jiraContract().responseBody(method, pathname, status) : undefined;
  if (described) assertValid(described, body, label);
  else if (status >= 400) assertValid(jiraContract().schema('ErrorCollection'), body, label);
  else throw new Error(`${label}: the published contract describes no body for it`);
  for (const issue of issuesIn(body)) assertIssueFields(issue, label);
}

/** Checks the known fields of one IssueBean against their component schemas. */
export function assertIssueFields(issue: unknown, label: string): void {
  const fields = (issue as { fields?: Record<string, unknown> } | null)?.fields;
  if (!fields) return;
  const key = (issue as { key?: unknown }).key;
  for (const [name, value] of Object.entries(fields)) {
    const rule = FIELD_SCHEMAS[name];
    if (!rule || (value === null && rule.nullable)) continue;
    assertValid(jiraContract().schema(rule.schema), value, `${label}: ${String(key)}.fields.${name}`);
  }
}

function issuesIn(body: unknown): unknown[] {
  if (!body || typeof body !== 'object') return [];
  const issues = (body as { issues?: unknown }).issues;
  if (Array.isArray(issues)) return issues;
  return 'fields' in body && 'key' in body ? [body] : [];
}
