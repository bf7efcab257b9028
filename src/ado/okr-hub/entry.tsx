// Contribution ms.vss-web.hub in the Boards hub group: the alignment board and the KPI readout.
import '../../ui/theme/base.css';
import '../../ui/theme/ado.css';
import '../host/page.css';
import { adoTracker } from '../host/ado-tracker';
import { HUB_USE_CASES } from './hub-use-cases';
import { mountExtension } from '../host/mount';
import { OkrHub } from './OkrHub';

mountExtension((host) => <OkrHub workItemHref={host.workItemHref} />, { useCases: HUB_USE_CASES, tracker: adoTracker });
