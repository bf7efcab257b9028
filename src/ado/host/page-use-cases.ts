// The use cases of the Azure DevOps pages. The extension has no back end, so the app runs in the
// page and its code counts in the page's weight (150 KB gzipped when it opens,
// test/ado/bundle-size.test.ts). What a page needs as it opens (the panel, the board, the KPI
// readout, checking in, linking) is loaded with it; the use cases of screens a person opens on
// purpose (authoring, closing a quarter, the review, measuring, KPI focus) are loaded when first
// called. The plan file's two (import, export) live on the plan hub alone: they carry the YAML
// library. Typed over every other ApiName, so a new use case must be placed here.
import type { ApiName } from '../../app/api';
import type { UseCaseEntry, UseCases } from '../../app/app-of';
import { checkIn } from '../../app/check-in';
import { getBoard } from '../../app/get-board';
import { getKeyResult } from '../../app/get-key-result';
import { getKpis } from '../../app/get-kpis';
import { getPanel } from '../../app/get-panel';
import { getPermissions } from '../../app/get-permissions';
import { linkWorkItem } from '../../app/link-work-item';
import { resolvePeople } from '../../app/people';
import { recordReading } from '../../app/record-reading';
import { searchKeyResults } from '../../app/search-key-results';
import { searchWorkItems } from '../../app/search-work-items';
import { unlinkWorkItem } from '../../app/unlink-work-item';

type PageName = Exclude<ApiName, 'importPlan' | 'exportPlan'>;

export const PAGE_USE_CASES = {
  // Loaded with the page.
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
  getPermissions,
  resolvePeople,
  // Loaded when first called. Measuring runs just after the board opens (an editor's board
  // measures what is due) and its marks follow the board, so neither holds the board up.
  measureDue: () => import('../../app/measure-due').then((m) => m.measureDue),
  getMeasureRuns: () => import('../../app/get-measure-runs').then((m) => m.getMeasureRuns),
  focusKpi: () => import('../../app/focus-kpi').then((m) => m.focusKpi),
  saveObjective: () => import('../../app/save-objective').then((m) => m.saveObjective),
  deleteObjective: () => import('../../app/delete-objective').then((m) => m.deleteObjective),
  saveKeyResult: () => import('../../app/save-key-result').then((m) => m.saveKeyResult),
  saveKpi: () => import('../../app/save-kpi').then((m) => m.saveKpi),
  getPlanOutline: () => import('../../app/get-plan-outline').then((m) => m.getPlanOutline),
  saveTeam: () => import('../../app/save-team').then((m) => m.saveTeam),
  savePeriod: () => import('../../app/save-period').then((m) => m.savePeriod),
  deleteTeam: () => import('../../app/delete-parts').then((m) => m.deleteTeam),
  deletePeriod: () => import('../../app/delete-parts').then((m) => m.deletePeriod),
  deleteKeyResult: () => import('../../app/delete-parts').then((m) => m.deleteKeyResult),
  deleteKpi: () => import('../../app/delete-parts').then((m) => m.deleteKpi),
  searchPeople: () => import('../../app/people').then((m) => m.searchPeople),
  previewClose: () => import('../../app/close-period').then((m) => m.previewClose),
  closePeriod: () => import('../../app/close-period').then((m) => m.closePeriod),
  reopenPeriod: () => import('../../app/close-period').then((m) => m.reopenPeriod),
  gradeKeyResult: () => import('../../app/grade-key-result').then((m) => m.gradeKeyResult),
  previewRollover: () => import('../../app/rollover').then((m) => m.previewRollover),
  rolloverPeriod: () => import('../../app/rollover').then((m) => m.rolloverPeriod),
  getReview: () => import('../../app/get-review').then((m) => m.getReview),
  previewMeasure: () => import('../../app/preview-measure').then((m) => m.previewMeasure),
  measureNow: () => import('../../app/measure-now').then((m) => m.measureNow),
  getReadings: () => import('../../app/correct-entries').then((m) => m.getReadings),
  correctCheckIn: () => import('../../app/correct-entries').then((m) => m.correctCheckIn),
  deleteCheckIn: () => import('../../app/correct-entries').then((m) => m.deleteCheckIn),
  correctReading: () => import('../../app/correct-entries').then((m) => m.correctReading),
  deleteReading: () => import('../../app/correct-entries').then((m) => m.deleteReading),
  getMyKeyResults: () => import('../../app/my-key-results').then((m) => m.getMyKeyResults),
  getDigest: () => import('../../app/digest-use-cases').then((m) => m.getDigest),
  getDigestSettings: () => import('../../app/digest-use-cases').then((m) => m.getDigestSettings),
  saveDigestSettings: () => import('../../app/digest-use-cases').then((m) => m.saveDigestSettings),
} satisfies { [K in PageName]: UseCaseEntry<K> } satisfies UseCases;
