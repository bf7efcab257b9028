// The dashboard gadget: KPI health and objective progress for one team (or all), as configured.
import { AlignmentBoard } from '../../../ui/board/AlignmentBoard';
import { KpiReadout } from '../../../ui/kpi/KpiReadout';
import { jiraIssueHref } from '../board/jira-href';
import type { GadgetConfig } from '../forge-context';

export function GadgetView({ config }: { config: GadgetConfig }) {
  return (
    <div className="hf-gadget">
      {config.show.kpis && <KpiReadout {...(config.team ? { team: config.team } : {})} />}
      {config.show.objectives && (
        <div className="hf-section">
          <AlignmentBoard initialFilters={config.team ? { team: config.team } : {}} workItemHref={jiraIssueHref} />
        </div>
      )}
    </div>
  );
}
