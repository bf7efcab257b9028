// The site-specific field ids the mapping needs, from one `GET /rest/api/3/field`: the story
// point fields and the Epic Link field. Company-managed issues from before Jira's `parent`
// unification name their epic only in Epic Link, a custom field whose id differs per site
// (customfield_10014 on many Cloud sites, customfield_10700 in one recording), so it is found
// by its type, which Jira Software gives every Epic Link field, never by id or name.
import type { JiraClient } from './client';
import type { JiraRequest } from './request';
import { fieldList, storyPointFieldIds, STORY_POINT_FIELD_NAMES, type FieldJson } from './story-points';

export const EPIC_LINK_TYPE = 'com.pyxis.greenhopper.jira:gh-epic-link';

export interface SiteFields {
  storyPointFields: string[];
  epicLinkFields: string[];
}

export function epicLinkFieldIds(fields: readonly FieldJson[]): string[] {
  return fields.filter((f) => typeof f.id === 'string' && f.schema?.custom === EPIC_LINK_TYPE).map((f) => f.id as string);
}

/** Both kinds of site field from one request. */
export async function discoverSiteFields(
  via: JiraClient | JiraRequest,
  names: readonly string[] = STORY_POINT_FIELD_NAMES,
): Promise<SiteFields> {
  const fields = await fieldList(via);
  return { storyPointFields: storyPointFieldIds(fields, names), epicLinkFields: epicLinkFieldIds(fields) };
}
