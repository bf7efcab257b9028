// One KR in detail: its report, its objective, its progress history (the burn-up chart of an
// effort KR, progress over time of an outcome KR) and its measured values.
import { z } from 'zod';
import type { KeyResultDetail } from './api';
import { evaluateObjectives, keyResultOf, objectiveOf } from './evaluate-objectives';
import { PlanReader } from './plan-reader';
import { outcomeHistory } from './outcome-history';
import { readHistory } from './snapshots';
import { revisionsOf } from './revisions';
import { viewer } from './permissions';
import type { UseCase } from './use-case';
import { id, isoDate } from './validate';

export const getKeyResult: UseCase<'getKeyResult'> = {
  input: z.strictObject({ kr: id, at: isoDate.optional() }),
  requires: viewer,

  async run(ctx, { kr, at }) {
    const day = at ?? ctx.today();
    const reader = new PlanReader(ctx.store);
    const { objective, def } = await reader.requireKeyResult(kr);
    // Evaluating first records today's point, so the chart ends at what the report says.
    const evaluation = await evaluateObjectives(ctx, reader, [objective.id], day);
    let checkIns: KeyResultDetail['checkIns'] = [];
    if (def.type === 'outcome' && def.kpiRef !== undefined) {
      // Its values are the KPI's readings (SPEC §2).
      checkIns = (await reader.readingsOf(def.kpiRef)).map(({ id: entry, version, value: { kpi: _kpi, ...r } }) => ({ ...r, id: entry, version }));
    } else if (def.type === 'outcome') {
      checkIns = (await reader.checkInsOf(kr)).map(({ id: entry, version, value: { kr: _kr, ...c } }) => ({ ...c, id: entry, version }));
    }
    // Cadence: the audit trail of those entries (corrections, deletions).
    const revisions = def.type === 'outcome' ? await revisionsOf(ctx, def.kpiRef ?? kr) : [];
    return {
      kr: keyResultOf(evaluation, kr),
      objective: objectiveOf(evaluation, objective.id),
      // An outcome KR's history is drawn from its values (issue 10 §4); an effort KR's from the
      // snapshots of its scope, which no one can reconstruct after the fact.
      history: def.type === 'outcome' ? outcomeHistory(def, checkIns, day) : await readHistory(ctx.store, kr, day),
      checkIns: checkIns.filter((c) => c.at <= day).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
      revisions,
    };
  },
};
