// "Progress over time" of an outcome KR, drawn from its own values (issue 10 §4): the core
// evaluates the KR at each date one of its check-ins (or, for `kpiRef`, its KPI's readings) was
// made, and at the day viewed. So a KR with check-ins has a history from the first one, whether or
// not anyone happened to open it on those days (snapshots are taken only when the app computes).
import type { IsoDate } from '../core/model/dates';
import type { OutcomeKeyResult } from '../core/model/plan';
import { evaluateOutcome } from '../core/evaluate/outcome';
import type { SnapshotPoint } from './api';

/**
 * One point per date with a value on or before `upTo`, and one at `upTo`; none without values
 * (a KR never checked in has no history to draw, and its start is not a measurement).
 */
export function outcomeHistory(kr: Pick<OutcomeKeyResult, 'start' | 'target'>, values: readonly { at: IsoDate; value: number }[], upTo: IsoDate): SnapshotPoint[] {
  const dated = values.filter((v) => v.at <= upTo);
  if (dated.length === 0) return [];
  const days = [...new Set([...dated.map((v) => v.at), upTo])].sort();
  // The values are the KR's own check-ins here whatever they came from: evaluating them as such
  // gives the same current value and progress as the KPI's readings would (SPEC §2).
  const asCheckIns: OutcomeKeyResult = { id: '', title: '', type: 'outcome', checkIns: [...dated], ...pick(kr) };
  return days.map((at) => {
    const { progress, current } = evaluateOutcome(asCheckIns, new Map(), at);
    return { at, progress, value: current };
  });
}

function pick({ start, target }: Pick<OutcomeKeyResult, 'start' | 'target'>): Pick<OutcomeKeyResult, 'start' | 'target'> {
  return { ...(start !== undefined ? { start } : {}), ...(target !== undefined ? { target } : {}) };
}
