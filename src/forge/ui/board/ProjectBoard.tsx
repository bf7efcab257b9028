// The board on a project page, filtered to the project's team: the team whose id is the project
// key (project CS ↔ team `cs`), with its sub-teams. A project with no such team sees every team,
// and is told why, rather than an empty board.
import { AlignmentBoard } from '../../../ui/board/AlignmentBoard';
import { useApi } from '../../../ui/client/api-context';
import { ErrorNotice } from '../../../ui/components/ErrorNotice';
import { useLoad } from '../../../ui/hooks/use-load';
import { jiraIssueHref } from './jira-href';

export function ProjectBoard({ projectKey }: { projectKey: string }) {
  const api = useApi();
  const team = projectKey.toLowerCase();
  const probe = useLoad(async () => (await api('getBoard', { team })).teams.some((t) => t.id === team), [api, team]);
  if (probe.status === 'loading') return <p className="h-subtle">Loading the board…</p>;
  if (probe.status === 'error') return <ErrorNotice error={probe.error} onRetry={() => void probe.reload()} />;
  return probe.data ? (
    <AlignmentBoard initialFilters={{ team }} workItemHref={jiraIssueHref} />
  ) : (
    <>
      <p className="h-notice h-tone-info" role="status">
        No team has the id “{team}” of project {projectKey}, so the board shows every team. Name a team after the project key in the plan to see only its objectives here.
      </p>
      <AlignmentBoard workItemHref={jiraIssueHref} />
    </>
  );
}
