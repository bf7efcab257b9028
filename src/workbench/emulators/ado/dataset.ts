// What the Azure DevOps emulator serves: one organization, its projects, the process's work item
// types with their states, the work items, and the users with what each may see. Plain data, so
// tests and the workbench can write it inline or load it from JSON.

export type StateCategory = 'Proposed' | 'InProgress' | 'Resolved' | 'Completed' | 'Removed';

export const STATE_CATEGORIES: readonly StateCategory[] = ['Proposed', 'InProgress', 'Resolved', 'Completed', 'Removed'];

export interface DatasetState {
  name: string;
  category: StateCategory;
  /** Hex without `#`, as the service sends it (`b2b2b2`). */
  color: string;
}

export interface DatasetType {
  name: string;
  states: DatasetState[];
}

export interface DatasetUser {
  name: string;
  /** The personal access token that identifies this user (basic auth password). */
  pat: string;
  /** Projects this user sees whole. */
  projects?: string[];
  /** Area paths this user sees, each with everything under it (`Fabrikam\Web` covers `Fabrikam\Web\UI`). */
  areaPaths?: string[];
}

export interface DatasetWorkItem {
  id: number;
  type: string;
  title: string;
  state: string;
  parentId?: number;
  storyPoints?: number;
  effort?: number;
  size?: number;
  /** `System.Tags`, served as the service joins them: `a; b`. */
  tags?: string[];
  /** `Microsoft.VSTS.Common.Priority`: 1 (highest) to 4. */
  priority?: number;
  /** `Project\Area\Sub-area`; the first segment is the work item's project. */
  areaPath: string;
}

export interface AdoDataset {
  org: string;
  projects: string[];
  users: DatasetUser[];
  types: DatasetType[];
  workItems: DatasetWorkItem[];
}

/** The project a work item belongs to: the first segment of its area path. */
export function projectOf(areaPath: string): string {
  return areaPath.split('\\')[0] ?? areaPath;
}

/** Every problem in a dataset, or an empty list. */
export function datasetProblems(dataset: AdoDataset): string[] {
  const problems: string[] = [];
  const projects = new Set(dataset.projects.map((p) => p.toLowerCase()));
  const types = new Map(dataset.types.map((t) => [t.name.toLowerCase(), t]));
  const pats = new Set<string>();
  for (const user of dataset.users) {
    if (pats.has(user.pat)) problems.push(`users: two users share the token of ${user.name}`);
    pats.add(user.pat);
  }
  for (const type of dataset.types) {
    for (const state of type.states) {
      if (!STATE_CATEGORIES.includes(state.category)) {
        problems.push(`types.${type.name}: state ${state.name} has unknown category ${String(state.category)}`);
      }
    }
  }
  const ids = new Set<number>();
  for (const item of dataset.workItems) {
    if (!Number.isInteger(item.id) || item.id < 1) problems.push(`workItems: id ${item.id} is not a positive integer`);
    if (ids.has(item.id)) problems.push(`workItems: id ${item.id} appears twice`);
    ids.add(item.id);
  }
  const byId = new Map(dataset.workItems.map((w) => [w.id, w]));
  for (const item of dataset.workItems) {
    problems.push(...workItemProblems(item, byId, types, projects));
  }
  return problems;
}

/** Problems of one work item against the rest of the dataset (also used by the emulator's mutations). */
export function workItemProblems(
  item: DatasetWorkItem,
  byId: ReadonlyMap<number, DatasetWorkItem>,
  types: ReadonlyMap<string, DatasetType>,
  projects: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  const where = `workItems.${item.id}`;
  const type = types.get(item.type.toLowerCase());
  if (!type) problems.push(`${where}: unknown type ${item.type}`);
  else if (!type.states.some((s) => s.name.toLowerCase() === item.state.toLowerCase())) {
    problems.push(`${where}: ${item.type} has no state ${item.state}`);
  }
  if (!projects.has(projectOf(item.areaPath).toLowerCase())) {
    problems.push(`${where}: area path ${item.areaPath} is in no known project`);
  }
  if (item.parentId !== undefined) {
    if (!byId.has(item.parentId)) problems.push(`${where}: parent ${item.parentId} does not exist`);
    // Walk up: reaching the item again means the hierarchy has a cycle.
    const seen = new Set([item.id]);
    for (let p: number | undefined = item.parentId; p !== undefined; p = byId.get(p)?.parentId) {
      if (seen.has(p)) {
        problems.push(`${where}: parent chain loops back to ${p}`);
        break;
      }
      seen.add(p);
    }
  }
  return problems;
}
