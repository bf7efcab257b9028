// Writes what a pure plan change (closing, reopening, rolling over: SPEC §9–§10) did to the stored
// plan, as one all-or-nothing batch. Each changed document is written with the version it was
// read at, so an edit someone made meanwhile makes the whole change fail as a conflict instead of
// being overwritten; a new document must not exist yet. Only periods and objectives (with their
// KR definitions) change in place; a new objective brings its KR index and link documents.
import type { Plan } from '../core/model/plan';
import type { WriteOp } from '../core/ports/document-store';
import { C, type PeriodDoc } from './collections';
import type { LoadedPlan } from './load-plan';
import { objectiveDoc, objectiveToDocs } from './plan-docs';

export interface PlanChange {
  ops: WriteOp[];
  /** How many documents of each kind are written. */
  periods: number;
  objectives: number;
}

export function planChangeOps(before: LoadedPlan, after: Plan): PlanChange {
  const ops: WriteOp[] = [];
  const storedPeriods = new Map(before.docs.periods.map((d) => [d.id, d]));
  const storedObjectives = new Map(before.docs.objectives.map((d) => [d.id, d]));
  let nextPeriodOrder = before.docs.periods.reduce((max, d) => Math.max(max, d.value.order + 1), 0);
  let nextObjectiveOrder = before.docs.objectives.reduce((max, d) => Math.max(max, d.value.order + 1), 0);
  let periods = 0;
  let objectives = 0;

  for (const period of after.periods) {
    const stored = storedPeriods.get(period.id);
    const value: PeriodDoc = { ...period, order: stored?.value.order ?? nextPeriodOrder++ };
    if (stored && same(stored.value, value)) continue;
    ops.push({ kind: 'put', collection: C.periods, id: period.id, value, expected: stored?.version ?? null });
    periods++;
  }
  for (const objective of after.objectives) {
    const stored = storedObjectives.get(objective.id);
    if (!stored) {
      // New (a carried copy): its KR index and links come with it, each created, never replaced.
      for (const d of objectiveToDocs(objective, nextObjectiveOrder++)) {
        ops.push({ kind: 'put', collection: d.collection, id: d.id, value: d.value, expected: null, ...(d.indexes ? { indexes: d.indexes } : {}) });
      }
      objectives++;
      continue;
    }
    const value = objectiveDoc(objective, stored.value.order);
    if (same(stored.value, value)) continue;
    ops.push({ kind: 'put', collection: C.objectives, id: objective.id, value, expected: stored.version, indexes: { team: value.team, period: value.period } });
    objectives++;
  }
  return { ops, periods, objectives };
}

/** Field order differs between a stored document and a rebuilt one; the content is what counts. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sorted(v)]),
    );
  }
  return value;
}
