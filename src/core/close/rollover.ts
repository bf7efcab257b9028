// Rolling over (SPEC §10): the next period starts from the last one's actual results. The KPIs
// kept as KRs always carry forward ("don't change your KPIs every quarter"); unfinished KRs do
// when asked, all at once (`unfinished`) or one by one (`keyResults`). Pure: a new plan.
import { daysOf, type IsoDate } from '../model/dates';
import type { Problem } from '../model/errors';
import type { KeyResult, Objective, Period, Plan } from '../model/plan';
import { findPeriod } from './close-period';
import { PeriodRefusedError } from './refusal';

export interface RolloverOptions {
  /** The closed period to carry from. */
  from: string;
  /** The period to carry into; added with `start` and `end` when the plan lacks it. */
  to: string;
  start?: IsoDate;
  end?: IsoDate;
  /** Carry every KR whose final progress is below 1 as well. */
  unfinished?: boolean;
  /** Ids of KRs of `from` to carry as well (the UI's one-by-one choice). */
  keyResults?: readonly string[];
  /** New targets by the old KR's id (outcome KRs), edited before confirming; default unchanged. */
  targets?: Readonly<Record<string, number>>;
}

/** Why a KR is carried: it is a KPI, it is unfinished (`unfinished`), or it was picked. */
export type CarryReason = 'kpi' | 'unfinished' | 'chosen';

export interface CarriedKeyResult {
  /** The new KR, as it will be in the plan. */
  keyResult: KeyResult;
  from: string;
  reason: CarryReason;
  /** The old KR's frozen progress and score. */
  finalProgress: number;
  score: number;
}

export interface CarriedObjective {
  /** The new objective, as it will be in the plan (with its carried KRs). */
  objective: Objective;
  from: string;
  keyResults: CarriedKeyResult[];
}

export interface RolloverPreview {
  period: Period;
  /** The period is new: the rollover adds it. */
  addsPeriod: boolean;
  objectives: CarriedObjective[];
  /** KRs of `from` that stay behind, for a UI to offer one by one. */
  notCarried: { id: string; objective: string; title: string; finalProgress: number; score: number }[];
}

/** What a rollover would add, refused exactly as `rolloverPlan` would refuse it. */
export function previewRollover(plan: Plan, options: RolloverOptions): RolloverPreview {
  const source = findPeriod(plan, options.from, 'roll over from', 'from').period;
  if (source.closed === undefined) {
    refuse('not-closed', 'from', `period "${source.id}" is not closed: close it first (okr close), so the next period starts from its final numbers`);
  }
  const target = targetPeriod(plan, source, options);
  const chosen = new Set(options.keyResults ?? []);
  const ofSource = plan.objectives.filter((o) => o.period === source.id);
  const sourceKrs = new Set(ofSource.flatMap((o) => o.keyResults.map((kr) => kr.id)));
  const strangers = [...chosen].filter((id) => !sourceKrs.has(id));
  if (strangers.length > 0) {
    refuse('unknown-key-result', 'keyResults', `not key results of period "${source.id}": ${strangers.join(', ')}`);
  }

  const reasonOf = (kr: KeyResult): CarryReason | undefined =>
    kr.kpi === true ? 'kpi' : chosen.has(kr.id) ? 'chosen' : options.unfinished === true && (kr.final?.progress ?? 0) < 1 ? 'unfinished' : undefined;
  const suffix = (id: string) => `${id}-${target.id}`;
  const carriedKrIds = new Set(ofSource.flatMap((o) => o.keyResults.filter((kr) => reasonOf(kr) !== undefined).map((kr) => kr.id)));
  const carriedObjectiveIds = new Set(ofSource.filter((o) => o.keyResults.some((kr) => carriedKrIds.has(kr.id))).map((o) => o.id));
  // What an objective aligned to follows it when it was carried in this same rollover.
  const realign = (aligns: string | null | undefined) =>
    aligns != null && (carriedKrIds.has(aligns) || carriedObjectiveIds.has(aligns)) ? suffix(aligns) : aligns;

  const objectives: CarriedObjective[] = [];
  const notCarried: RolloverPreview['notCarried'] = [];
  for (const o of ofSource) {
    const keyResults: CarriedKeyResult[] = [];
    for (const kr of o.keyResults) {
      const finalProgress = kr.final?.progress ?? 0;
      const score = kr.grade ?? finalProgress;
      const reason = reasonOf(kr);
      if (reason === undefined) notCarried.push({ id: kr.id, objective: o.id, title: kr.title, finalProgress, score });
      else keyResults.push({ keyResult: carryKeyResult(kr, suffix(kr.id), options.targets?.[kr.id]), from: kr.id, reason, finalProgress, score });
    }
    if (keyResults.length === 0) continue;
    const aligns = realign(o.aligns);
    const objective: Objective = {
      id: suffix(o.id),
      title: o.title,
      team: o.team,
      period: target.id,
      ...(o.owner !== undefined ? { owner: o.owner } : {}),
      ...(aligns != null ? { aligns } : {}),
      carriedFrom: o.id,
      keyResults: keyResults.map((k) => k.keyResult),
    };
    objectives.push({ objective, from: o.id, keyResults });
  }
  refuseTakenIds(plan, objectives);
  return { period: target, addsPeriod: !plan.periods.some((p) => p.id === target.id), objectives, notCarried };
}

