// One KR as the OKR panel shows it on a work item: progress with its words, status, the chain up
// to the company objective, what this item contributes, and the actions that apply to it.
import { OwnerName } from '../authoring/people';
import { lazy, Suspense, useId, useState } from 'react';
import type { PanelKeyResult } from '../../app/api';
import { keyResultKindLabel } from '../../core/model/key-result-kind';
import type { WorkItemRef } from '../../core/model/work-item';
import { plural } from '../format/numbers';
import { progressDetail } from '../format/progress-detail';
import { statusTone } from '../format/status';
import type { CheckInPayload } from '../forms/check-in-input';
import { mayCheckIn, usePermissions } from '../hooks/use-permissions';
import { CheckInForm } from './CheckInForm';
import { ObjectiveChain } from './ObjectiveChain';
import { ProgressBar } from './ProgressBar';
import { StatusPill } from './StatusPill';
import { WhyThisNumber } from './WhyThisNumber';
import { NeedsUpdate } from '../cadence/needs-update';
// Issue 11: measured values on the panel; loaded on first use to keep the panel's weight.
const MeasuredMark = lazy(() => import('../measure/MeasuredMark').then((m) => ({ default: m.MeasuredMark })));

export interface KeyResultCardProps {
  entry: PanelKeyResult;
  itemRef: WorkItemRef;
  onUnlink: (kr: string) => Promise<void>;
  onCheckIn: (kr: string, payload: CheckInPayload) => Promise<void>;
}

export function KeyResultCard({ entry, itemRef, onUnlink, onCheckIn }: KeyResultCardProps) {
  const { kr, objective, chain, via, contribution } = entry;
  const headingId = useId();
  const [checkingIn, setCheckingIn] = useState(false);
  const [unlinking, setUnlinking] = useState(false);
  const direct = via === itemRef;
  const canCheckIn = mayCheckIn(usePermissions(), kr.owner);

  async function unlink() {
    setUnlinking(true);
    try {
      await onUnlink(kr.id);
    } finally {
      setUnlinking(false);
    }
  }

  return (
    <article className="h-card" aria-labelledby={headingId} data-kr={kr.id}>
      <header className="h-card-header">
        <h3 id={headingId} className="h-card-title">
          <span className="h-kr-id">{kr.id}</span> {kr.title}
        </h3>
        <StatusPill status={kr.status} />
        <Suspense fallback={null}>{kr.type === 'outcome' && <MeasuredMark id={kr.id} />}</Suspense>
        {entry.needsUpdate && <NeedsUpdate message={entry.needsUpdate} />}
      </header>
      <ProgressBar value={kr.progress} expected={kr.expected} label={`${kr.id} progress`} detail={progressDetail(kr)} tone={statusTone(kr.status)} />
      <p className="h-meta">
        <span className="h-tag">{keyResultKindLabel(kr.type)}</span>
        {kr.owner && <span> · Owner <OwnerName id={kr.owner} /></span>}
        {direct ? <span> · Linked to this item</span> : <span> · Linked through {via}</span>}
      </p>
      {contribution && (
        <p className="h-contribution">
          This item contributes {contribution.done} of {plural(contribution.total, 'unit')} done
          {kr.type === 'effort' && kr.units.total > 0 ? ` (of the KR's ${kr.units.total})` : ''}.
        </p>
      )}
      <ObjectiveChain chain={chain.length > 0 ? chain : [{ id: objective.id, title: objective.title, team: objective.team, teamName: objective.team, kind: 'objective', progress: objective.progress, status: objective.status }]} />
      <WhyThisNumber kr={kr} />
      <div className="h-actions">
        {kr.type === 'outcome' && canCheckIn && (
          <button type="button" className="h-button" aria-expanded={checkingIn} onClick={() => setCheckingIn((v) => !v)}>
            {checkingIn ? 'Close check-in' : 'Check in'}
          </button>
        )}
        {direct && (
          <button type="button" className="h-button h-button-subtle" disabled={unlinking} aria-label={`Unlink ${itemRef} from ${kr.id}`} onClick={() => void unlink()}>
            {unlinking ? 'Unlinking…' : 'Unlink'}
          </button>
        )}
      </div>
      {kr.type === 'outcome' && canCheckIn && checkingIn && <CheckInForm kr={kr} announce={false} onSubmit={(payload) => onCheckIn(kr.id, payload)} />}
    </article>
  );
}
