import '../../../ui/theme/base.css';
import '../../../ui/theme/jira.css';
import '../hosts/atlassian-host.css';
import '../frames/jira-frame.css';
import '../shell/workbench.css';
import { JiraIssueFrame } from '../frames/JiraIssueFrame';
import { mount } from '../shell/mount';
import { refFromPath } from '../shell/refs';
import { WorkbenchBar } from '../shell/WorkbenchBar';

const ref = refFromPath(window.location.pathname);

mount(
  <>
    <WorkbenchBar current="Jira issue" />
    {ref ? <JiraIssueFrame itemRef={ref} /> : <p role="alert">This address names no Jira issue: use /jira/browse/KEY-1.</p>}
  </>,
);
