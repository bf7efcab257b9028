import { useId } from 'react';
import type { BoardTeam } from '../../app/api';
import type { KeyResultReport } from '../../core/report/types';
import { ObjectiveActions } from '../authoring/ObjectiveActions';
import { OwnerName } from '../authoring/people';
import { ProgressBar } from '../components/ProgressBar';
import { StatusPill } from '../components/StatusPill';
import { plural } from '../format/numbers';
import { statusTone } from '../format/status';
import { KeyResultRow } from './KeyResultRow';
import { ObjectiveScore } from '../close/ObjectiveScore';
import type { WorkItemHref } from './work-item-href';

export interface ObjectiveRowProps {
  objective: BoardTeam['objectives'][number];
  keyResults: Record<string, KeyResultReport>;
  expanded: boolean;
  onToggle: () => void;
  openKr: string | undefined;
  onToggleKr: (kr: string) => void;
  href?: WorkItemHref;
  onChanged: () => Promise<void>;
}

export function ObjectiveRow(props: ObjectiveRowProps) {
  const { objective, keyResults, expanded, onToggle, openKr, onToggleKr, href, onChanged } = props;
  const id = useId();
  const krs = objective.keyResults.map((k) => keyResults[k]).filter((k): k is KeyResultReport => k !== undefined);
  return (
    <li className="h-objective" data-objective={objective.id}>
      <div className="h-row">
        <button type="button" className="h-disclosure" aria-expanded={expanded} aria-controls={`${id}-krs`} onClick={onToggle}>
          <span className="h-chevron" aria-hidden="true">
            {expanded ? '▾' : '▸'}
          </span>
          <span className="h-row-title">{objective.title}</span>
        </button>
        <ProgressBar value={objective.progress} expected={objective.expected} label={`${objective.title} progress`} detail={plural(krs.length, 'key result')} tone={statusTone(objective.status)} />
        <StatusPill status={objective.status} />
        <span className="h-subtle h-row-meta">
          {objective.period}
          {objective.owner ? <> · <OwnerName id={objective.owner} /></> : ''}
        </span>
      </div>
      <ObjectiveScore objective={objective} />
      {expanded && <ObjectiveActions objective={objective} onChanged={onChanged} />}
      <ul id={`${id}-krs`} className="h-kr-list" hidden={!expanded}>
        {expanded &&
          krs.map((kr) => <KeyResultRow key={kr.id} kr={kr} open={openKr === kr.id} onToggle={() => onToggleKr(kr.id)} href={href} onChanged={onChanged} objectiveVersion={objective.version} />)}
      </ul>
    </li>
  );
}