export function rolloverPlan(plan: Plan, options: RolloverOptions): Plan {
  const preview = previewRollover(plan, options);
  return {
    ...plan,
    periods: preview.addsPeriod ? [...plan.periods, preview.period] : plan.periods,
    objectives: [...plan.objectives, ...preview.objectives.map((o) => o.objective)],
  };
}

/**
 * The same KR in the new period: every field kept (links, weight, kpi, kpiRef, measure, ...) but
 * its history (check-ins, final, grade, reflection); an outcome KR starts from its actual.
 */
function carryKeyResult(kr: KeyResult, id: string, newTarget: number | undefined): KeyResult {
  if (kr.type === 'effort') {
    const { final: _f, grade: _g, reflection: _r, carriedFrom: _c, ...rest } = kr;
    return { ...rest, id, carriedFrom: kr.id };
  }
  const { final, grade: _g, reflection: _r, carriedFrom: _c, checkIns: _ci, ...rest } = kr;
  const start = final?.current ?? kr.start;
  const target = newTarget ?? kr.target;
  return { ...rest, id, ...(start !== undefined ? { start } : {}), ...(target !== undefined ? { target } : {}), carriedFrom: kr.id };
}

function targetPeriod(plan: Plan, source: Period, options: RolloverOptions): Period {
  const existing = plan.periods.find((p) => p.id === options.to);
  let period: Period;
  if (existing !== undefined) {
    if (existing.closed !== undefined) refuse('target-closed', 'to', `period "${existing.id}" is closed (${existing.closed}): carry into a period still open`);
    const differs = [
      options.start !== undefined && options.start !== existing.start && `--start ${options.start} differs from its start ${existing.start}`,
      options.end !== undefined && options.end !== existing.end && `--end ${options.end} differs from its end ${existing.end}`,
    ].filter((d) => d !== false);
    if (differs.length > 0) refuse('bad-dates', 'to', `period "${existing.id}" already exists: ${differs.join('; ')}; leave the dates out or give its own`);
    period = existing;
  } else {
    const missing = [options.start === undefined && 'start', options.end === undefined && 'end'].filter((m) => m !== false);
    if (missing.length > 0 || options.start === undefined || options.end === undefined) {
      refuse('missing-dates', missing[0] ?? 'start', `period "${options.to}" is not in the plan: give its ${missing.join(' and ')} (--start DATE --end DATE) to add it`);
    }
    if (daysOf(options.end) < daysOf(options.start)) refuse('bad-dates', 'end', `period "${options.to}" would end (${options.end}) before it starts (${options.start})`);
    period = { id: options.to, start: options.start, end: options.end };
  }
  if (daysOf(period.start) <= daysOf(source.end)) {
    refuse('bad-dates', 'to', `period "${period.id}" starts ${period.start}, not after period "${source.id}" ends (${source.end}); the next period starts after the last one`);
  }
  return period;
}

function refuseTakenIds(plan: Plan, objectives: readonly CarriedObjective[]): void {
  const taken = new Map<string, string>();
  plan.objectives.forEach((o, i) => {
    taken.set(o.id, `objectives[${i}].id`);
    o.keyResults.forEach((kr, j) => taken.set(kr.id, `objectives[${i}].keyResults[${j}].id`));
  });
  plan.kpis.forEach((k, i) => taken.set(k.id, `kpis[${i}].id`));
  const problems: Problem[] = [];
  for (const id of objectives.flatMap((o) => [o.objective.id, ...o.keyResults.map((k) => k.keyResult.id)])) {
    const at = taken.get(id);
    if (at !== undefined) problems.push({ path: at, message: `"${id}" is already used here, so the carried copy cannot take that id; rename or remove it first` });
  }
  if (problems.length > 0) throw new PeriodRefusedError('id-taken', problems, 'cannot roll over');
}

function refuse(reason: ConstructorParameters<typeof PeriodRefusedError>[0], path: string, message: string): never {
  throw new PeriodRefusedError(reason, [{ path, message }], 'cannot roll over');
}
