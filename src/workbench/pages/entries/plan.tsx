// The workbench's plan file page: import a plan file to replace the stored plan, or export it,
// the same UI the Azure DevOps plan hub shows (the Forge admin page has its own form).
import '../../../ui/theme/base.css';
import '../../../ui/theme/jira.css';
import '../../../ui/theme/ado.css';
import '../hosts/atlassian-host.css';
import '../hosts/ado-host.css';
import '../shell/workbench.css';
import { ThemeRoot } from '../../../ui/components/ThemeRoot';
import { PlanTransfer } from '../../../ui/plan/PlanTransfer';
import { hostLook } from '../shell/host-look';
import { HostLookSwitch } from '../shell/HostLookSwitch';
import { mount } from '../shell/mount';
import { WorkbenchBar } from '../shell/WorkbenchBar';

const host = hostLook();

mount(
  <>
    <WorkbenchBar current="Plan file" />
    <ThemeRoot host={host} className="wb-page">
      <HostLookSwitch current={host} path="/plan" />
      <h1 className="h-page-title">OKR plan file</h1>
      <PlanTransfer />
    </ThemeRoot>
  </>,
);
