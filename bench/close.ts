// Issue 12 budget: closing and rolling over the 1,000-objective plan costs at most 2× its
// evaluation, measured side by side on the same validated plan. The rollover carries every
// unfinished KR (--unfinished), the heaviest case.
import { closePeriod, evaluate, rolloverPlan, type IsoDate, type Plan } from '../src/core';
import { median, time } from './stats';

export function benchClose(plan: Plan, at: IsoDate, runs = 7): Record<string, unknown> {
  const period = plan.periods[0]?.id as string;
  const evaluations: number[] = [];
  const closes: number[] = [];
  const rollovers: number[] = [];
  let carried = 0;
  for (let i = 0; i < runs + 1; i++) {
    const ev = time(() => evaluate(plan, at));
    let closed = plan;
    const close = time(() => (closed = closePeriod(plan, period, at)));
    let rolled = closed;
    const roll = time(() => (rolled = rolloverPlan(closed, { from: period, to: 'NEXT', start: '2025-04-01' as IsoDate, end: '2025-06-30' as IsoDate, unfinished: true })));
    carried = rolled.objectives.length - plan.objectives.length;
    if (i === 0) continue; // warm-up
    evaluations.push(ev);
    closes.push(close);
    rollovers.push(roll);
  }
  const [ev, close, roll] = [median(evaluations), median(closes), median(rollovers)];
  return {
    evaluateMs: +ev.toFixed(1),
    closeMs: +close.toFixed(1),
    rolloverMs: +roll.toFixed(1),
    carriedObjectives: carried,
    closeAndRolloverRatio: +((close + roll) / ev).toFixed(2),
    budget: 'close + rollover ≤ 2× evaluate',
  };
}
