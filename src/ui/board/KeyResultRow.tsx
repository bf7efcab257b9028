import { useId } from 'react';
import type { KeyResultReport } from '../../core/report/types';
import { ProgressBar } from '../components/ProgressBar';
import { StatusPill } from '../components/StatusPill';
import { progressDetail } from '../format/progress-detail';
import { statusTone } from '../format/status';
import { KeyResultDetails } from './KeyResultDetails';
import { NeedsUpdateFor } from '../cadence/needs-update';
import type { WorkItemHref } from './work-item-href';

export interface KeyResultRowProps {
  kr: KeyResultReport;
  open: boolean;
  onToggle: () => void;
  href?: WorkItemHref;
  onChanged: () => Promise<void>;
}

export function KeyResultRow({ kr, open, onToggle, href, onChanged }: KeyResultRowProps) {
  const id = useId();
  return (
    <li className="h-kr-row" data-kr={kr.id}>
      <div className="h-row">
        <span className="h-row-title">
          <span className="h-kr-id">{kr.id}</span> {kr.title}
          <span className="h-tag">{kr.type}</span>
          <NeedsUpdateFor subject={kr.id} />
        </span>
        <ProgressBar value={kr.progress} expected={kr.expected} label={`${kr.id} progress`} detail={progressDetail(kr)} tone={statusTone(kr.status)} />
        <StatusPill status={kr.status} />
        <button type="button" className="h-button h-button-subtle" aria-expanded={open} aria-controls={`${id}-details`} onClick={onToggle}>
          {open ? 'Hide items' : kr.type === 'effort' ? 'Contributing items' : 'Details'}
          <span className="h-sr-only"> of {kr.id}</span>
        </button>
      </div>
      <div id={`${id}-details`} hidden={!open}>
        {open && <KeyResultDetails kr={kr.id} href={href} onChanged={onChanged} />}
      </div>
    </li>
  );
}
