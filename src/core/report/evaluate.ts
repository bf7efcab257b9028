// The whole report of a plan as of a date (SPEC §2–§4). Pure: same plan and date, same report,
// whatever the order of work items or links.
import { rollupEffort } from '../evaluate/effort';
import { healthFromStatus, kpiHealth } from '../evaluate/kpi-health';
import { evaluateOutcome, latestOnOrBefore } from '../evaluate/outcome';
import { expectedProgress, statusOf } from '../evaluate/status';
import { compareRefs, indexWorkItems } from '../evaluate/work-item-index';
import type { IsoDate } from '../model/dates';
import type { Kpi, KeyResult, Objective, Period, Plan } from '../model/plan';
import { lint } from '../lints';
import type { EffortKeyResultReport, KeyResultReport, KpiReport, ObjectiveReport, Report } from './types';

export function evaluate(plan: Plan, at: IsoDate): Report {
  const index = indexWorkItems(plan.workItems);
  const kpisById = new Map(plan.kpis.map((k) => [k.id, k]));
  const periods = new Map(plan.periods.map((p) => [p.id, p]));

  const objectives: ObjectiveReport[] = [];
  const keyResults: KeyResultReport[] = [];
  const effort = new Map<string, EffortKeyResultReport>();

  for (const objective of plan.objectives) {
    const period = periods.get(objective.period) as Period;
    const expected = expectedProgress(period, at);
    const krReports = objective.keyResults.map((kr) => evaluateKeyResult(kr, objective, { index, kpisById, period, expected, at }));
    for (const r of krReports) {
      keyResults.push(r);
      if (r.type === 'effort') effort.set(r.id, r);
    }
    const progress = weightedMean(krReports);
    const report: ObjectiveReport = {
      id: objective.id,
      title: objective.title,
      team: objective.team,
      period: objective.period,
      progress,
      expected,
      status: statusOf(progress, expected, period, at),
      keyResults: objective.keyResults.map((kr) => kr.id),
    };
    if (objective.owner !== undefined) report.owner = objective.owner;
    if (objective.aligns != null) report.aligns = objective.aligns;
    objectives.push(report);
  }

  const kpis = [...plan.kpis.map((k) => kpiReport(k, at, keyResults)), ...keyResults.filter((kr) => kr.kpi).map(krAsKpi(plan, at))];
  return { at, objectives, keyResults, kpis, lints: lint({ plan, at, effort, kpis, knownRefs: index.byRef }) };
}

interface KrContext {
  index: ReturnType<typeof indexWorkItems>;
  kpisById: ReadonlyMap<string, Kpi>;
  period: Period;
  expected: number;
  at: IsoDate;
}

export function evaluateKeyResult(kr: KeyResult, objective: Objective, ctx: KrContext): KeyResultReport {
  const base = {
    id: kr.id,
    title: kr.title,
    objective: objective.id,
    expected: ctx.expected,
    weight: kr.weight ?? 1,
    kpi: kr.kpi === true,
    links: [...new Set(kr.links ?? [])].sort(compareRefs),
    ...(kr.owner !== undefined ? { owner: kr.owner } : {}),
  };
  if (kr.type === 'effort') {
    const r = rollupEffort(kr, ctx.index);
    return {
      ...base,
      type: 'effort',
      progress: r.progress,
      status: statusOf(r.progress, ctx.expected, ctx.period, ctx.at),
      units: r.units,
      weighting: kr.weighting ?? 'count',
      explanation: r.detail,
    };
  }
  const o = evaluateOutcome(kr, ctx.kpisById, ctx.at);
  return {
    ...base,
    type: 'outcome',
    progress: o.progress,
    status: statusOf(o.progress, ctx.expected, ctx.period, ctx.at),
    current: o.current,
    currentFrom: o.currentFrom,
    ...(o.currentAt !== undefined ? { currentAt: o.currentAt } : {}),
    ...(o.confidence !== undefined ? { confidence: o.confidence } : {}),
    ...(kr.start !== undefined ? { start: kr.start } : {}),
    ...(kr.target !== undefined ? { target: kr.target } : {}),
    ...(kr.unit !== undefined ? { unit: kr.unit } : {}),
    ...(kr.kpiRef !== undefined ? { kpiRef: kr.kpiRef } : {}),
  };
}

/** Weighted mean of KR progress by KR weight; an objective without KRs is at 0. */
function weightedMean(krs: readonly KeyResultReport[]): number {
  let sum = 0;
  let weights = 0;
  for (const kr of krs) {
    sum += kr.progress * kr.weight;
    weights += kr.weight;
  }
  return weights > 0 ? Math.min(1, sum / weights) : 0;
}

function kpiReport(kpi: Kpi, at: IsoDate, krs: readonly KeyResultReport[]): KpiReport {
  const latest = latestOnOrBefore(kpi.readings, at);
  const report: KpiReport = {
    id: kpi.id,
    title: kpi.title,
    health: kpiHealth(kpi, latest?.value),
    direction: kpi.direction,
    source: 'kpi',
    focusedBy: krs.filter((kr) => kr.type === 'outcome' && kr.kpiRef === kpi.id).map((kr) => kr.id),
    trend: (kpi.readings ?? [])
      .filter((r) => r.at <= at)
      .map((r) => ({ at: r.at, value: r.value }))
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
  };
  if (latest) [report.value, report.valueAt] = [latest.value, latest.at];
  if (kpi.unit !== undefined) report.unit = kpi.unit;
  if (kpi.target !== undefined) report.target = kpi.target;
  if (kpi.threshold !== undefined) report.threshold = kpi.threshold;
  return report;
}

/** A KR marked `kpi: true`, listed among the KPIs with a health taken from its status. */
function krAsKpi(plan: Plan, at: IsoDate) {
  const outcomeKrs = new Map(plan.objectives.flatMap((o) => o.keyResults).filter((k) => k.type === 'outcome').map((k) => [k.id, k]));
  return (kr: KeyResultReport): KpiReport => {
    const report: KpiReport = { id: kr.id, title: kr.title, health: healthFromStatus(kr.status), source: 'kr', focusedBy: [], trend: [] };
    if (kr.type === 'outcome') {
      report.value = kr.current;
      if (kr.currentAt !== undefined) report.valueAt = kr.currentAt;
      if (kr.unit !== undefined) report.unit = kr.unit;
      if (kr.target !== undefined) report.target = kr.target;
      if (kr.start !== undefined && kr.target !== undefined) report.direction = kr.target >= kr.start ? 'up' : 'down';
      const def = outcomeKrs.get(kr.id);
      report.trend = (def?.type === 'outcome' ? (def.checkIns ?? []) : [])
        .filter((c) => c.at <= at)
        .map((c) => ({ at: c.at, value: c.value }))
        .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    }
    return report;
  };
}
