// An Azure DevOps work item form around the OKR group: the title bar with the work item type's
// colour, id and title, state and reason, the Details page's columns, and the extension's
// work-item-form-group in the right-hand column. Only this frame knows it imitates ADO.
import { useState } from 'react';
import type { PanelView } from '../../../app/api';
import { parseRef, type WorkItemRef } from '../../../core/model/work-item';
import { isApiError } from '../../../ui/client/api-error';
import { OkrPanel } from '../../../ui/components/OkrPanel';
import { ThemeRoot } from '../../../ui/components/ThemeRoot';
import { frameHref } from '../shell/refs';
import { adoState } from './tracker-words';

function typeClass(type: string | undefined): string {
  switch (type ?? '') {
    case 'Epic':
      return 'af-type-epic';
    case 'Feature':
      return 'af-type-feature';
    case 'Bug':
      return 'af-type-bug';
    default:
      return 'af-type-story';
  }
}

export function AdoWorkItemFrame({ itemRef }: { itemRef: WorkItemRef }) {
  const [view, setView] = useState<PanelView>();
  // Azure DevOps says so when a work item does not exist (or may not be seen); so does this frame.
  const [missing, setMissing] = useState(false);
  const id = parseRef(itemRef)?.id ?? itemRef;
  const item = view?.item;
  const parent = view?.ancestors[0];
  return (
    <div className="af">
      <header className="af-topbar">
        <span className="af-logo" aria-hidden="true">
          ▲
        </span>
        <span>Azure DevOps</span>
        <span className="af-crumb">rain-town-tea / Tea Platform / Boards / Work items</span>
      </header>
      <main className={`af-form ${typeClass(item?.type)}`}>
        <div className="af-titlebar">
          <p className="af-type">{(item?.type ?? 'Work item').toUpperCase()}</p>
          <h1 className="af-title">
            <span className="af-id">{id}</span> {item?.title ?? ''}
          </h1>
          <div className="af-state-row">
            <span className="af-state">
              <span className={`af-state-dot af-state-${item?.status ?? 'todo'}`} aria-hidden="true" />
              State <strong>{item ? adoState(item.status) : '…'}</strong>
            </span>
            <span>Area <strong>Tea Platform</strong></span>
            <span>Iteration <strong>2026 Q4</strong></span>
          </div>
          <div className="af-tabs" role="presentation">
            <span className="af-tab-active">Details</span>
            <span>History</span>
            <span>Links</span>
          </div>
        </div>
        {missing && (
          <p className="af-missing" role="alert">
            Work item {id} does not exist, or you do not have permissions to read it.
          </p>
        )}
        <div className="af-columns">
          <section className="af-column" aria-label="Description">
            <h2 className="af-group-title">Description</h2>
            <p className="af-muted">{item ? `${item.type ?? 'Work item'} ${id}.` : missing ? '' : 'Loading the work item…'}</p>
          </section>
          <section className="af-column" aria-label="Planning">
            <h2 className="af-group-title">Planning</h2>
            <dl className="af-fields">
              <dt>Story Points</dt>
              <dd>{item?.estimate ?? '—'}</dd>
              <dt>Parent</dt>
              <dd>{parent ? <a href={frameHref(parent.ref) ?? '#'}>{parent.title ?? parent.ref}</a> : '—'}</dd>
            </dl>
          </section>
          <section className="af-column af-okr-group" aria-label="Harmony OKRs group">
            <h2 className="af-group-title">Harmony OKRs</h2>
            <ThemeRoot host="ado">
              <OkrPanel itemRef={itemRef} onLoaded={setView} onFailed={(e) => setMissing(isApiError(e) && e.code === 'not-found')} />
            </ThemeRoot>
          </section>
        </div>
      </main>
    </div>
  );
}
