// Progress history is the app's, written through a port the host supplies (ARCHITECTURE:
// "Effects belong to the app"). Evaluations hand over what they observed, each KR's point with
// whether that evaluation saw the KR's whole scope; the host's recorder decides which points may
// become history. Read use cases never write snapshot documents themselves.
import type { IsoDate } from '../core/model/dates';
import type { DocumentStore } from '../core/ports/document-store';
import type { KeyResultReport } from '../core/report/types';
import { recordSnapshots } from './snapshots';

export interface ObservedKeyResult {
  kr: KeyResultReport;
  /**
   * The evaluation saw the KR's whole scope: every one of its links was read (none hidden from
   * the viewer nor missing). Outcome KRs need no tracker and are always whole.
   */
  whole: boolean;
}

export interface HistoryRecorder {
  /** Today's evaluation of these KRs; the recorder keeps the points its host allows. */
  record(observed: readonly ObservedKeyResult[], at: IsoDate): Promise<void>;
}

/** Records nothing: for callers whose numbers must never become history (Forge's resolvers). */
export const NO_HISTORY: HistoryRecorder = { record: () => Promise.resolve() };

/**
 * Records every point it is given: for a host's own complete evaluation (Forge's triggers count
 * each KR as the app, over its whole scope), not for a viewer's.
 */
export function completeEvaluationHistory(store: DocumentStore): HistoryRecorder {
  return { record: (observed, at) => (observed.length === 0 ? Promise.resolve() : recordSnapshots(store, observed.map((o) => o.kr), at)) };
}

/**
 * Records the points of whole evaluations in the store (one point per KR per day). `when`
 * narrows it further (Azure DevOps: only evaluations by a project administrator).
 */
export function wholeScopeHistory(store: DocumentStore, when: () => Promise<boolean> = () => Promise.resolve(true)): HistoryRecorder {
  return {
    async record(observed, at) {
      const whole = observed.filter((o) => o.whole).map((o) => o.kr);
      if (whole.length === 0 || !(await when())) return;
      await recordSnapshots(store, whole, at);
    },
  };
}
