// Builds the review (SPEC §11) from a plan and its evaluation at the same date. Pure: the caller
// evaluates once (or hands over a report it already has) and every host gets the same review.
import type { IsoDate } from '../model/dates';
import type { KeyResult, Period, Plan } from '../model/plan';
import { teamSubtree } from '../model/team-tree';
import type { KeyResultReport, KpiReport, Report, Severity } from '../report/types';
import { SPOTLIGHT_SIZE, type Review, type ReviewKpi, type ReviewObjective, type ReviewOptions } from './types';

export function review(plan: Plan, report: Report, options: ReviewOptions = {}): Review {
  const { at } = report;
  const objectives = selectObjectives(plan, report, options);
  const out: Review = {
    at,
    kpis: report.kpis.map((k) => withChange(k, plan, at)),
    objectives,
    spotlight: { keyResults: spotlightKeyResults(objectives), kpis: unfocusedBreaches(plan, report) },
    lints: lintSummary(report),
  };
  if (options.team !== undefined) out.team = options.team;
  if (options.period !== undefined) out.period = options.period;
  return out;
}

function selectObjectives(plan: Plan, report: Report, { team, period }: ReviewOptions): ReviewObjective[] {
  const periods = new Map(plan.periods.map((p) => [p.id, p]));
  const inPeriod = period !== undefined ? (id: string) => id === period : (id: string) => isRunning(periods.get(id), report.at);
  const teams = team !== undefined ? teamSubtree(plan.teams, team) : undefined;
  const krs = new Map(report.keyResults.map((k) => [k.id, k]));
  return report.objectives
    .filter((o) => inPeriod(o.period) && (teams === undefined || teams.has(o.team)))
    .map((o) => ({ ...o, keyResultReports: o.keyResults.map((id) => krs.get(id)).filter((k): k is KeyResultReport => k !== undefined) }));
}

/** A period is reviewed while it runs (`start <= at <= end`) and is not closed (SPEC §11). */
function isRunning(period: Period | undefined, at: IsoDate): boolean {
  return period !== undefined && period.closed === undefined && period.start <= at && at <= period.end;
}

function spotlightKeyResults(objectives: readonly ReviewObjective[]): string[] {
  const needHelp = objectives.flatMap((o) => o.keyResultReports).filter((k) => k.status === 'off-track' || k.status === 'at-risk');
  const gap = (k: KeyResultReport) => k.expected - k.progress;
  return needHelp
    .sort((a, b) => gap(b) - gap(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, SPOTLIGHT_SIZE)
    .map((k) => k.id);
}

/** Breached KPIs of `kpis` that no KR of an open period focuses on through `kpiRef` (a closed KR focuses on nothing now). */
function unfocusedBreaches(plan: Plan, report: Report): string[] {
  const closed = new Set(plan.periods.filter((p) => p.closed !== undefined).map((p) => p.id));
  const focused = new Set(plan.objectives.filter((o) => !closed.has(o.period)).flatMap((o) => o.keyResults).flatMap((k) => (k.type === 'outcome' && k.kpiRef !== undefined ? [k.kpiRef] : [])));
  const health = new Map(report.kpis.filter((k) => k.source === 'kpi').map((k) => [k.id, k.health]));
  return plan.kpis.filter((k) => health.get(k.id) === 'breached' && !focused.has(k.id)).map((k) => k.id);
}

/**
 * `change` is the latest value on or before `at` minus the one before it, taken from the same
 * entries the value came from: the KPI's readings, or for a KR kept as a KPI its check-ins (its
 * KPI's readings when it focuses one through `kpiRef`).
 */
function withChange(kpi: KpiReport, plan: Plan, at: IsoDate): ReviewKpi {
  const entries = valuesBehind(kpi, plan);
  // Stable sort by date: among entries of one day, the one written last is the latest
  // (as `latestOnOrBefore` reads them), and the one before it is the previous value.
  const dated = entries.filter((e) => e.at <= at).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const latest = dated[dated.length - 1];
  const previous = dated[dated.length - 2];
  const out: ReviewKpi = { ...kpi };
  if (latest !== undefined && previous !== undefined) {
    out.change = latest.value - previous.value;
    out.previousAt = previous.at;
  }
  return out;
}

function valuesBehind(kpi: KpiReport, plan: Plan): readonly { at: IsoDate; value: number }[] {
  switch (kpi.source) {
    case 'kpi':
      return plan.kpis.find((k) => k.id === kpi.id)?.readings ?? [];
    case 'kr': {
      const kr = findKeyResult(plan, kpi.id);
      if (kr === undefined) return [];
      switch (kr.type) {
        case 'outcome':
          return kr.kpiRef !== undefined ? (plan.kpis.find((k) => k.id === kr.kpiRef)?.readings ?? []) : (kr.checkIns ?? []);
        case 'effort':
          return [];
      }
    }
  }
}

function findKeyResult(plan: Plan, id: string): KeyResult | undefined {
  for (const o of plan.objectives) for (const k of o.keyResults) if (k.id === id) return k;
  return undefined;
}

function lintSummary(report: Report): Review['lints'] {
  const count: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const l of report.lints) count[l.severity] += 1;
  return { ...count, errors: report.lints.filter((l) => l.severity === 'error') };
}
