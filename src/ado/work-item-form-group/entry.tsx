// Contribution ms.vss-work-web.work-item-form-group: Harmony's group on the work item form.
import '../../ui/theme/base.css';
import '../../ui/theme/ado.css';
import '../host/page.css';
import * as SDK from 'azure-devops-extension-sdk';
import { WorkItemTrackingServiceIds, type IWorkItemFormService } from 'azure-devops-extension-api/WorkItemTracking';
import { adoTracker } from '../host/ado-tracker';
import { PAGE_USE_CASES } from '../host/page-use-cases';
import { mountExtension } from '../host/mount';
import { FormEvents } from './form-events';
import { FormGroup } from './FormGroup';

const events = new FormEvents();

async function openItem(): Promise<{ id: number; isNew: boolean }> {
  const form = await SDK.getService<IWorkItemFormService>(WorkItemTrackingServiceIds.WorkItemFormService);
  const [id, isNew] = await Promise.all([form.getId(), form.isNew()]);
  return { id, isNew };
}

mountExtension(() => <FormGroup events={events} initial={openItem} />, {
  useCases: PAGE_USE_CASES,
  tracker: adoTracker,
  // The form calls the object registered under this contribution's id with its events.
  beforeRender: () => SDK.register(SDK.getContributionId(), () => events.listener()),
  fitHeight: true,
});
