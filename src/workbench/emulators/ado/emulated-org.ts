// The live state behind the emulator: the dataset's work items with revision numbers and change
// dates, who may see what, and the mutations tests and the workbench apply. Every change is
// checked against the dataset rules first, so the emulator never serves an impossible hierarchy.
import { createHash } from 'node:crypto';
import {
  datasetProblems,
  projectOf,
  workItemProblems,
  type AdoDataset,
  type DatasetState,
  type DatasetType,
  type DatasetUser,
  type DatasetWorkItem,
} from './dataset';

export interface StoredWorkItem extends DatasetWorkItem {
  rev: number;
  createdDate: string;
  changedDate: string;
}

/** A stable GUID-shaped id for a project name, as the service puts project ids in work item URLs. */
export function projectId(name: string): string {
  const h = createHash('sha1').update(`project:${name.toLowerCase()}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export class EmulatedOrg {
  readonly org: string;
  private readonly projects: string[];
  private readonly users: DatasetUser[];
  private readonly types: Map<string, DatasetType>;
  private readonly items = new Map<number, StoredWorkItem>();
  /** Parent id → child ids, built on first use and dropped on every change. */
  private childIndex: Map<number, number[]> | undefined;
  private clock: number;

  constructor(dataset: AdoDataset, now: Date = new Date('2024-07-01T08:00:00Z')) {
    const problems = datasetProblems(dataset);
    if (problems.length > 0) throw new Error(`invalid Azure DevOps emulator dataset:\n  ${problems.join('\n  ')}`);
    // Copies: the caller's object stays as it was, whatever tests do to the emulator.
    const copy = structuredClone(dataset);
    this.org = copy.org;
    this.projects = copy.projects;
    this.users = copy.users;
    this.types = new Map(copy.types.map((t) => [t.name.toLowerCase(), t]));
    this.clock = now.getTime();
    const stamp = now.toISOString();
    for (const item of copy.workItems) this.items.set(item.id, { ...item, rev: 1, createdDate: stamp, changedDate: stamp });
  }

  userByPat(pat: string): DatasetUser | undefined {
    return this.users.find((u) => u.pat === pat);
  }

  project(name: string): string | undefined {
    return this.projects.find((p) => p.toLowerCase() === name.toLowerCase() || projectId(p) === name.toLowerCase());
  }

  type(project: string, name: string): DatasetType | undefined {
    // One process for every project: the types are the same wherever they are asked for.
    return this.project(project) ? this.types.get(name.toLowerCase()) : undefined;
  }

  stateOf(item: DatasetWorkItem): DatasetState | undefined {
    return this.types.get(item.type.toLowerCase())?.states.find((s) => s.name.toLowerCase() === item.state.toLowerCase());
  }

  canSee(user: DatasetUser, item: DatasetWorkItem): boolean {
    const project = projectOf(item.areaPath).toLowerCase();
    if (user.projects?.some((p) => p.toLowerCase() === project)) return true;
    const path = item.areaPath.toLowerCase();
    return (user.areaPaths ?? []).some((a) => {
      const area = a.toLowerCase();
      return path === area || path.startsWith(`${area}\\`);
    });
  }

  /** The item when it exists and `user` may see it; otherwise undefined, whichever the reason. */
  visible(user: DatasetUser, id: number): StoredWorkItem | undefined {
    const item = this.items.get(id);
    return item && this.canSee(user, item) ? item : undefined;
  }

  /** Every item `user` may see, in id order. */
  allVisible(user: DatasetUser): StoredWorkItem[] {
    return [...this.items.values()].filter((i) => this.canSee(user, i)).sort((a, b) => a.id - b.id);
  }

  /** Children of `id` that `user` may see, in id order. */
  visibleChildren(user: DatasetUser, id: number): StoredWorkItem[] {
    if (!this.childIndex) {
      const index = new Map<number, number[]>();
      for (const item of this.items.values()) {
        if (item.parentId === undefined) continue;
        const siblings = index.get(item.parentId);
        if (siblings) siblings.push(item.id);
        else index.set(item.parentId, [item.id]);
      }
      this.childIndex = index;
    }
    return (this.childIndex.get(id) ?? [])
      .map((c) => this.items.get(c) as StoredWorkItem)
      .filter((i) => this.canSee(user, i))
      .sort((a, b) => a.id - b.id);
  }

  // ---- mutations (tests and the workbench) ----

  get(id: number): StoredWorkItem | undefined {
    const item = this.items.get(id);
    return item ? structuredClone(item) : undefined;
  }

  add(item: DatasetWorkItem): void {
    if (this.items.has(item.id)) throw new Error(`work item ${item.id} already exists`);
    this.check(item);
    const stamp = this.tick();
    this.items.set(item.id, { ...structuredClone(item), rev: 1, createdDate: stamp, changedDate: stamp });
    this.childIndex = undefined;
  }

  /** Changes fields of an item; `parentId: undefined` in the patch removes the parent. */
  update(id: number, patch: Partial<Omit<DatasetWorkItem, 'id'>>): void {
    const current = this.items.get(id);
    if (!current) throw new Error(`work item ${id} does not exist`);
    const next: StoredWorkItem = { ...current, ...structuredClone(patch), id };
    for (const key of Object.keys(patch) as (keyof typeof patch)[]) {
      if (patch[key] === undefined) delete next[key];
    }
    this.check(next);
    this.items.set(id, { ...next, rev: current.rev + 1, changedDate: this.tick() });
    this.childIndex = undefined;
  }

  /** Deletes an item; its children lose their parent, as when a parent is deleted in the service. */
  remove(id: number): void {
    if (!this.items.delete(id)) throw new Error(`work item ${id} does not exist`);
    this.childIndex = undefined;
    for (const child of this.items.values()) {
      if (child.parentId === id) {
        delete child.parentId;
        child.rev++;
        child.changedDate = this.tick();
      }
    }
  }

  setAccess(userName: string, access: { projects?: string[]; areaPaths?: string[] }): void {
    const user = this.users.find((u) => u.name === userName);
    if (!user) throw new Error(`no user ${userName}`);
    user.projects = access.projects;
    user.areaPaths = access.areaPaths;
  }

  private check(item: DatasetWorkItem): void {
    const byId = new Map<number, DatasetWorkItem>(this.items);
    byId.set(item.id, item);
    const problems = workItemProblems(item, byId, this.types, new Set(this.projects.map((p) => p.toLowerCase())));
    if (problems.length > 0) throw new Error(problems.join('; '));
  }

  /** Change dates strictly increase, so "most recently changed" is well defined. */
  private tick(): string {
    this.clock = Math.max(this.clock + 1000, Date.now());
    return new Date(this.clock).toISOString();
  }
}
