import { lazy, Suspense, useId } from 'react';
import type { KeyResultReport } from '../../core/report/types';
import { KeyResultActions } from '../authoring/KeyResultActions';
import { ProgressBar } from '../components/ProgressBar';
import { StatusPill } from '../components/StatusPill';
import { progressDetail } from '../format/progress-detail';
import { detailsButtonLabel } from '../format/kind-text';
import { statusTone } from '../format/status';
import { KeyResultScore } from '../close/KeyResultScore';
import { MeasuredMark } from '../measure/MeasuredMark';
import { NeedsUpdateFor } from '../cadence/needs-update';
import { OwnerName } from '../authoring/people';
import type { WorkItemHref } from './work-item-href';

// A KR's details (history chart, why-this-number, linking, measuring) load when first opened:
// on Azure DevOps the app runs in the page, and the board must open within its weight budget.
const KeyResultDetails = lazy(() => import('./KeyResultDetails').then((m) => ({ default: m.KeyResultDetails })));
const ClosedKeyResultDetails = lazy(() => import('../close/ClosedKeyResultDetails'));

export interface KeyResultRowProps {
  kr: KeyResultReport;
  open: boolean;
  onToggle: () => void;
  href?: WorkItemHref;
  onChanged: () => Promise<void>;
  /** Authoring: the version of the KR's objective, which an edit or delete names. */
  objectiveVersion?: string;
}

export function KeyResultRow({ kr, open, onToggle, href, onChanged, objectiveVersion }: KeyResultRowProps) {
  const id = useId();
  return (
    <li className="h-kr-row" data-kr={kr.id}>
      <div className="h-row">
        <span className="h-row-title">
          <span className="h-kr-id">{kr.id}</span> {kr.title}
          <span className="h-tag">{kr.type}</span>
          <MeasuredMark id={kr.id} />
          <NeedsUpdateFor subject={kr.id} />
          {kr.owner && <span className="h-subtle h-kr-owner"> · <OwnerName id={kr.owner} /></span>}
        </span>
        <ProgressBar value={kr.progress} expected={kr.expected} label={`${kr.id} progress`} detail={progressDetail(kr)} tone={statusTone(kr.status)} />
        <StatusPill status={kr.status} />
        <button type="button" className="h-button h-button-subtle" aria-expanded={open} aria-controls={`${id}-details`} onClick={onToggle}>
          {open ? 'Hide items' : detailsButtonLabel(kr)}
          <span className="h-sr-only"> of {kr.id}</span>
        </button>
      </div>
      <KeyResultScore kr={kr} />
      <KeyResultActions kr={kr} objectiveVersion={objectiveVersion} onChanged={onChanged} />
      <div id={`${id}-details`} hidden={!open}>
        {open && (
          <Suspense fallback={<p className="h-subtle">Loading…</p>}>
            {kr.score !== undefined ? <ClosedKeyResultDetails kr={kr.id} onChanged={onChanged} /> : <KeyResultDetails kr={kr.id} href={href} onChanged={onChanged} />}
          </Suspense>
        )}
      </div>
    </li>
  );
}
