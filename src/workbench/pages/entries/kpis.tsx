import '../../../ui/theme/base.css';
import '../../../ui/theme/jira.css';
import '../../../ui/theme/ado.css';
import '../hosts/atlassian-host.css';
import '../hosts/ado-host.css';
import '../shell/workbench.css';
import { ThemeRoot } from '../../../ui/components/ThemeRoot';
import { KpiReadout } from '../../../ui/kpi/KpiReadout';
import { hostLook } from '../shell/host-look';
import { HostLookSwitch } from '../shell/HostLookSwitch';
import { mount } from '../shell/mount';
import { WorkbenchBar } from '../shell/WorkbenchBar';

const host = hostLook();
const team = new URLSearchParams(window.location.search).get('team') ?? undefined;

mount(
  <>
    <WorkbenchBar current="KPIs" />
    <ThemeRoot host={host} className="wb-page">
      <HostLookSwitch current={host} path="/kpis" />
      <KpiReadout team={team} />
    </ThemeRoot>
  </>,
);
