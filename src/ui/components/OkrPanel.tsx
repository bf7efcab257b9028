// The OKR panel of one work item: the Jira issue panel and the Azure DevOps work item form group
// are this same component under different themes. It talks only to the app API.
import { useEffect, useId, useState } from 'react';
import type { KeyResultHit, PanelView } from '../../app/api';
import type { WorkItemRef } from '../../core/model/work-item';
import type { KeyResultReport } from '../../core/report/types';
import { useApi } from '../client/api-context';
import { errorMessage, isConflict } from '../format/errors';
import { plural } from '../format/numbers';
import { keyResultChange } from '../format/progress-change';
import type { CheckInPayload } from '../forms/check-in-input';
import { useLoad } from '../hooks/use-load';
import { markReady } from '../perf/mark-ready';
import { AddKeyResultForItem } from '../authoring/AddKeyResultForItem';
import { Combobox } from './Combobox';
import { ErrorNotice } from './ErrorNotice';
import { KeyResultCard } from './KeyResultCard';

export interface OkrPanelProps {
  itemRef: WorkItemRef;
  /** The host frame may show the item's own fields from the same answer. */
  onLoaded?: (view: PanelView) => void;
  /** The host frame may say the item itself could not be shown (unknown key, no access). */
  onFailed?: (error: unknown) => void;
}

export function OkrPanel({ itemRef, onLoaded, onFailed }: OkrPanelProps) {
  const api = useApi();
  const id = useId();
  const [notice, setNotice] = useState<{ tone: 'danger' | 'success'; text: string }>();
  const [linkError, setLinkError] = useState<string>();
  const panel = useLoad(async () => {
    const view = await api('getPanel', { ref: itemRef }).catch((e: unknown) => {
      onFailed?.(e);
      throw e;
    });
    onLoaded?.(view);
    return view;
  }, [api, itemRef]);

  useEffect(() => {
    if (panel.status === 'ready') markReady('panel');
  }, [panel.status]);

  async function act(action: () => Promise<unknown>, done: string | undefined, more: () => string = () => ''): Promise<void> {
    setNotice(undefined);
    try {
      await action();
      if (done !== undefined) setNotice({ tone: 'success', text: done + more() });
      await panel.reload();
    } catch (error) {
      // A conflict means our copy is old: show the latest before the user tries again.
      if (isConflict(error)) await panel.reload();
      throw error;
    }
  }

  async function link(hit: KeyResultHit) {
    setLinkError(undefined);
    try {
      // Before/after (issue 10 §5): more work can lower the KR's share done; say so.
      const before = await api('getKeyResult', { kr: hit.id }).then((d) => d.kr, () => undefined);
      let after: KeyResultReport | undefined;
      await act(async () => (after = await api('linkWorkItem', { kr: hit.id, ref: itemRef })), `Linked ${itemRef} to ${hit.id}.`, () => (after ? ` ${keyResultChange(before, after)}` : ''));
    } catch (error) {
      setLinkError(errorMessage(error));
    }
  }

  async function unlink(kr: string) {
    try {
      await act(() => api('unlinkWorkItem', { kr, ref: itemRef }), `Unlinked ${itemRef} from ${kr}.`);
    } catch (error) {
      setNotice({ tone: 'danger', text: errorMessage(error) });
    }
  }

  // The panel's notice outlives the reload; the form then stays quiet: one success message per
  // check-in (issue 10 §5).
  const checkIn = (kr: string, payload: CheckInPayload) => act(() => api('checkIn', { kr, ...payload }), `Checked in on ${kr}.`);

  const view = panel.data;
  const direct = new Set(view?.keyResults.filter((k) => k.via === itemRef).map((k) => k.kr.id) ?? []);

  return (
    <section className="h-panel" aria-labelledby={`${id}-title`} data-state={panel.status} data-reloading={panel.status === 'ready' && panel.reloading ? 'true' : undefined} aria-busy={panel.status === 'loading'}>
      <header className="h-panel-header">
        <h2 id={`${id}-title`} className="h-panel-title">
          Key results
        </h2>
        {view && <span className="h-subtle">{plural(view.keyResults.length, 'key result')} · as of {view.at}</span>}
      </header>
      {panel.status === 'loading' && <p className="h-subtle">Loading key results…</p>}
      {panel.status === 'error' && <ErrorNotice error={panel.error} onRetry={() => void panel.reload()} />}
      {notice && (
        <p className={`h-notice h-tone-${notice.tone}`} role={notice.tone === 'danger' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      {view?.stale && <p className="h-notice h-tone-warning">Some progress is from the last stored snapshot; the tracker did not answer in time.</p>}
      {view && view.keyResults.length === 0 && <p className="h-empty">This item does not contribute to any key result yet. Link it to one below.</p>}
      {view && (
        <div className="h-card-list">
          {view.keyResults.map((entry) => (
            <KeyResultCard key={`${entry.kr.id}:${entry.via}`} entry={entry} itemRef={itemRef} onUnlink={unlink} onCheckIn={checkIn} />
          ))}
        </div>
      )}
      {view && (
        <div className="h-link-picker">
          <Combobox<KeyResultHit>
            label="Link to a key result"
            placeholder="Search key results by title or id"
            search={async (text) => (await api('searchKeyResults', { text, limit: 10 })).filter((hit) => !direct.has(hit.id))}
            optionKey={(hit) => hit.id}
            optionLabel={(hit) => `${hit.id} ${hit.title}`}
            optionDetail={(hit) => `${hit.objectiveTitle} · ${hit.team} · ${hit.period} · ${hit.type}`}
            onSelect={(hit) => void link(hit)}
            describedBy={linkError ? `${id}-link-error` : undefined}
            invalid={Boolean(linkError)}
          />
          {linkError && (
            <p id={`${id}-link-error`} className="h-field-error" role="alert">
              {linkError}
            </p>
          )}
        </div>
      )}
      {view && <AddKeyResultForItem itemRef={itemRef} itemWord={view.item.type?.toLowerCase() ?? 'item'} onChanged={panel.reload} />}
    </section>
  );
}
