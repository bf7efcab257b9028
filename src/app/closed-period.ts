// Frozen means frozen (SPEC §9): once a period is closed its KRs keep the numbers they were closed
// with, so a change to one is refused, naming the period and how to undo the close. The refusal
// is `invalid-input` with a path, not `conflict`: surfaces show a conflict as "someone else saved
// first, reload", which would hide the reason; this message is shown as it is, next to the field.
import { InvalidInputError } from '../core/model/errors';
import type { PlanReader } from './plan-reader';

/**
 * Throws when the period is closed. `path` is the payload field naming the KR or objective,
 * `what` says what was refused ("check in on KR1").
 */
export async function refuseIfClosed(reader: PlanReader, periodId: string, path: string, what: string): Promise<void> {
  const period = await reader.period(periodId);
  if (period?.closed === undefined) return;
  throw new InvalidInputError(
    [{ path, message: `cannot ${what}: period ${periodId} was closed on ${period.closed} and its numbers are frozen; an admin may reopen it first` }],
    `period ${periodId} is closed`,
  );
}
