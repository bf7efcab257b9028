// jira:globalPage (board) and jira:projectPage — the alignment board (filtered to the project's
// team on a project page) and the monthly review.
import '../../../ui/theme/base.css';
import '../../../ui/theme/jira.css';
import '../forge.css';
import { MyKeyResults } from '../../../ui/my/MyKeyResults';
import { mountForge } from '../mount';
import { BoardPage } from './BoardPage';

mountForge((context) => (
  <div className="hf-page">
    {context.projectKey ? null : <MyKeyResults />}
    <BoardPage {...(context.projectKey ? { projectKey: context.projectKey } : {})} />
  </div>
));
