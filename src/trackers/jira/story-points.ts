// Story point field ids differ per Jira site (customfield_10016 on one, customfield_10026 on
// another), so they are found in the field list rather than hard-coded: by name, as admins know
// them, or by Jira Software's own story point type when a site renamed the field.
import { JiraClient } from './client';
import type { JiraRequest } from './request';

/** The names Jira gives the field: company-managed projects, then team-managed ones. */
export const STORY_POINT_FIELD_NAMES: readonly string[] = ['Story Points', 'Story point estimate'];

/** Jira Software's story point field type, whatever the site named the field. */
export const STORY_POINT_TYPE = 'com.pyxis.greenhopper.jira:jsw-story-points';

export interface FieldJson {
  id?: unknown;
  name?: unknown;
  custom?: unknown;
  schema?: { type?: unknown; custom?: unknown } | null;
}

/**
 * Ids of the number fields named like story points, in the order of `names`, then fields of the
 * story point type under other names. Both named fields exist on many sites; the mapping reads
 * them in this order and takes the first with a value.
 */
export function storyPointFieldIds(fields: readonly FieldJson[], names: readonly string[] = STORY_POINT_FIELD_NAMES): string[] {
  const wanted = names.map((n) => n.trim().toLowerCase());
  const found: { id: string; rank: number }[] = [];
  for (const field of fields) {
    if (typeof field.id !== 'string' || typeof field.name !== 'string') continue;
    const numeric = field.schema?.type === undefined || field.schema.type === 'number';
    if (!numeric) continue;
    const rank = wanted.indexOf(field.name.trim().toLowerCase());
    if (rank >= 0) found.push({ id: field.id, rank });
    else if (field.schema?.custom === STORY_POINT_TYPE) found.push({ id: field.id, rank: wanted.length });
  }
  return found.sort((a, b) => a.rank - b.rank).map((f) => f.id);
}

/** `GET /rest/api/3/field`, checked to be a list. */
export async function fieldList(via: JiraClient | JiraRequest): Promise<FieldJson[]> {
  const client = via instanceof JiraClient ? via : new JiraClient(via);
  const fields = await client.get<unknown>('/rest/api/3/field');
  if (!Array.isArray(fields)) throw new Error('Jira answered GET /rest/api/3/field without a list of fields');
  return fields as FieldJson[];
}

export async function discoverStoryPointFields(
  via: JiraClient | JiraRequest,
  names: readonly string[] = STORY_POINT_FIELD_NAMES,
): Promise<string[]> {
  return storyPointFieldIds(await fieldList(via), names);
}
