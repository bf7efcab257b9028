// Links from the board to contributing items: a Jira issue's path on the site, which the frame
// hands to Jira's router (mount.tsx) so the issue opens in Jira itself. Azure DevOps items have no
// address in Jira.
import { parseRef, type WorkItemRef } from '../../../core/model/work-item';

export function jiraIssueHref(ref: WorkItemRef): string | undefined {
  const parsed = parseRef(ref);
  return parsed?.system === 'jira' ? `/browse/${encodeURIComponent(parsed.id)}` : undefined;
}
