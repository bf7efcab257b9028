// Contribution ms.vss-web.hub in the Boards hub group: the alignment board and the KPI readout.
import '../../ui/theme/base.css';
import '../../ui/theme/ado.css';
import '../host/page.css';
import { adoTracker } from '../host/ado-tracker';
import { USE_CASES } from '../../app/create-app';
import { mountExtension } from '../host/mount';
import { OkrHub } from './OkrHub';

mountExtension((host) => <OkrHub workItemHref={host.workItemHref} />, { useCases: USE_CASES, tracker: adoTracker });
