import '../../../ui/theme/base.css';
import '../../../ui/theme/jira.css';
import '../hosts/atlassian-host.css';
import '../shell/workbench.css';
import { ThemeRoot } from '../../../ui/components/ThemeRoot';
import { mount } from '../shell/mount';
import { StartPage } from '../shell/StartPage';
import { WorkbenchBar } from '../shell/WorkbenchBar';

mount(
  <>
    <WorkbenchBar current="Start" />
    <ThemeRoot host="jira">
      <StartPage />
    </ThemeRoot>
  </>,
);
