// Contribution ms.vss-dashboards-web.widget: KPI health, or one objective's progress, on a dashboard.
import '../../ui/theme/base.css';
import '../../ui/theme/ado.css';
import '../host/page.css';
import * as SDK from 'azure-devops-extension-sdk';
import { adoTracker } from '../host/ado-tracker';
import { PAGE_USE_CASES } from '../host/page-use-cases';
import { mountExtension } from '../host/mount';
import { registerContribution } from '../host/register';
import { OkrWidget } from './OkrWidget';
import { WidgetController } from './widget-controller';

const controller = new WidgetController();

mountExtension(() => <OkrWidget controller={controller} />, {
  useCases: PAGE_USE_CASES,
  tracker: adoTracker,
  beforeRender: (host) => {
    controller.attach(host.client);
    registerContribution(SDK.getContributionId(), () => controller.widget());
  },
});
