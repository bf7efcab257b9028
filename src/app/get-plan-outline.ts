// The plan's structure for the authoring forms: teams, periods and KPI definitions, each with
// its version, so an edit made from a form names what it was based on.
import { z } from 'zod';
import { C, type KpiDoc, type PeriodDoc, type TeamDoc } from './collections';
import { listAll } from './list-all';
import { viewer } from './permissions';
import type { UseCase } from './use-case';

export const getPlanOutline: UseCase<'getPlanOutline'> = {
  input: z.strictObject({}),
  requires: viewer,

  async run(ctx) {
    const [teams, periods, kpis] = await Promise.all([
      listAll<TeamDoc>(ctx.store, C.teams),
      listAll<PeriodDoc>(ctx.store, C.periods),
      listAll<KpiDoc>(ctx.store, C.kpis),
    ]);
    const ordered = <T extends { value: { order: number } }>(docs: T[]) => [...docs].sort((a, b) => a.value.order - b.value.order);
    return {
      teams: ordered(teams).map(({ value: { order: _o, ...t }, version }) => ({ ...t, version })),
      periods: ordered(periods).map(({ value: { order: _o, ...p }, version }) => ({ ...p, version })),
      kpis: ordered(kpis).map(({ value: { order: _o, readings: _r, ...k }, version }) => ({ ...k, version })),
    };
  },
};
