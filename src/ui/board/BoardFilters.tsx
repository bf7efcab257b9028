// The board's filters (period, team, status, owner, text). Changes apply as they are made; the
// text filter waits for a pause in typing so a 1,000-objective board is not asked for per key.
import { usePeople } from '../authoring/people';
import { useEffect, useId, useState } from 'react';
import type { BoardFilters as Filters } from '../../app/api';
import type { Status } from '../../core/report/types';
import { statusLabel } from '../format/status';
import type { TeamOption } from './board-tree';

const STATUSES: Status[] = ['on-track', 'at-risk', 'off-track', 'done', 'not-started'];
const TEXT_DELAY_MS = 250;

export interface BoardFiltersProps {
  filters: Filters;
  periods: { id: string }[];
  teams: TeamOption[];
  owners: string[];
  onChange: (filters: Filters) => void;
}

export function BoardFilters({ filters, periods, teams, owners, onChange }: BoardFiltersProps) {
  const id = useId();
  const [text, setText] = useState(filters.text ?? '');

  useEffect(() => {
    if ((filters.text ?? '') === text) return;
    const timer = setTimeout(() => onChange({ ...filters, text: text === '' ? undefined : text }), TEXT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);

  const select = (name: 'period' | 'team' | 'status' | 'owner', label: string, options: { value: string; label: string }[]) => (
    <div className="h-field">
      <label className="h-label" htmlFor={`${id}-${name}`}>
        {label}
      </label>
      <select
        id={`${id}-${name}`}
        className="h-input"
        value={filters[name] ?? ''}
        onChange={(e) => onChange({ ...filters, [name]: e.target.value === '' ? undefined : e.target.value })}
      >
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  // Owners by name (one batched request for the whole list), the id where the host knows no one.
  const people = usePeople(owners);
  const active = Object.values(filters).some((v) => v !== undefined && v !== '');
  return (
    <form className="h-filters" role="search" aria-label="Filter the board" onSubmit={(e) => e.preventDefault()}>
      {select('period', 'Period', periods.map((p) => ({ value: p.id, label: p.id })))}
      {select('team', 'Team', teams.map((t) => ({ value: t.id, label: t.name })))}
      {select('status', 'Status', STATUSES.map((s) => ({ value: s, label: statusLabel(s) })))}
      {select('owner', 'Owner', owners.map((o) => ({ value: o, label: people.get(o)?.name ?? o })))}
      <div className="h-field h-field-grow">
        <label className="h-label" htmlFor={`${id}-text`}>
          Search
        </label>
        <input id={`${id}-text`} className="h-input" type="search" placeholder="Objective or key result" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="h-field h-field-end">
        <button
          type="button"
          className="h-button h-button-subtle"
          disabled={!active}
          onClick={() => {
            setText('');
            onChange({});
          }}
        >
          Clear filters
        </button>
      </div>
    </form>
  );
}
