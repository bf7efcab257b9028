// The hub's two views behind a tab list (WAI-ARIA tabs: arrow keys move between tabs, only the
// selected tab is in the Tab order).
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { AlignmentBoard } from '../../ui/board/AlignmentBoard';
import type { WorkItemHref } from '../../ui/board/work-item-href';
import { KpiReadout } from '../../ui/kpi/KpiReadout';
import { MyKeyResults } from '../../ui/my/MyKeyResults';

const TABS = [
  { id: 'board', label: 'Alignment board' },
  { id: 'kpis', label: 'KPIs' },
  { id: 'mine', label: 'My key results' },
] as const;

type TabId = (typeof TABS)[number]['id'];

export function OkrHub({ workItemHref }: { workItemHref: WorkItemHref }) {
  const id = useId();
  const [tab, setTab] = useState<TabId>('board');
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

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
        {tab === 'board' && <AlignmentBoard workItemHref={workItemHref} />}
        {tab === 'kpis' && <KpiReadout />}
        {tab === 'mine' && <MyKeyResults />}
      </div>
    </div>
  );
}
