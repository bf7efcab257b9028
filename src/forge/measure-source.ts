// The Jira measure source on Forge (SPEC §8) over whichever request it is given: the viewer's
// (`asUser()`) in resolvers, the owner's (`asUser(accountId)`, offline impersonation) in the
// measure trigger, never the app's. Forge's backend does not know the site's address, so the
// issue navigator links are site-relative (`/issues/?jql=...`); the Custom UI opens them
// through Jira's router, as every site-relative link of the frame (src/forge/ui/mount.tsx).
import type { MeasureSource } from '../core/ports/measure-source';
import { JiraMeasureSource } from '../trackers/jira/measure/measure-source';
import type { JiraRequest } from '../trackers/jira/request';

export function forgeMeasureSource(request: JiraRequest): MeasureSource {
  return new JiraMeasureSource({ request, siteUrl: '' });
}
