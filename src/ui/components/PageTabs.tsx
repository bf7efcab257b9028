// Views of one page behind a tab list (WAI-ARIA tabs: arrow keys, Home and End move between tabs;
// only the selected tab is in the Tab order). Used where a host gives the app one page for
// several views (Forge allows one global page per app).
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface PageTab {
  id: string;
  label: string;
  render: () => ReactNode;
}

export function PageTabs({ tabs, label, initial }: { tabs: readonly PageTab[]; label: string; initial?: string }) {
  const id = useId();
  const [selected, setSelected] = useState(initial ?? tabs[0]?.id);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const current = tabs.find((t) => t.id === selected) ?? tabs[0];

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((t) => t.id === current?.id);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const wrapped = (next + tabs.length) % tabs.length;
    setSelected(tabs[wrapped]?.id);
    buttons.current[wrapped]?.focus();
  }

  return (
    <>
      <div role="tablist" aria-label={label} className="h-tabs" onKeyDown={onKeyDown}>
        {tabs.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-${t.id}-tab`}
            aria-selected={t.id === current?.id}
            aria-controls={`${id}-${t.id}-panel`}
            tabIndex={t.id === current?.id ? 0 : -1}
            className="h-tab"
            onClick={() => setSelected(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {current && (
        <div role="tabpanel" id={`${id}-${current.id}-panel`} aria-labelledby={`${id}-${current.id}-tab`}>
          {current.render()}
        </div>
      )}
    </>
  );
}
