// jira:globalPage (board) and jira:projectPage — the alignment board, filtered to the project's
// team on a project page.
import '../../../ui/theme/base.css';
import '../../../ui/theme/jira.css';
import '../forge.css';
import { AlignmentBoard } from '../../../ui/board/AlignmentBoard';
import { MyKeyResults } from '../../../ui/my/MyKeyResults';
import { mountForge } from '../mount';
import { jiraIssueHref } from './jira-href';
import { ProjectBoard } from './ProjectBoard';

mountForge((context) => (
  <div className="hf-page">{context.projectKey ? <ProjectBoard projectKey={context.projectKey} /> : <><MyKeyResults /><AlignmentBoard workItemHref={jiraIssueHref} /></>}</div>
));
