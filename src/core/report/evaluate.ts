// The whole report of a plan as of a date (SPEC §2–§4). Pure: same plan and date, same report,
// whatever the order of work items or links.
import { closedStatus, scoreOf } from '../evaluate/closed';
import { rollupEffort } from '../evaluate/effort';
import { healthFromStatus, kpiHealth } from '../evaluate/kpi-health';
import { evaluateOutcome, latestOnOrBefore, type OutcomeResult } from '../evaluate/outcome';
import { expectedProgress, statusOf } from '../evaluate/status';
import { compareRefs, indexWorkItems } from '../evaluate/work-item-index';
import type { IsoDate } from '../model/dates';
import { assertNever } from '../model/assert-never';
import type { EffortKeyResult, Kpi, KeyResult, Objective, OutcomeKeyResult, Period, Plan } from '../model/plan';
import { lint } from '../lints';
import type { EffortKeyResultReport, EvaluateOptions, KeyResultReport, KnownProgress, KpiReport, ObjectiveReport, Report, Status } from './types';

/**
 * `options.known` gives progress values to take instead of computing them (a stale snapshot); a
 * KR of a closed period always takes its own `final` (SPEC §9). Every surface's objective
 * progress and status come from here, whichever way its KRs' numbers were obtained.
 */
export function evaluate(plan: Plan, at: IsoDate, options: EvaluateOptions = {}): Report {
  const index = indexWorkItems(plan.workItems);
  const kpisById = new Map(plan.kpis.map((k) => [k.id, k]));
  const periods = new Map(plan.periods.map((p) => [p.id, p]));

  const objectives: ObjectiveReport[] = [];
  const keyResults: KeyResultReport[] = [];
  const effort = new Map<string, EffortKeyResultReport>();

  for (const objective of plan.objectives) {
    const period = periods.get(objective.period) as Period;
    const expected = expectedProgress(period, at);
    const krReports = objective.keyResults.map((kr) => evaluateKeyResult(kr, objective, { index, kpisById, period, expected, at, known: options.known }));
    for (const r of krReports) {
      keyResults.push(r);
      // A closed KR's scope is history: its links may now also be a carried KR's, and its
      // units are frozen, so the lints about live work leave it out.
      if (r.type === 'effort' && r.closed === undefined) effort.set(r.id, r);
    }
    const progress = weightedMean(krReports, (kr) => kr.progress);
    const report: ObjectiveReport = {
      id: objective.id,
      title: objective.title,
      team: objective.team,
      period: objective.period,
      progress,
      expected,
      status: period.closed !== undefined ? closedStatus(progress) : statusOf(progress, expected, period, at),
      keyResults: objective.keyResults.map((kr) => kr.id),
    };
    if (objective.owner !== undefined) report.owner = objective.owner;
    if (objective.aligns != null) report.aligns = objective.aligns;
    if (objective.carriedFrom !== undefined) report.carriedFrom = objective.carriedFrom;
    if (period.closed !== undefined) {
      report.closed = period.closed;
      report.score = weightedMean(krReports, (kr) => kr.score ?? kr.progress);
    }
    objectives.push(report);
  }

  // A closed KR neither is a KPI any more nor focuses on one: the KR carried into the next
  // period carries the KPI on (SPEC §9).
  const open = keyResults.filter((kr) => kr.closed === undefined);
  const kpis = [...plan.kpis.map((k) => kpiReport(k, at, open)), ...open.filter((kr) => kr.kpi).map(krAsKpi(plan, at))];
  return { at, objectives, keyResults, kpis, lints: lint({ plan, at, effort, kpis, knownRefs: index.byRef }) };
}

interface KrContext {
  index: ReturnType<typeof indexWorkItems>;
  kpisById: ReadonlyMap<string, Kpi>;
  period: Period;
  expected: number;
  at: IsoDate;
  known?: ReadonlyMap<string, KnownProgress> | undefined;
}

