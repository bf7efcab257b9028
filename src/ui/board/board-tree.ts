// Shapes the board's answer for drawing: each team's depth in the team tree (teams arrive
// parents first, SPEC's team parents) and the team options the filter offers.
import type { BoardTeam, BoardView } from '../../app/api';

export interface TeamRow {
  team: BoardTeam;
  depth: number;
}

export function teamRows(view: BoardView): TeamRow[] {
  const byId = new Map(view.teams.map((t) => [t.id, t]));
  const depthOf = (team: BoardTeam, seen = new Set<string>()): number => {
    if (!team.parent || seen.has(team.id)) return 0;
    seen.add(team.id);
    const parent = byId.get(team.parent);
    return parent ? depthOf(parent, seen) + 1 : 0;
  };
  return view.teams.map((team) => ({ team, depth: depthOf(team) }));
}

export interface TeamOption {
  id: string;
  name: string;
}

/**
 * The team filter's options. A filtered answer lists only matching teams, so options seen in
 * earlier answers are kept (in first-seen order) rather than shrinking the list under the user.
 */
export function mergeTeamOptions(known: readonly TeamOption[], view: BoardView): TeamOption[] {
  const ids = new Set(known.map((t) => t.id));
  const added = view.teams.filter((t) => !ids.has(t.id)).map((t) => ({ id: t.id, name: t.name }));
  return added.length === 0 ? [...known] : [...known, ...added];
}

export function objectiveCount(view: BoardView): number {
  return view.teams.reduce((n, t) => n + t.objectives.length, 0);
}
