// avi:jira:created|updated|deleted:issue → which KRs hold the issue → mark them dirty → drain.
// Finding the KRs is a walk up `parent` done by the store: the KRs that hold an issue are those
// linked to it or to any ancestor, and the stored memberships already record that closure for
// every issue in a scope. So an issue already in a scope needs no Jira read to be located, and a
// new or moved one needs one read (to learn its parent) plus one membership lookup of that parent.
// Links made directly to the issue are found through the links-by-ref index.
import { C, type LinkDoc } from '../../app/collections';
import { listAll } from '../../app/list-all';
import { ConflictError, NotFoundError } from '../../core/model/errors';
import type { WorkItemRef } from '../../core/model/work-item';
import type { TriggerContext } from './context';
import { markDirty } from './dirty';
import { drainKr, type DrainResult } from './drain';
import { flushLabels } from './labels';
import { krsContaining } from './members';
import { withoutTitle } from './recompute';

export const ISSUE_EVENTS = ['avi:jira:created:issue', 'avi:jira:updated:issue', 'avi:jira:deleted:issue'] as const;

/** The parts of Forge's issue event payload Harmony reads. */
export interface IssueEvent {
  eventType?: string;
  issue?: { id?: string; key?: string };
  changelog?: { items?: { field?: string; fieldId?: string }[] };
  atlassianId?: string;
}

export interface EventOutcome {
  ref?: WorkItemRef;
  /** KRs marked dirty, and what became of each. */
  krs: Record<string, DrainResult>;
  /** Jira requests this invocation made. */
  requests: number;
}

const KEY = /^[A-Z][A-Z0-9_]*-[1-9]\d*$/;
/** Changelog fields by which Jira reports a new parent (epic, parent issue) or a moved issue. */
const RELOCATING_FIELDS = new Set(['parent', 'issueparentassociation', 'epic link', 'parent link', 'project', 'key']);

export async function handleIssueEvent(ctx: TriggerContext, event: IssueEvent): Promise<EventOutcome> {
  const key = event.issue?.key;
  if (typeof key !== 'string' || !KEY.test(key)) {
    ctx.log(`ignoring an issue event without an issue key: ${JSON.stringify(event).slice(0, 200)}`);
    return { krs: {}, requests: 0 };
  }
  const ref: WorkItemRef = `jira:${key}`;
  const krs = event.eventType === 'avi:jira:deleted:issue' ? await onDeleted(ctx, ref) : await onChanged(ctx, ref, event);
  const results: Record<string, DrainResult> = {};
  for (const kr of krs) results[kr] = await drainKr(ctx, kr);
  await flushLabels(ctx);
  return { ref, krs: results, requests: ctx.meter.count };
}

async function onChanged(ctx: TriggerContext, ref: WorkItemRef, event: IssueEvent): Promise<string[]> {
  const holders = await krsContaining(ctx.store, ref);
  const created = event.eventType === 'avi:jira:created:issue';
  // Without a changelog we cannot tell what changed, so the issue is located again.
  const relocated = created || event.changelog?.items === undefined || event.changelog.items.some(isRelocating);
  if (!relocated) {
    // Status, estimate, resolution...: the drain re-reads it for the KRs already holding it.
    // An issue in no scope whose parent did not change cannot have joined one.
    for (const kr of holders) await markDirty(ctx.store, { kr, ref });
    return holders;
  }
  const readAt = ctx.now();
  const { items } = await ctx.source.getItems([ref]);
  const item = items[0];
  if (!item) {
    // Gone already (or hidden even from the app): as good as deleted for every KR.
    for (const kr of holders) await markDirty(ctx.store, { kr, ref, deleted: true });
    return holders;
  }
  const krs = new Set(holders);
  if (item.parent !== undefined) for (const kr of await krsContaining(ctx.store, item.parent)) krs.add(kr);
  for (const link of await listAll<LinkDoc>(ctx.store, C.links, { index: 'ref', value: ref })) krs.add(link.value.kr);
  for (const kr of krs) await markDirty(ctx.store, { kr, ref, item: withoutTitle(item), readAt });
  return [...krs].sort();
}

/**
 * A deleted issue leaves every scope with its subtree, and the links naming it are removed: a
 * link to an issue that can never come back would only show as "unknown" forever.
 */
async function onDeleted(ctx: TriggerContext, ref: WorkItemRef): Promise<string[]> {
  const krs = new Set(await krsContaining(ctx.store, ref));
  for (const link of await listAll<LinkDoc>(ctx.store, C.links, { index: 'ref', value: ref })) {
    krs.add(link.value.kr);
    try {
      await ctx.store.delete(C.links, link.id, link.version);
    } catch (e) {
      if (!(e instanceof ConflictError) && !(e instanceof NotFoundError)) throw e;
    }
  }
  for (const kr of krs) await markDirty(ctx.store, { kr, ref, deleted: true });
  return [...krs].sort();
}

function isRelocating(item: { field?: string; fieldId?: string }): boolean {
  return RELOCATING_FIELDS.has((item.fieldId ?? '').toLowerCase()) || RELOCATING_FIELDS.has((item.field ?? '').toLowerCase());
}
