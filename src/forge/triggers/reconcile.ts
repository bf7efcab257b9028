// The daily reconciliation: every KR recomputed from Jira as the app, whatever the events did or
// missed (events can be dropped, arrive out of order, or name an issue the app could not see at
// the time). A pass goes through the KRs in id order and records how far it got after each, so
// when an invocation's time runs out (timeoutSeconds) the next run resumes where it stopped.
// It ends by removing the stored scopes of KRs that no longer exist.
import { C, type KeyResultIndexDoc } from '../../app/collections';
import { ConflictError } from '../../core/model/errors';
import type { DocumentStore, StoredDoc } from '../../core/ports/document-store';
import { compareIds } from '../../stores/id-order';
import { FC, PASS_ID, type PassDoc, type ScopeHead } from '../collections';
import type { TriggerContext } from './context';
import { clearMarks, dirtyKrs, marksOf } from './dirty';
import { drainKr, ROUND_RESERVE_MS } from './drain';
import { flushLabels } from './labels';
import { acquireLease, releaseLease } from './lease';
import { dropScope, recomputeKr } from './recompute';
import { readScope } from './scope-store';

export interface PassProgress {
  /** KRs recomputed (or dropped) by this invocation. */
  done: string[];
  /** KRs another invocation was recomputing; the next pass takes them. */
  skipped: string[];
  finished: boolean;
}

/** Starts a new pass when the last one finished on an earlier day, else continues it. */
export async function runPass(ctx: TriggerContext, options: { start: boolean }): Promise<PassProgress> {
  let pass = await ctx.store.get<PassDoc>(FC.reconcile, PASS_ID);
  if (options.start && (!pass || (pass.value.done && pass.value.day !== ctx.today))) {
    pass = await savePass(ctx.store, { day: ctx.today, done: false }, pass);
  }
  const progress: PassProgress = { done: [], skipped: [], finished: pass?.value.done ?? true };
  if (!pass || pass.value.done) return progress;

  const after = pass.value.after;
  for await (const kr of idsAfter(ctx.store, C.keyResults, after)) {
    if (ctx.deadline.remainingMs() < ROUND_RESERVE_MS) return progress;
    const lease = await acquireLease(ctx.store, kr, ctx.owner, ctx.now() + ctx.deadline.remainingMs() + 1_000, ctx.now());
    if (!lease) {
      progress.skipped.push(kr);
    } else {
      try {
        // Marks the recomputation makes moot: it reads everything anew.
        const marks = await marksOf(ctx.store, kr, Number.MAX_SAFE_INTEGER);
        await recomputeKr(ctx, kr);
        await clearMarks(ctx.store, marks);
        progress.done.push(kr);
      } finally {
        await releaseLease(ctx.store, lease);
      }
      await flushLabels(ctx);
    }
    pass = await savePass(ctx.store, { ...pass.value, after: kr }, pass);
  }
  // Scopes whose KR is gone (deleted objective, deleted KR).
  for await (const head of allDocs<ScopeHead>(ctx.store, FC.scopeHeads)) {
    if (ctx.deadline.remainingMs() < ROUND_RESERVE_MS) return progress;
    if (await ctx.store.get<KeyResultIndexDoc>(C.keyResults, head.id)) continue;
    await dropScope(ctx, head.id, await readScope(ctx.store, head.id));
    progress.done.push(head.id);
  }
  await flushLabels(ctx);
  await savePass(ctx.store, { ...pass.value, done: true }, pass);
  progress.finished = true;
  return progress;
}

/** The hourly run: every KR with marks waiting, then the rest of an unfinished pass. */
export async function drainAll(ctx: TriggerContext): Promise<{ drained: string[]; pass: PassProgress }> {
  const drained: string[] = [];
  for (const kr of await dirtyKrs(ctx.store)) {
    if (ctx.deadline.remainingMs() < ROUND_RESERVE_MS) break;
    if ((await drainKr(ctx, kr)) === 'drained') drained.push(kr);
  }
  await flushLabels(ctx);
  return { drained, pass: await runPass(ctx, { start: false }) };
}

async function savePass(store: DocumentStore, value: PassDoc, current: StoredDoc<PassDoc> | undefined): Promise<StoredDoc<PassDoc>> {
  try {
    return await store.put<PassDoc>(FC.reconcile, PASS_ID, value, { expected: current?.version ?? null });
  } catch (e) {
    // Two runs at once (a late daily run and an hourly one): the other one's record stands and
    // this run goes on from its own position; the next save re-reads.
    if (!(e instanceof ConflictError)) throw e;
    const fresh = await store.get<PassDoc>(FC.reconcile, PASS_ID);
    return store.put<PassDoc>(FC.reconcile, PASS_ID, value, { expected: fresh?.version ?? null });
  }
}

/** Ids of a collection after `after`, in the stores' id order (code points), page by page. */
async function* idsAfter(store: DocumentStore, collection: string, after: string | undefined): AsyncGenerator<string> {
  for await (const doc of allDocs(store, collection)) if (after === undefined || compareIds(doc.id, after) > 0) yield doc.id;
}

async function* allDocs<T>(store: DocumentStore, collection: string): AsyncGenerator<StoredDoc<T>> {
  let cursor: string | undefined;
  do {
    const page = await store.list<T>(collection, cursor ? { cursor } : {});
    yield* page.items;
    cursor = page.cursor;
  } while (cursor);
}