export function evaluateKeyResult(kr: KeyResult, objective: Objective, ctx: KrContext): KeyResultReport {
  const closed = ctx.period.closed;
  // Frozen means frozen: in a closed period only the KR's own `final` counts, never a caller's value.
  const known: KnownProgress | undefined = closed !== undefined ? (kr.final ?? { progress: 0 }) : ctx.known?.get(kr.id);
  const status = (progress: number) => (closed !== undefined ? closedStatus(progress) : statusOf(progress, ctx.expected, ctx.period, ctx.at));
  const base = {
    id: kr.id,
    title: kr.title,
    objective: objective.id,
    expected: ctx.expected,
    weight: kr.weight ?? 1,
    kpi: kr.kpi === true,
    links: [...new Set(kr.links ?? [])].sort(compareRefs),
    ...(kr.owner !== undefined ? { owner: kr.owner } : {}),
    ...(closed !== undefined ? { closed, score: scoreOf(known?.progress ?? 0, kr.grade) } : {}),
    ...(kr.grade !== undefined ? { grade: kr.grade } : {}),
    ...(kr.reflection !== undefined ? { reflection: kr.reflection } : {}),
    ...(kr.carriedFrom !== undefined ? { carriedFrom: kr.carriedFrom } : {}),
  };
  switch (kr.type) {
    case 'effort':
      return known !== undefined ? knownEffort(kr, base, known, status) : computedEffort(kr, base, ctx, status);
    case 'outcome': {
      const o = known !== undefined ? knownOutcome(kr, known) : evaluateOutcome(kr, ctx.kpisById, ctx.at);
      return {
        ...base,
        type: 'outcome',
        progress: o.progress,
        status: status(o.progress),
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
    default:
      return assertNever(kr);
  }
}

type ReportBase = Omit<EffortKeyResultReport, 'type' | 'progress' | 'status' | 'units' | 'weighting' | 'explanation'>;

/** An effort KR whose progress is given: only the totals are known, not which units counted. */
function knownEffort(kr: EffortKeyResult, base: ReportBase, known: KnownProgress, status: (p: number) => Status): EffortKeyResultReport {
  const units = known.units ?? { done: 0, total: 0 };
  return {
    ...base,
    type: 'effort',
    progress: known.progress,
    status: status(known.progress),
    units,
    weighting: kr.weighting ?? 'count',
    explanation: { units: [], cancelled: [], unknownLinks: [], doneWeight: known.units ? units.done : known.progress, totalWeight: known.units ? units.total : 1 },
    ...(known.countsWithheld ? { countsWithheld: true as const } : {}),
  };
}

function computedEffort(kr: EffortKeyResult, base: ReportBase, ctx: KrContext, status: (p: number) => Status): EffortKeyResultReport {
  const r = rollupEffort(kr, ctx.index);
  return { ...base, type: 'effort', progress: r.progress, status: status(r.progress), units: r.units, weighting: kr.weighting ?? 'count', explanation: r.detail };
}

/** A known outcome: its value when given (a `final` may lack one), else the start. */
function knownOutcome(kr: OutcomeKeyResult, known: KnownProgress): OutcomeResult {
  return known.current !== undefined
    ? { progress: known.progress, current: known.current, currentFrom: 'final' }
    : { progress: known.progress, current: kr.start ?? 0, currentFrom: 'start' };
}

/** Weighted mean of a KR number (progress, score) by KR weight; an objective without KRs is at 0. */
function weightedMean(krs: readonly KeyResultReport[], value: (kr: KeyResultReport) => number): number {
  let sum = 0;
  let weights = 0;
  for (const kr of krs) {
    sum += value(kr) * kr.weight;
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
    switch (kr.type) {
      case 'effort':
        // Linted (effort-kr-as-kpi): finished work has no value to read as a KPI.
        return report;
      case 'outcome':
        break;
      default:
        return assertNever(kr);
    }
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
    return report;
  };
}
