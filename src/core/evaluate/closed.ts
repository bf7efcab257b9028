// Closed periods (SPEC §9): a KR's numbers are its frozen `final`, its score is the hand-set
// grade when there is one, and a status no longer compares progress with the calendar.
import type { Status } from '../report/types';

/** `done` when the target was reached, else `closed`: the period is over, pace means nothing. */
export function closedStatus(progress: number): Status {
  return progress >= 1 ? 'done' : 'closed';
}

/** The grade overrides the score, never the progress. */
export function scoreOf(progress: number, grade: number | undefined): number {
  return grade ?? progress;
}
