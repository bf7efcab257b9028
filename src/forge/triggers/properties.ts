// Keeps the `harmony-okr` property of the issues whose membership changed in line with the
// stored memberships. Only issues that joined or left a scope are written: an issue moving from
// To Do to Done changes no membership and costs no property request.
import type { WorkItemRef } from '../../core/model/work-item';
import { deadlineSleep } from '../deadline';
import type { TriggerContext } from './context';
import { writeIssueProperty } from './issue-property';
import { mapLimited } from './map-limited';
import { krsContaining } from './members';

/** Jira writes in flight at once: Jira Cloud rate-limits bursts per app and site. */
const WRITE_CONCURRENCY = 4;

export async function syncProperties(ctx: TriggerContext, refs: Iterable<WorkItemRef>): Promise<void> {
  const unique = [...new Set(refs)].filter((r) => r.startsWith('jira:'));
  await mapLimited(unique, WRITE_CONCURRENCY, async (ref) => {
    const krs = await krsContaining(ctx.store, ref);
    await writeIssueProperty(ctx.request, ref, krs, { sleep: deadlineSleep(ctx.deadline) });
  });
}
