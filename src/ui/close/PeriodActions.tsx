// The board's period actions for admins (issue 12): "Close quarter" opens the close review,
// "Reopen" undoes a close, "Start the next quarter" opens the rollover preview. The two screens
// are loaded only when opened, so the board's page weight does not grow with them.
import { lazy, Suspense, useState } from 'react';
import type { BoardView } from '../../app/api';
import { useApi } from '../client/api-context';
import { ErrorNotice } from '../components/ErrorNotice';
import { mayAdminister, usePermissions } from '../hooks/use-permissions';

const CloseReview = lazy(() => import('./CloseReview'));
const RolloverScreen = lazy(() => import('./RolloverScreen'));

export interface PeriodActionsProps {
  view: BoardView;
  /** The board's period filter, when one is chosen. */
  selected?: string;
  onChanged: () => Promise<void>;
  /** Shows a period on the board (after a rollover, the new one). */
  onShowPeriod?: (period: string) => void;
}

type Screen = 'none' | 'close' | 'rollover';

export function PeriodActions({ view, selected, onChanged, onShowPeriod }: PeriodActionsProps) {
  const api = useApi();
  const permissions = usePermissions();
  const [screen, setScreen] = useState<Screen>('none');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const period = currentPeriod(view, selected);
  if (!period || !mayAdminister(permissions)) return null;

  async function reopen(id: string) {
    setBusy(true);
    setError(undefined);
    try {
      await api('reopenPeriod', { period: id });
      await onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const done = async () => {
    setScreen('none');
    await onChanged();
  };

  return (
    <section className="h-period-actions" aria-label={`Actions on ${period.id}`}>
      <div className="h-actions">
        <span className="h-subtle">
          {period.id}
          {period.closed ? ` · closed on ${period.closed}` : ` · ${period.start} to ${period.end}`}
        </span>
        {period.closed === undefined ? (
          <button type="button" className="h-button" aria-expanded={screen === 'close'} onClick={() => setScreen(screen === 'close' ? 'none' : 'close')}>
            Close quarter
          </button>
        ) : (
          <>
            <button type="button" className="h-button" aria-expanded={screen === 'rollover'} onClick={() => setScreen(screen === 'rollover' ? 'none' : 'rollover')}>
              Start the next quarter
            </button>
            <button type="button" className="h-button h-button-subtle" disabled={busy} onClick={() => void reopen(period.id)}>
              Reopen {period.id}
            </button>
          </>
        )}
      </div>
      {error !== undefined && <ErrorNotice error={error} />}
      <Suspense fallback={<p className="h-subtle">Loading…</p>}>
        {screen === 'close' && period.closed === undefined && <CloseReview period={period.id} onDone={done} onCancel={() => setScreen('none')} />}
        {screen === 'rollover' && period.closed !== undefined && (
          <RolloverScreen
            period={period}
            onDone={async (to) => {
              await done();
              onShowPeriod?.(to);
            }}
            onCancel={() => setScreen('none')}
          />
        )}
      </Suspense>
    </section>
  );
}

/** The filtered period, else the one running at the board's date, else the latest. */
export function currentPeriod(view: BoardView, selected: string | undefined): BoardView['periods'][number] | undefined {
  if (selected !== undefined) return view.periods.find((p) => p.id === selected);
  return view.periods.find((p) => p.start <= view.at && view.at <= p.end) ?? [...view.periods].sort((a, b) => (a.end < b.end ? 1 : -1))[0];
}
