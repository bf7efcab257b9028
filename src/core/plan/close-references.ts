// The rules of closed periods (SPEC §9) that the shape schema cannot say, because they join a key
// result to its objective's period: `final` exists exactly on the KRs of closed periods, and a
// period cannot be closed before it starts. `grade` and `reflection` may be written before the
// close (owners prepare them in the review); they only count once the period is closed.
// `carriedFrom` may name an id that no longer exists: it is history, not a reference.
import { daysOf } from '../model/dates';
import type { Problem } from '../model/errors';
import type { Plan } from '../model/plan';

export function closeProblems(plan: Plan): Problem[] {
  const problems: Problem[] = [];
  const periods = new Map(plan.periods.map((p) => [p.id, p]));
  plan.periods.forEach((p, i) => {
    if (p.closed !== undefined && daysOf(p.closed) < daysOf(p.start)) {
      problems.push({ path: `periods[${i}].closed`, message: `closed on ${p.closed}, before the period starts (${p.start}); a period closes on or after its start` });
    }
  });
  plan.objectives.forEach((o, i) => {
    const period = periods.get(o.period);
    if (period === undefined) return; // an unknown period is reported by references.ts
    o.keyResults.forEach((kr, j) => {
      const at = `objectives[${i}].keyResults[${j}].final`;
      if (period.closed === undefined && kr.final !== undefined) {
        problems.push({ path: at, message: `period "${period.id}" is not closed, so its key results have no frozen evaluation: remove \`final\`, or close the period (okr close)` });
      } else if (period.closed !== undefined && kr.final === undefined) {
        problems.push({
          path: at,
          message: `required: period "${period.id}" is closed (${period.closed}), so each of its key results carries its frozen evaluation; reopen the period (remove \`closed\` and every \`final\` of it) and close it again`,
        });
      }
    });
  });
  return problems;
}
