// Deletes an objective with its KRs and everything hanging off them (links, check-ins,
// snapshots), all at once or not at all.
import { z } from 'zod';
import { InvalidInputError } from '../core/model/errors';
import type { WriteOp } from '../core/ports/document-store';
import { C, type ObjectiveDoc } from './collections';
import { listAll } from './list-all';
import { PlanReader } from './plan-reader';
import { admin } from './permissions';
import type { UseCase } from './use-case';
import { id } from './validate';

export const deleteObjective: UseCase<'deleteObjective'> = {
  input: z.strictObject({ id, expected: z.string().min(1, 'must not be empty') }),
  requires: admin,

  async run(ctx, { id: objectiveId, expected }) {
    const reader = new PlanReader(ctx.store);
    const objective = await reader.requireObjective(objectiveId);
    const krIds = objective.value.keyResults.map((k) => k.id);
    const targets = new Set([objectiveId, ...krIds]);
    // Deleting what others align to would leave them pointing at nothing (an invalid plan).
    const dependants = (await listAll<ObjectiveDoc>(ctx.store, C.objectives)).filter(
      (o) => o.id !== objectiveId && o.value.aligns != null && targets.has(o.value.aligns),
    );
    if (dependants.length) {
      throw new InvalidInputError([
        { path: 'id', message: `${dependants.map((d) => d.id).join(', ')} ${dependants.length === 1 ? 'aligns' : 'align'} to it or to one of its key results: change that first` },
      ]);
    }

    const ops: WriteOp[] = [{ kind: 'delete', collection: C.objectives, id: objectiveId, expected }];
    const owned = await Promise.all(
      krIds.map(async (kr) => {
        const [index, links, checkIns, snapshots, head] = await Promise.all([
          ctx.store.get(C.keyResults, kr),
          reader.linksOf(kr),
          reader.checkInsOf(kr),
          listAll(ctx.store, C.snapshots, { index: 'kr', value: kr }),
          ctx.store.get(C.snapshotHeads, kr),
        ]);
        return [
          ...(index ? [{ collection: C.keyResults, doc: index }] : []),
          ...links.map((doc) => ({ collection: C.links, doc })),
          ...checkIns.map((doc) => ({ collection: C.checkIns, doc })),
          ...snapshots.map((doc) => ({ collection: C.snapshots, doc })),
          ...(head ? [{ collection: C.snapshotHeads, doc: head }] : []),
        ];
      }),
    );
    for (const { collection, doc } of owned.flat()) ops.push({ kind: 'delete', collection, id: doc.id, expected: doc.version });
    await ctx.store.batch(ops);
    return { deleted: objectiveId };
  },
};
