// The review's filters: a team (with the teams below it) and a period (default: those running).
import { useId } from 'react';
import type { ReviewView } from '../../app/api';

export interface ReviewFilterValues {
  team?: string;
  period?: string;
}

export function ReviewFilters({ view, filters, onChange }: { view: Pick<ReviewView, 'teams' | 'periods'>; filters: ReviewFilterValues; onChange: (f: ReviewFilterValues) => void }) {
  const id = useId();
  const depth = depthOf(view.teams);
  return (
    <form className="h-filters h-no-print" role="search" aria-label="Filter the review" onSubmit={(e) => e.preventDefault()}>
      <div className="h-field">
        <label className="h-label" htmlFor={`${id}-team`}>
          Team
        </label>
        <select id={`${id}-team`} className="h-input" value={filters.team ?? ''} onChange={(e) => onChange({ ...filters, team: e.target.value || undefined })}>
          <option value="">All teams</option>
          {view.teams.map((t) => (
            <option key={t.id} value={t.id}>
              {'\u00a0\u00a0'.repeat(depth.get(t.id) ?? 0)}
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <div className="h-field">
        <label className="h-label" htmlFor={`${id}-period`}>
          Period
        </label>
        <select id={`${id}-period`} className="h-input" value={filters.period ?? ''} onChange={(e) => onChange({ ...filters, period: e.target.value || undefined })}>
          <option value="">Running now</option>
          {view.periods.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id} ({p.start} to {p.end})
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

/** How deep each team sits below a root, to indent the list as the tree it is. */
function depthOf(teams: ReviewView['teams']): Map<string, number> {
  const parent = new Map(teams.map((t) => [t.id, t.parent]));
  const depth = new Map<string, number>();
  for (const t of teams) {
    let d = 0;
    const seen = new Set<string>();
    for (let p = t.parent; p !== undefined && !seen.has(p); p = parent.get(p)) {
      seen.add(p);
      d += 1;
    }
    depth.set(t.id, d);
  }
  return depth;
}
