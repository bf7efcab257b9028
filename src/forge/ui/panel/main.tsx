// jira:issuePanel — the OKR panel of the issue Jira shows: its KRs directly or through its epic.
import '../../../ui/theme/base.css';
import '../../../ui/theme/jira.css';
import '../forge.css';
import { OkrPanel } from '../../../ui/components/OkrPanel';
import { issueRef } from '../forge-context';
import { mountForge } from '../mount';

mountForge((context) =>
  context.issueKey ? (
    <OkrPanel itemRef={issueRef(context.issueKey)} />
  ) : (
    <p className="h-notice h-tone-warning" role="alert">
      This panel belongs on a Jira issue; Jira gave it none.
    </p>
  ),
);
