// "Needs an update" (SPEC §7): where the stale-check-in or kpi-reading-overdue lint fires, the
// board row, the panel card and the KPI card carry a mark with the lint's own words. The board
// and the readout already hold their lints; they share them through this context so each row
// needs one line to show its mark.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Lint } from '../../core/report/types';

const CADENCE_CODES = new Set(['stale-check-in', 'kpi-reading-overdue']);

const NeedsUpdateContext = createContext<ReadonlyMap<string, string>>(new Map());

export function NeedsUpdateProvider({ lints, children }: { lints: readonly Lint[] | undefined; children: ReactNode }) {
  const bySubject = useMemo(() => new Map((lints ?? []).filter((l) => CADENCE_CODES.has(l.code)).map((l) => [l.subject, l.message])), [lints]);
  return <NeedsUpdateContext.Provider value={bySubject}>{children}</NeedsUpdateContext.Provider>;
}

/** The mark for a KR or KPI id, from the surrounding provider (nothing when it is up to date). */
export function NeedsUpdateFor({ subject }: { subject: string }) {
  const message = useContext(NeedsUpdateContext).get(subject);
  return message === undefined ? null : <NeedsUpdate message={message} />;
}

export function NeedsUpdate({ message }: { message: string }) {
  return (
    <span className="h-needs-update" title={message} data-needs-update="true">
      Needs an update<span className="h-sr-only">: {message}</span>
    </span>
  );
}
