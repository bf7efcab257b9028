// The `harmony-okr` property follows the memberships, but a KR can gain or lose thousands of
// issues at once (a first computation, an epic linked or unlinked), more than one invocation can
// label at Jira's pace. So a membership change first records the issue here (one document per
// issue, whichever KRs changed it), and invocations write properties from these records as time
// allows, deleting each with the version they read: a record renewed meanwhile is written again.
import { ConflictError, NotFoundError, RateLimitedError } from '../../core/model/errors';
import type { WorkItemRef } from '../../core/model/work-item';
import type { DocumentStore } from '../../core/ports/document-store';
import { FC, type LabelDoc } from '../collections';
import { DeadlineError, deadlineSleep } from '../deadline';
import type { TriggerContext } from './context';
import { writeIssueProperty } from './issue-property';
import { mapLimited } from './map-limited';
import { krsContaining } from './members';
import { STORE_CONCURRENCY } from './scope-store';

/** Jira writes in flight at once: Jira Cloud rate-limits bursts per app and site. */
const WRITE_CONCURRENCY = 4;
/** Below this much time left, no new property write starts. */
const LABEL_RESERVE_MS = 2_000;

/** Records that these issues' properties must be rewritten. */
export async function labelLater(store: DocumentStore, refs: Iterable<WorkItemRef>): Promise<void> {
  const unique = [...new Set(refs)].filter((r) => r.startsWith('jira:'));
  await mapLimited(unique, STORE_CONCURRENCY, async (ref) => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = attempt === 0 ? undefined : await store.get<LabelDoc>(FC.labels, ref);
      try {
        // Re-put when it exists: the new version makes a writer that read the old one keep it.
        await store.put<LabelDoc>(FC.labels, ref, { ref }, { expected: current?.version ?? null });
        return;
      } catch (e) {
        if (!(e instanceof ConflictError)) throw e;
      }
    }
  });
}

/** Writes pending properties until none is left or time runs short; returns how many were written. */
export async function flushLabels(ctx: TriggerContext): Promise<number> {
  let written = 0;
  for (;;) {
    if (ctx.deadline.remainingMs() < LABEL_RESERVE_MS) return written;
    const page = await ctx.store.list<LabelDoc>(FC.labels, {});
    if (page.items.length === 0) return written;
    let stop = false;
    await mapLimited(page.items, WRITE_CONCURRENCY, async (doc) => {
      if (stop || ctx.deadline.remainingMs() < LABEL_RESERVE_MS) return;
      const krs = await krsContaining(ctx.store, doc.value.ref);
      try {
        await writeIssueProperty(ctx.request, doc.value.ref, krs, { sleep: deadlineSleep(ctx.deadline) });
        written++;
      } catch (e) {
        // Jira asks us to slow down, or time is up: the records wait for the next invocation.
        if (e instanceof RateLimitedError || e instanceof DeadlineError) {
          stop = true;
          return;
        }
        // Any other refusal (the app may not edit that project's issues) will not change by
        // retrying; the record goes, so that it cannot hold up every other issue's.
        ctx.log(`Harmony could not label ${doc.value.ref} with its key results`, e);
      }
      try {
        await ctx.store.delete(FC.labels, doc.id, doc.version);
      } catch (e) {
        if (!(e instanceof ConflictError) && !(e instanceof NotFoundError)) throw e;
      }
    });
    if (stop) return written;
  }
}
