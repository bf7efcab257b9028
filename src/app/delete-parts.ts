// Deleting a team, a period, a key result or a KPI: all at once or not at all, and never what
// something else still names (that would leave an invalid plan). The refusal names what to
// change first. Deleting loses history (check-ins, readings), so, like deleting an objective,
// it is for admins.
import { z } from 'zod';
import { InvalidInputError, NotFoundError } from '../core/model/errors';
import type { WriteOp } from '../core/ports/document-store';
import { C, type KpiDoc, type ObjectiveDoc, type TeamDoc } from './collections';
import { listAll } from './list-all';
import { PlanReader } from './plan-reader';
import { admin } from './permissions';
import type { UseCase } from './use-case';
import { id } from './validate';

const input = z.strictObject({ id, expected: z.string().min(1, 'must not be empty') });

function inUse(what: string, users: readonly string[]): never {
  const list = users.length > 5 ? `${users.slice(0, 5).join(', ')} and ${users.length - 5} more` : users.join(', ');
  throw new InvalidInputError([{ path: 'id', message: `${what} ${list}: change ${users.length === 1 ? 'that' : 'those'} first` }]);
}

export const deleteTeam: UseCase<'deleteTeam'> = {
  input,
  requires: admin,
  async run(ctx, { id: teamId, expected }) {
    const [objectives, teams, kpis] = await Promise.all([
      listAll<ObjectiveDoc>(ctx.store, C.objectives, { index: 'team', value: teamId }),
      listAll<TeamDoc>(ctx.store, C.teams),
      listAll<KpiDoc>(ctx.store, C.kpis),
    ]);
    if (!teams.some((t) => t.id === teamId)) throw new NotFoundError('team', teamId);
    const users = [
      ...objectives.map((o) => `objective ${o.id}`),
      ...teams.filter((t) => t.value.parent === teamId).map((t) => `team ${t.id}`),
      ...kpis.filter((k) => k.value.team === teamId).map((k) => `KPI ${k.id}`),
    ];
    if (users.length) inUse('it is the team of', users);
    await ctx.store.delete(C.teams, teamId, expected);
    return { deleted: teamId };
  },
};

export const deletePeriod: UseCase<'deletePeriod'> = {
  input,
  requires: admin,
  async run(ctx, { id: periodId, expected }) {
    if (!(await ctx.store.get(C.periods, periodId))) throw new NotFoundError('period', periodId);
    const objectives = await listAll<ObjectiveDoc>(ctx.store, C.objectives, { index: 'period', value: periodId });
    if (objectives.length) inUse('it is the period of', objectives.map((o) => `objective ${o.id}`));
    await ctx.store.delete(C.periods, periodId, expected);
    return { deleted: periodId };
  },
};

export const deleteKeyResult: UseCase<'deleteKeyResult'> = {
  input,
  requires: admin,
  async run(ctx, { id: krId, expected }) {
    const reader = new PlanReader(ctx.store);
    const { objective } = await reader.requireKeyResult(krId);
    const aligned = (await listAll<ObjectiveDoc>(ctx.store, C.objectives)).filter((o) => o.value.aligns === krId);
    if (aligned.length) inUse('objectives align to it:', aligned.map((o) => o.id));
    const [index, links, checkIns, snapshots, head] = await Promise.all([
      ctx.store.get(C.keyResults, krId),
      reader.linksOf(krId),
      reader.checkInsOf(krId),
      listAll(ctx.store, C.snapshots, { index: 'kr', value: krId }),
      ctx.store.get(C.snapshotHeads, krId),
    ]);
    const doc: ObjectiveDoc = { ...objective.value, keyResults: objective.value.keyResults.filter((k) => k.id !== krId) };
    const ops: WriteOp[] = [
      // The objective's version is what the caller read: a KR edited meanwhile is a conflict.
      { kind: 'put', collection: C.objectives, id: objective.id, value: doc, expected, indexes: { team: doc.team, period: doc.period } },
      ...(index ? [{ kind: 'delete' as const, collection: C.keyResults, id: krId, expected: index.version }] : []),
      ...links.map((d) => ({ kind: 'delete' as const, collection: C.links, id: d.id, expected: d.version })),
      ...checkIns.map((d) => ({ kind: 'delete' as const, collection: C.checkIns, id: d.id, expected: d.version })),
      ...snapshots.map((d) => ({ kind: 'delete' as const, collection: C.snapshots, id: d.id, expected: d.version })),
      ...(head ? [{ kind: 'delete' as const, collection: C.snapshotHeads, id: krId, expected: head.version }] : []),
    ];
    await ctx.store.batch(ops);
    return { deleted: krId };
  },
};

export const deleteKpi: UseCase<'deleteKpi'> = {
  input,
  requires: admin,
  async run(ctx, { id: kpiId, expected }) {
    const reader = new PlanReader(ctx.store);
    await reader.requireKpi(kpiId);
    const focusing = (await listAll<ObjectiveDoc>(ctx.store, C.objectives)).flatMap((o) =>
      o.value.keyResults.filter((k) => k.type === 'outcome' && k.kpiRef === kpiId).map((k) => k.id),
    );
    if (focusing.length) inUse('key results take their value from it (kpiRef):', focusing);
    const readings = await reader.readingsOf(kpiId);
    await ctx.store.batch([
      { kind: 'delete', collection: C.kpis, id: kpiId, expected },
      ...readings.map((d) => ({ kind: 'delete' as const, collection: C.readings, id: d.id, expected: d.version })),
    ]);
    return { deleted: kpiId };
  },
};
