// The app: every use case of ApiMethods over the ports, behind one `call` function that hosts
// carry over their own wire (HTTP in the workbench, resolvers in Forge, in-browser in ADO).
import type { ApiName } from './api';
import { createAppOf, type App } from './app-of';
import { checkIn } from './check-in';
import type { AppDeps } from './context';
import { deleteObjective } from './delete-objective';
import { exportPlan } from './export-plan';
import { focusKpi } from './focus-kpi';
import { getBoard } from './get-board';
import { getKeyResult } from './get-key-result';
import { getKpis } from './get-kpis';
import { getPanel } from './get-panel';
import { getPermissions } from './get-permissions';
import { getReview } from './get-review';
import { importPlan } from './import-plan';
import { linkWorkItem } from './link-work-item';
import { recordReading } from './record-reading';
import { saveKeyResult } from './save-key-result';
import { saveKpi } from './save-kpi';
import { saveObjective } from './save-objective';
import { searchKeyResults } from './search-key-results';
import { searchWorkItems } from './search-work-items';
import { unlinkWorkItem } from './unlink-work-item';
import type { UseCase } from './use-case';
// Closing a period and rolling over (issue 12).
import { closePeriod, previewClose, reopenPeriod } from './close-period';
import { gradeKeyResult } from './grade-key-result';
import { previewRollover, rolloverPeriod } from './rollover';
// Measured values (SPEC §8)
import { getMeasureRuns } from './get-measure-runs';
import { measureDue } from './measure-due';
import { measureNow } from './measure-now';
import { previewMeasure } from './preview-measure';
// Authoring (issue 10 §1)
import { deleteKeyResult, deleteKpi, deletePeriod, deleteTeam } from './delete-parts';
import { getPlanOutline } from './get-plan-outline';
import { resolvePeople, searchPeople } from './people';
import { savePeriod } from './save-period';
import { saveTeam } from './save-team';
import { correctCheckIn, correctReading, deleteCheckIn, deleteReading, getReadings } from './correct-entries';
import { getDigest, getDigestSettings, saveDigestSettings } from './digest-use-cases';
import { getMyKeyResults } from './my-key-results';

export const USE_CASES: { [K in ApiName]: UseCase<K> } = {
  getPanel,
  searchKeyResults,
  searchWorkItems,
  linkWorkItem,
  unlinkWorkItem,
  checkIn,
  getBoard,
  getKeyResult,
  getKpis,
  recordReading,
  focusKpi,
  saveObjective,
  deleteObjective,
  saveKeyResult,
  saveKpi,
  importPlan,
  exportPlan,
  getPermissions,
  // Closing a period and rolling over (issue 12).
  previewClose,
  closePeriod,
  reopenPeriod,
  gradeKeyResult,
  previewRollover,
  rolloverPeriod,
  // Review page (issue 10 §3).
  getReview,
  // Measured values (SPEC §8)
  previewMeasure,
  measureNow,
  measureDue,
  getMeasureRuns,
  // Authoring (issue 10 §1)
  getPlanOutline,
  saveTeam,
  deleteTeam,
  savePeriod,
  deletePeriod,
  deleteKeyResult,
  deleteKpi,
  searchPeople,
  resolvePeople,
  // Cadence (issue 10 §2): corrections with an audit trail, My key results, the weekly digest.
  correctCheckIn,
  deleteCheckIn,
  getReadings,
  correctReading,
  deleteReading,
  getMyKeyResults,
  getDigest,
  getDigestSettings,
  saveDigestSettings,
};

export type { App } from './app-of';

export function createApp(deps: AppDeps): App {
  return createAppOf(USE_CASES, deps);
}
