// Why a close, reopen or rollover was refused (SPEC §9–§10). An InvalidInputError, so every
// surface already answers it as bad input (CLI exit 2, the app's invalid-input); `reason` lets a
// UI word it its own way. A refused action returns no plan: nothing is half-done.
import { InvalidInputError, type Problem } from '../model/errors';

export type RefusalReason =
  /** The period named is not in the plan. */
  | 'unknown-period'
  /** Closing a period that is already closed. */
  | 'already-closed'
  /** Reopening, or rolling over from, a period that is not closed. */
  | 'not-closed'
  /** A close dated before the period starts. */
  | 'closed-before-start'
  /** Rolling into a new period without both its start and end. */
  | 'missing-dates'
  /** The target period's dates are wrong: it ends before it starts, starts before the source ends, or differs from the dates given. */
  | 'bad-dates'
  /** Rolling into a period that is itself closed. */
  | 'target-closed'
  /** A carried objective's or KR's new id is already used. */
  | 'id-taken'
  /** A KR chosen to be carried is not a KR of the source period. */
  | 'unknown-key-result';

export class PeriodRefusedError extends InvalidInputError {
  constructor(
    readonly reason: RefusalReason,
    problems: Problem[],
    summary: string,
  ) {
    super(problems, summary);
    this.name = 'PeriodRefusedError';
  }
}
