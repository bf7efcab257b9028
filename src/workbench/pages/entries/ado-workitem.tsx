import '../../../ui/theme/base.css';
import '../../../ui/theme/ado.css';
import '../hosts/ado-host.css';
import '../frames/ado-frame.css';
import '../shell/workbench.css';
import { AdoWorkItemFrame } from '../frames/AdoWorkItemFrame';
import { mount } from '../shell/mount';
import { refFromPath } from '../shell/refs';
import { WorkbenchBar } from '../shell/WorkbenchBar';

const ref = refFromPath(window.location.pathname);

mount(
  <>
    <WorkbenchBar current="ADO work item" />
    {ref ? <AdoWorkItemFrame itemRef={ref} /> : <p role="alert">This address names no work item: use /ado/workitem/42.</p>}
  </>,
);
