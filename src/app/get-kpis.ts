// The KPI readout: each KPI (and each KR marked as a KPI) with its latest value, target,
// threshold, health and trend, plus the KPI lints of the doctrine.
import { z } from 'zod';
import type { Plan } from '../core/model/plan';
import { evaluate } from '../core/report/evaluate';
import type { LintCode } from '../core/report/types';
import type { KpiReadout } from './api';
import { fetchScope } from './live-scope';
import { loadPlan } from './load-plan';
import { teamSubtree } from '../core/model/team-tree';
import { viewer } from './permissions';
import type { UseCase } from './use-case';
import { id, isoDate } from './validate';

// kpi-reading-overdue (cadence, SPEC §7): the readout marks a KPI that needs a new reading.
const KPI_LINTS: ReadonlySet<LintCode> = new Set(['effort-kr-as-kpi', 'every-kr-a-kpi', 'kpi-count', 'kpi-incomplete', 'kpi-breached', 'kpi-reading-overdue']);

export const getKpis: UseCase<'getKpis'> = {
  input: z.strictObject({ at: isoDate.optional(), team: id.optional() }),
  requires: viewer,

  async run(ctx, { at, team }) {
    const day = at ?? ctx.today();
    const { plan } = await loadPlan(ctx.store);
    // Only a KR marked as a KPI needs its scope here; the doctrine says effort KRs should not
    // be KPIs at all, but one that is still gets a true health rather than a zero.
    const kpiKrsOnly: Plan = { ...plan, objectives: plan.objectives.map((o) => ({ ...o, keyResults: o.keyResults.filter((k) => k.kpi) })) };
    const scope = await fetchScope(ctx.source, kpiKrsOnly);
    const report = evaluate({ ...plan, workItems: scope.items }, day);

    const teams = team === undefined ? undefined : teamSubtree(plan.teams, team);
    const defs = new Map(plan.kpis.map((k) => [k.id, k]));
    const krTeams = new Map(plan.objectives.flatMap((o) => o.keyResults.map((k) => [k.id, o.team] as const)));
    const kpis: KpiReadout['kpis'] = [];
    for (const k of report.kpis) {
      const def = k.source === 'kpi' ? defs.get(k.id) : undefined;
      const owner = def ? def.team : krTeams.get(k.id);
      if (teams && (owner === undefined || !teams.has(owner))) continue;
      kpis.push({
        ...k,
        ...(def?.frequency !== undefined ? { frequency: def.frequency } : {}),
        ...(def?.source !== undefined ? { dataSource: def.source } : {}),
        ...(owner !== undefined ? { team: owner } : {}),
        // The KPI's person (issue 10 §3 readout), shown by name on the card.
        ...(def?.owner !== undefined ? { owner: def.owner } : {}),
      });
    }
    return { at: day, kpis, lints: report.lints.filter((l) => KPI_LINTS.has(l.code)) };
  },
};
