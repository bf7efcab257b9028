// Draining a KR's marks under its lease. The invocation that takes the lease first waits a
// moment (coalesceMs) so that the rest of an event storm lands in the same round, then
// recomputes once for all of them; invocations that find the lease taken leave their marks to
// the holder. Before giving the lease back the holder looks once more, because an event that
// arrived while it held the lease found it taken and left.
import type { TriggerContext } from './context';
import { clearMarks, marksOf } from './dirty';
import { acquireLease, releaseLease, renewLease, type Lease } from './lease';
import { applyMarks } from './recompute';

/** Marks taken per round: a round's reads and writes must fit in what is left of 25 s. */
export const ROUND_MARKS = 500;
/** Below this much time left, no new round starts. */
export const ROUND_RESERVE_MS = 4_000;

export type DrainResult = 'drained' | 'busy' | 'out-of-time';

export async function drainKr(ctx: TriggerContext, kr: string): Promise<DrainResult> {
  let waited = false;
  for (;;) {
    if (ctx.deadline.remainingMs() < ROUND_RESERVE_MS) return 'out-of-time';
    let lease: Lease | undefined = await acquireLease(ctx.store, kr, ctx.owner, leaseEnd(ctx), ctx.now());
    if (!lease) return 'busy';
    let outOfTime = false;
    try {
      if (!waited && ctx.coalesceMs > 0) {
        waited = true;
        await ctx.sleep(Math.min(ctx.coalesceMs, Math.max(0, ctx.deadline.remainingMs() - ROUND_RESERVE_MS)));
      }
      for (;;) {
        if (ctx.deadline.remainingMs() < ROUND_RESERVE_MS) {
          outOfTime = true;
          break;
        }
        const marks = await marksOf(ctx.store, kr, ROUND_MARKS);
        if (marks.length === 0) break;
        const { handled } = await applyMarks(ctx, kr, marks);
        if (handled.length === 0) {
          // Only a full recomputation is left, too big for this invocation: a scheduled run's.
          outOfTime = true;
          break;
        }
        await clearMarks(ctx.store, handled);
        lease = await renewLease(ctx.store, lease, leaseEnd(ctx));
        // Taken over: our lease had expired. The new holder goes on from the marks left.
        if (!lease) return 'busy';
      }
    } finally {
      if (lease) await releaseLease(ctx.store, lease);
    }
    if (outOfTime) return 'out-of-time';
    if ((await marksOf(ctx.store, kr, 1)).length === 0) return 'drained';
  }
}

/** A lease lasts as long as this invocation can; a stopped invocation frees the KR after that. */
function leaseEnd(ctx: TriggerContext): number {
  return ctx.now() + ctx.deadline.remainingMs() + 1_000;
}
