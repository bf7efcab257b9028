// "My key results" (issue 10 §2): what the viewer owns (a KR or KPI whose `owner` is one of the
// Actor's ownerIds), in periods running today, overdue first, so the weekly check-in starts here.
import { z } from 'zod';
import { isRunning, overdueCheckIns, overdueReadings } from '../core/lints/cadence';
import type { Status } from '../core/report/types';
import type { MyKeyResult, MyKpi } from './api';
import { evaluateLive } from './live-scope';
import { loadPlan } from './load-plan';
import { viewer } from './permissions';
import type { UseCase } from './use-case';
import { isoDate } from './validate';

const STATUS_ORDER: Record<Status, number> = { 'off-track': 0, 'at-risk': 1, 'not-started': 2, 'on-track': 3, done: 4, closed: 5 };

export const getMyKeyResults: UseCase<'getMyKeyResults'> = {
  input: z.strictObject({ at: isoDate.optional() }),
  requires: viewer,

  async run(ctx, input) {
    const at = input.at ?? ctx.today();
    const mine = new Set(ctx.actor.ownerIds);
    const { plan } = await loadPlan(ctx.store);
    const periods = new Map(plan.periods.map((p) => [p.id, p]));
    const owned = plan.objectives
      .filter((o) => {
        const p = periods.get(o.period);
        return p !== undefined && isRunning(p, at);
      })
      .map((o) => ({ ...o, keyResults: o.keyResults.filter((k) => k.owner !== undefined && mine.has(k.owner)) }))
      .filter((o) => o.keyResults.length > 0);
    const myKpis = plan.kpis.filter((k) => k.owner !== undefined && mine.has(k.owner));
    // Only the viewer's own KRs are evaluated, their scopes read as the viewer.
    const { report } = await evaluateLive(ctx.source, { ...plan, objectives: owned, kpis: plan.kpis }, at);
    const overdue = new Map(overdueCheckIns({ ...plan, objectives: owned }, at).map((s) => [s.kr.id, s]));
    const teamNames = new Map(plan.teams.map((t) => [t.id, t.name]));
    const objectiveOf = new Map(owned.flatMap((o) => o.keyResults.map((k) => [k.id, o] as const)));

    const keyResults: MyKeyResult[] = report.keyResults.map((kr) => {
      const o = objectiveOf.get(kr.id);
      const late = overdue.get(kr.id);
      return {
        kr,
        objectiveTitle: o?.title ?? kr.objective,
        team: o?.team ?? '',
        teamName: teamNames.get(o?.team ?? '') ?? o?.team ?? '',
        period: o?.period ?? '',
        ...(late ? { needsUpdate: { days: late.days, ...(late.lastAt !== undefined ? { lastAt: late.lastAt } : {}) } } : {}),
      };
    });
    keyResults.sort(
      (a, b) =>
        (b.needsUpdate?.days ?? -1) - (a.needsUpdate?.days ?? -1) ||
        STATUS_ORDER[a.kr.status] - STATUS_ORDER[b.kr.status] ||
        a.kr.id.localeCompare(b.kr.id),
    );

    const lateKpis = new Map(overdueReadings({ ...plan, kpis: myKpis }, at).map((r) => [r.kpi.id, r]));
    const kpis: MyKpi[] = report.kpis
      .filter((k) => k.source === 'kpi' && myKpis.some((m) => m.id === k.id))
      .map((kpi) => {
        const late = lateKpis.get(kpi.id);
        return {
          kpi,
          ...(late ? { needsUpdate: { ...(late.days !== undefined ? { days: late.days } : {}), ...(late.lastAt !== undefined ? { lastAt: late.lastAt } : {}) } } : {}),
        };
      })
      .sort((a, b) => Number(b.needsUpdate !== undefined) - Number(a.needsUpdate !== undefined) || a.kpi.id.localeCompare(b.kpi.id));
    return { at, keyResults, kpis };
  },
};
