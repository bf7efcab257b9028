// The hub's views behind a tab list (WAI-ARIA tabs: arrow keys move between tabs, only the
// selected tab is in the Tab order).
import { lazy, Suspense, useId, useRef, useState, type KeyboardEvent } from 'react';
import { AlignmentBoard } from '../../ui/board/AlignmentBoard';
import type { WorkItemHref } from '../../ui/board/work-item-href';
import { useMeasureOnOpen } from '../../ui/measure/use-measure-on-open';

// Review tab (issue 10 §3): loaded when opened, so the hub's first load does not carry it.
// The KPI tab too: the board is what the hub opens on.
const KpiReadout = lazy(() => import('../../ui/kpi/KpiReadout').then((m) => ({ default: m.KpiReadout })));
const ReviewPage = lazy(() => import('../../ui/review/ReviewPage').then((m) => ({ default: m.ReviewPage })));
const MyKeyResults = lazy(() => import('../../ui/my/MyKeyResults').then((m) => ({ default: m.MyKeyResults })));

const TABS = [
  { id: 'board', label: 'Alignment board' },
  { id: 'kpis', label: 'KPIs' },
  { id: 'review', label: 'Review' },
  { id: 'mine', label: 'My key results' },
] as const;

type TabId = (typeof TABS)[number]['id'];

export function OkrHub({ workItemHref }: { workItemHref: WorkItemHref }) {
  const id = useId();
  const [tab, setTab] = useState<TabId>('board');
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  // Measured values (SPEC §8): an editor's board measures what is due; new values remount the views.
  const measured = useMeasureOnOpen();

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = TABS.findIndex((t) => t.id === tab);
    const move = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (move === undefined) return;
    event.preventDefault();
    const nextIndex = (index + move + TABS.length) % TABS.length;
    setTab((TABS[nextIndex] as (typeof TABS)[number]).id);
    buttons.current[nextIndex]?.focus();
  }

  return (
    <div className="ado-page ado-hub">
      <div role="tablist" aria-label="Harmony OKRs" className="ado-tabs" onKeyDown={onKeyDown}>
        {TABS.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-${t.id}-tab`}
            aria-selected={tab === t.id}
            aria-controls={`${id}-${t.id}-panel`}
            tabIndex={tab === t.id ? 0 : -1}
            className={`ado-tab${tab === t.id ? ' ado-tab-selected' : ''}`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-${tab}-panel`} aria-labelledby={`${id}-${tab}-tab`} className="ado-tabpanel">
        {tab === 'board' && <AlignmentBoard refresh={measured} workItemHref={workItemHref} />}
        {tab === 'kpis' && <Suspense fallback={<p className="h-subtle">Loading the KPIs…</p>}><KpiReadout refresh={measured} /></Suspense>}
        {tab === 'review' && <Suspense fallback={<p className="h-subtle">Loading the review…</p>}><ReviewPage /></Suspense>}
        {tab === 'mine' && <Suspense fallback={<p className="h-subtle">Loading your key results…</p>}><MyKeyResults /></Suspense>}
      </div>
    </div>
  );
}
