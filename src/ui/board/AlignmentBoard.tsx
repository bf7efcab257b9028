// The alignment board for portfolio managers: team → objective → KR with progress and status,
// filters, expand/collapse, a KR's contributing items and burn-up, and the coach.
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { BoardFilters as Filters } from '../../app/api';
import { useApi } from '../client/api-context';
import { AuthoringToolbar } from '../authoring/AuthoringToolbar';
import { ErrorNotice } from '../components/ErrorNotice';
import { plural } from '../format/numbers';
import { useLoad } from '../hooks/use-load';
import { markReady } from '../perf/mark-ready';
import { BoardFilters } from './BoardFilters';
import { mergeTeamOptions, objectiveCount, teamRows, type TeamOption } from './board-tree';
import { CoachList } from './CoachList';
import { LineageContext } from '../close/lineage-context';
import { PeriodActions } from '../close/PeriodActions';
import { NeedsUpdateProvider } from '../cadence/needs-update';
import { ObjectiveRow } from './ObjectiveRow';
import type { WorkItemHref } from './work-item-href';

export interface AlignmentBoardProps {
  initialFilters?: Filters;
  /** Lets the host keep filters in its URL. */
  onFiltersChange?: (filters: Filters) => void;
  workItemHref?: WorkItemHref;
  /** Changes when the host knows the numbers moved (values measured as the page opened): reload in place. */
  refresh?: number;
}

export function AlignmentBoard({ initialFilters = {}, onFiltersChange, workItemHref, refresh = 0 }: AlignmentBoardProps) {
  const api = useApi();
  const id = useId();
  const [filters, setFilters] = useState<Filters>(initialFilters);
  const [teamOptions, setTeamOptions] = useState<TeamOption[]>([]);
  const [collapsedTeams, setCollapsedTeams] = useState<ReadonlySet<string>>(new Set());
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [openKr, setOpenKr] = useState<string>();
  const board = useLoad(() => api('getBoard', filters), [api, filters, refresh]);
  const view = board.data;

  useEffect(() => {
    if (board.status !== 'ready') return;
    markReady('board');
    setTeamOptions((known) => mergeTeamOptions(known, board.data));
  }, [board.status, board.data]);

  const changeFilters = useCallback(
    (next: Filters) => {
      setFilters(next);
      onFiltersChange?.(next);
    },
    [onFiltersChange],
  );

  const rows = useMemo(() => (view ? teamRows(view) : []), [view]);
  const toggle = (set: ReadonlySet<string>, key: string) => {
    const next = new Set(set);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return next;
  };

  const expandAll = () => {
    setCollapsedTeams(new Set());
    setExpanded(new Set(view?.teams.flatMap((t) => t.objectives.map((o) => o.id)) ?? []));
  };
  const collapseAll = () => {
    setExpanded(new Set());
    setOpenKr(undefined);
  };

  return (
    <NeedsUpdateProvider lints={view?.lints}>
    <div className="h-board" data-state={board.status} data-reloading={board.status === 'ready' && board.reloading ? 'true' : undefined}>
      <div className="h-board-main">
        <header className="h-board-header">
          <h1 className="h-page-title">Alignment board</h1>
          {view && (
            <span className="h-subtle" role="status">
              {plural(objectiveCount(view), 'objective')} in {plural(view.teams.length, 'team')} · as of {view.at}
            </span>
          )}
        </header>
        <BoardFilters
          filters={filters}
          periods={view?.periods ?? []}
          teams={teamOptions}
          owners={view?.owners ?? []}
          onChange={changeFilters}
        />
        {view && <PeriodActions view={view} selected={filters.period} onChanged={board.reload} onShowPeriod={(period) => changeFilters({ ...filters, period })} />}
        <div className="h-actions">
          <button type="button" className="h-button h-button-subtle" onClick={expandAll} disabled={!view}>
            Expand all
          </button>
          <button type="button" className="h-button h-button-subtle" onClick={collapseAll} disabled={!view}>
            Collapse all
          </button>
        </div>
        <AuthoringToolbar onChanged={board.reload} />
        {board.status === 'loading' && <p className="h-subtle">Loading the board…</p>}
        {board.status === 'error' && <ErrorNotice error={board.error} onRetry={() => void board.reload()} />}
        {view && view.teams.length === 0 && <p className="h-empty">No objectives match these filters.</p>}
        <LineageContext.Provider value={view?.lineage}>
        {view && (
          <ul className="h-tree" aria-label="Teams and their objectives">
            {rows.map(({ team, depth }) => {
              const open = !collapsedTeams.has(team.id);
              return (
                <li key={team.id} className="h-team" data-team={team.id} style={{ marginInlineStart: `${depth * 20}px` }}>
                  <div className="h-team-header">
                    <h2 className="h-team-name">
                      <button
                        type="button"
                        className="h-disclosure"
                        aria-expanded={open}
                        aria-controls={`${id}-team-${team.id}`}
                        onClick={() => setCollapsedTeams((s) => toggle(s, team.id))}
                      >
                        <span className="h-chevron" aria-hidden="true">
                          {open ? '▾' : '▸'}
                        </span>
                        {team.name}
                      </button>
                    </h2>
                    <span className="h-subtle">{plural(team.objectives.length, 'objective')}</span>
                  </div>
                  <ul id={`${id}-team-${team.id}`} className="h-objective-list" hidden={!open}>
                    {open &&
                      team.objectives.map((objective) => (
                        <ObjectiveRow
                          key={objective.id}
                          objective={objective}
                          keyResults={view.keyResults}
                          expanded={expanded.has(objective.id)}
                          onToggle={() => setExpanded((s) => toggle(s, objective.id))}
                          openKr={openKr}
                          onToggleKr={(kr) => setOpenKr((current) => (current === kr ? undefined : kr))}
                          href={workItemHref}
                          onChanged={board.reload}
                        />
                      ))}
                  </ul>
                </li>
              );
            })}
          </ul>
        )}
        </LineageContext.Provider>
      </div>
      <aside className="h-board-side">{view && <CoachList lints={view.lints} />}</aside>
    </div>
    </NeedsUpdateProvider>
  );
}
