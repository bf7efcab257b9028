// Team hierarchy helpers for filters and the board's tree.
import type { Team } from './plan';

/** A team and every team below it: filtering by a team shows its whole branch. */
export function teamSubtree(teams: readonly Team[], root: string): Set<string> {
  const children = childrenOf(teams);
  const out = new Set<string>();
  const stack = [root];
  while (stack.length) {
    const id = stack.pop() as string;
    if (out.has(id)) continue;
    out.add(id);
    for (const c of children.get(id) ?? []) stack.push(c.id);
  }
  return out;
}

/** Parents before children, siblings in plan order. */
export function treeOrder(teams: readonly Team[]): Team[] {
  const children = childrenOf(teams);
  const out: Team[] = [];
  const seen = new Set<string>();
  const visit = (list: readonly Team[]) => {
    for (const t of list) {
      if (seen.has(t.id)) continue;
      seen.add(t.id);
      out.push(t);
      visit(children.get(t.id) ?? []);
    }
  };
  const ids = new Set(teams.map((t) => t.id));
  visit(teams.filter((t) => t.parent === undefined || !ids.has(t.parent)));
  return out;
}

function childrenOf(teams: readonly Team[]): Map<string, Team[]> {
  const children = new Map<string, Team[]>();
  for (const t of teams) {
    if (t.parent === undefined) continue;
    const list = children.get(t.parent);
    if (list) list.push(t);
    else children.set(t.parent, [t]);
  }
  return children;
}
