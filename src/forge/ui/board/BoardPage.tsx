// The app's global and project page: the alignment board and the monthly review behind tabs
// (Forge gives an app one global page). The review is loaded only when its tab is opened, so
// the board's first paint does not carry it. On a project page both open on the project's team.
import { lazy, Suspense } from 'react';
import { AlignmentBoard } from '../../../ui/board/AlignmentBoard';
import { PageTabs } from '../../../ui/components/PageTabs';
import { jiraIssueHref } from './jira-href';
import { ProjectBoard } from './ProjectBoard';

const ReviewPage = lazy(() => import('../../../ui/review/ReviewPage').then((m) => ({ default: m.ReviewPage })));

export function BoardPage({ projectKey }: { projectKey?: string }) {
  return (
    <PageTabs
      label="Harmony OKRs"
      tabs={[
        { id: 'board', label: 'Alignment board', render: () => (projectKey ? <ProjectBoard projectKey={projectKey} /> : <AlignmentBoard workItemHref={jiraIssueHref} />) },
        {
          id: 'review',
          label: 'Review',
          render: () => (
            <Suspense fallback={<p className="h-subtle">Loading the review…</p>}>
              <ReviewPage {...(projectKey ? { teamHint: projectKey.toLowerCase() } : {})} />
            </Suspense>
          ),
        },
      ]}
    />
  );
}
