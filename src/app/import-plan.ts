// Replaces the stored plan with a plan file, atomically: the file is validated in full first
// (every problem listed, nothing stored), then one batch writes the new documents and deletes
// the old ones. A change made by someone else meanwhile makes the batch fail as a conflict.
// Every link is read as the importing user first: a plan may not link what its importer cannot
// see (the hosts' background work would otherwise count and label it for them).
import { z } from 'zod';
import { InvalidInputError, type Problem } from '../core/model/errors';
import type { Plan } from '../core/model/plan';
import { parseRef } from '../core/model/work-item';
import { parsePlanText } from '../core/plan/parse';
import type { WorkItemSource } from '../core/ports/work-item-source';
import type { StoredDoc, WriteOp } from '../core/ports/document-store';
import { C, PLAN_COLLECTIONS, type SnapshotDoc } from './collections';
import { listAll } from './list-all';
import { planToDocs } from './plan-docs';
import { admin } from './permissions';
import type { UseCase } from './use-case';

export const importPlan: UseCase<'importPlan'> = {
  input: z.strictObject({ text: z.string().min(1, 'the plan file is empty'), format: z.enum(['yaml', 'json']).optional() }),
  requires: admin,

  async run(ctx, { text, format }) {
    const plan = parsePlanText(text, format);
    await refuseUnseenLinks(ctx.source, plan);
    const docs = planToDocs(plan);
    const krIds = new Set(plan.objectives.flatMap((o) => o.keyResults.map((k) => k.id)));

    const stored = new Map<string, StoredDoc<unknown>>();
    const key = (collection: string, id: string) => `${collection}\u0000${id}`;
    const listings = await Promise.all(PLAN_COLLECTIONS.map(async (c) => [c, await listAll(ctx.store, c)] as const));
    for (const [collection, list] of listings) for (const doc of list) stored.set(key(collection, doc.id), doc);

    const ops: WriteOp[] = [];
    const written = new Set<string>();
    for (const d of docs) {
      const k = key(d.collection, d.id);
      written.add(k);
      ops.push({ kind: 'put', collection: d.collection, id: d.id, value: d.value, expected: stored.get(k)?.version ?? null, ...(d.indexes ? { indexes: d.indexes } : {}) });
    }
    for (const [collection, list] of listings) {
      for (const doc of list) if (!written.has(key(collection, doc.id))) ops.push({ kind: 'delete', collection, id: doc.id, expected: doc.version });
    }
    // History of KRs that the new plan still has is kept; that of KRs it drops goes with them.
    const [snapshots, heads] = await Promise.all([listAll<SnapshotDoc>(ctx.store, C.snapshots), listAll<SnapshotDoc>(ctx.store, C.snapshotHeads)]);
    for (const doc of snapshots) if (!krIds.has(doc.value.kr)) ops.push({ kind: 'delete', collection: C.snapshots, id: doc.id, expected: doc.version });
    for (const doc of heads) if (!krIds.has(doc.id)) ops.push({ kind: 'delete', collection: C.snapshotHeads, id: doc.id, expected: doc.version });

    await ctx.store.batch(ops);
    return {
      objectives: plan.objectives.length,
      keyResults: krIds.size,
      kpis: plan.kpis.length,
    };
  },
};

/** Refuses the whole import, naming each link its importer cannot read (or that names nothing). */
async function refuseUnseenLinks(source: WorkItemSource, plan: Plan): Promise<void> {
  // Links into a system the host reads from the plan's own snapshot are seen through the file.
  const snapshot = new Set(source.snapshotSystems ?? []);
  const inSnapshotSystem = (ref: string) => {
    const system = parseRef(ref)?.system;
    return system !== undefined && snapshot.has(system);
  };
  const ownSnapshot = new Set(plan.workItems.filter((w) => inSnapshotSystem(w.ref)).map((w) => w.ref));
  const refs = new Set(plan.objectives.flatMap((o) => o.keyResults.flatMap((k) => k.links ?? [])).filter((r) => !ownSnapshot.has(r)));
  if (refs.size === 0) return;
  const missing = new Set((await source.getItems([...refs])).missing);
  if (missing.size === 0) return;
  const problems: Problem[] = [];
  plan.objectives.forEach((o, i) =>
    o.keyResults.forEach((k, j) =>
      (k.links ?? []).forEach((ref, n) => {
        if (missing.has(ref)) {
          problems.push({ path: `objectives[${i}].keyResults[${j}].links[${n}]`, message: `${ref} does not exist or you cannot see it: remove the link, or ask someone who can see it to import the plan` });
        }
      }),
    ),
  );
  throw new InvalidInputError(problems, `the plan links ${missing.size} work item${missing.size === 1 ? '' : 's'} you cannot see; nothing was imported`);
}
