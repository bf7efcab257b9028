// Contribution ms.vss-web.hub in the Boards hub group: the organization's plan file ("OKRs as
// code", SPEC §1): import one to replace the stored OKRs, or export them as YAML or JSON. It
// reads work items as the viewer: an import links only items its importer can see, and an
// export names only those.
import '../../ui/theme/base.css';
import '../../ui/theme/ado.css';
import '../host/page.css';
import { getPermissions } from '../../app/get-permissions';
import { planHubTracker } from '../host/plan-hub-tracker';
import { mountExtension } from '../host/mount';
import { PlanTransfer } from '../../ui/plan/PlanTransfer';

mountExtension(() => (
  <div className="ado-page">
    <h1 className="h-page-title">OKR plan file</h1>
    <PlanTransfer adminNote="Only project administrators may import a plan file. You may export it." />
  </div>
), {
  // Only what the page calls: the board's and panel's use cases stay out of its bundle. Import
  // and export, with the YAML library they need, load on the first click, so the page opens light.
  useCases: {
    getPermissions,
    importPlan: () => Promise.all([import('./provide-yaml'), import('../../app/import-plan')]).then(([, m]) => m.importPlan),
    exportPlan: () => Promise.all([import('./provide-yaml'), import('../../app/export-plan')]).then(([, m]) => m.exportPlan),
  },
  tracker: planHubTracker,
});
