// The hub's use cases: every one but the plan file's (importPlan, exportPlan), which the plan
// hub page serves. Their parsing and export code would push this page past its weight budget
// (150 KB gzipped, test/ado/bundle-size.test.ts) for calls the board never makes. Typed over
// every other ApiName, so a new use case must be added here (or excluded, saying why).
import type { ApiName } from '../../app/api';
import type { UseCases } from '../../app/app-of';
import { checkIn } from '../../app/check-in';
import { deleteObjective } from '../../app/delete-objective';
import { deleteKeyResult, deleteKpi, deletePeriod, deleteTeam } from '../../app/delete-parts';
import { focusKpi } from '../../app/focus-kpi';
import { getBoard } from '../../app/get-board';
import { getKeyResult } from '../../app/get-key-result';
import { getKpis } from '../../app/get-kpis';
import { getPanel } from '../../app/get-panel';
import { getPermissions } from '../../app/get-permissions';
import { getPlanOutline } from '../../app/get-plan-outline';
import { linkWorkItem } from '../../app/link-work-item';
import { resolvePeople, searchPeople } from '../../app/people';
import { recordReading } from '../../app/record-reading';
import { saveKeyResult } from '../../app/save-key-result';
import { saveKpi } from '../../app/save-kpi';
import { saveObjective } from '../../app/save-objective';
import { savePeriod } from '../../app/save-period';
import { saveTeam } from '../../app/save-team';
import { searchKeyResults } from '../../app/search-key-results';
import { searchWorkItems } from '../../app/search-work-items';
import { unlinkWorkItem } from '../../app/unlink-work-item';
import type { UseCase } from '../../app/use-case';
import { closePeriod, previewClose, reopenPeriod } from '../../app/close-period';
import { gradeKeyResult } from '../../app/grade-key-result';
import { previewRollover, rolloverPeriod } from '../../app/rollover';
import { getReview } from '../../app/get-review';
import { getMeasureRuns } from '../../app/get-measure-runs';
import { measureDue } from '../../app/measure-due';
import { measureNow } from '../../app/measure-now';
import { previewMeasure } from '../../app/preview-measure';

type HubName = Exclude<ApiName, 'importPlan' | 'exportPlan'>;

export const HUB_USE_CASES = {
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
  getPermissions,
  getPlanOutline,
  saveTeam,
  deleteTeam,
  savePeriod,
  deletePeriod,
  deleteKeyResult,
  deleteKpi,
  searchPeople,
  resolvePeople,
  previewClose,
  closePeriod,
  reopenPeriod,
  gradeKeyResult,
  previewRollover,
  rolloverPeriod,
  getReview,
  previewMeasure,
  measureNow,
  measureDue,
  getMeasureRuns,
} satisfies { [K in HubName]: UseCase<K> } satisfies UseCases;
