// Contribution ms.vss-web.hub in the Boards hub group: the alignment board and the KPI readout.
import '../../ui/theme/base.css';
import '../../ui/theme/ado.css';
import '../host/page.css';
import { adoTracker } from '../host/ado-tracker';
import { PAGE_USE_CASES } from '../host/page-use-cases';
import { mountExtension } from '../host/mount';
import { OkrHub } from './OkrHub';

mountExtension((host) => <OkrHub workItemHref={host.workItemHref} />, { useCases: PAGE_USE_CASES, tracker: adoTracker });
