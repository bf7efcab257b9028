// Story point field ids differ per Jira site (customfield_10016 on one, customfield_10026 on
// another), so they are found by name in the field list rather than hard-coded.
import { JiraClient } from './client';
import type { JiraRequest } from './request';

/** The names Jira gives the field: company-managed projects, then team-managed ones. */
export const STORY_POINT_FIELD_NAMES: readonly string[] = ['Story Points', 'Story point estimate'];

interface FieldJson {
  id?: unknown;
  name?: unknown;
  custom?: unknown;
  schema?: { type?: unknown } | null;
}

/**
 * Ids of the number fields named like story points, in the order of `names`. Both fields exist
 * on many sites; the mapping reads them in this order and takes the first with a value.
 */
export async function discoverStoryPointFields(
  via: JiraClient | JiraRequest,
  names: readonly string[] = STORY_POINT_FIELD_NAMES,
): Promise<string[]> {
  const client = via instanceof JiraClient ? via : new JiraClient(via);
  const fields = await client.get<unknown>('/rest/api/3/field');
  if (!Array.isArray(fields)) throw new Error('Jira answered GET /rest/api/3/field without a list of fields');
  const wanted = names.map((n) => n.trim().toLowerCase());
  const found: { id: string; rank: number }[] = [];
  for (const field of fields as FieldJson[]) {
    if (typeof field.id !== 'string' || typeof field.name !== 'string') continue;
    const rank = wanted.indexOf(field.name.trim().toLowerCase());
    const numeric = field.schema?.type === undefined || field.schema.type === 'number';
    if (rank >= 0 && numeric) found.push({ id: field.id, rank });
  }
  return found.sort((a, b) => a.rank - b.rank).map((f) => f.id);
}
