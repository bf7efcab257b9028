// Contribution ms.vss-dashboards-web.widget-configuration: the Harmony widget's settings pane.
import '../../ui/theme/base.css';
import '../../ui/theme/ado.css';
import '../host/page.css';
import * as SDK from 'azure-devops-extension-sdk';
import { adoTracker } from '../host/ado-tracker';
import { PAGE_USE_CASES } from '../host/page-use-cases';
import { mountExtension } from '../host/mount';
import { registerContribution } from '../host/register';
import { ConfigController } from './config-controller';
import { WidgetConfig } from './WidgetConfig';

const controller = new ConfigController();

mountExtension(() => <WidgetConfig controller={controller} />, {
  useCases: PAGE_USE_CASES,
  tracker: adoTracker,
  beforeRender: (host) => {
    controller.attach(host.client);
    registerContribution(SDK.getContributionId(), () => controller.configuration());
  },
  fitHeight: true,
});
