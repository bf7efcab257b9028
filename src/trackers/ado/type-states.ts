// Status of a work item from its state, through the state category its type declares
// (`GET {org}/{project}/_apis/wit/workitemtypes/{type}/states`). One request per project and type,
// cached for the life of the source: a process change is rare, and a state the cache does not know
// triggers one fresh read of that type (once per source) before giving up.
import type { WorkItemStatus } from '../../core/model/work-item';
import { statusOfCategory } from './state-category';
import { AdoHttpError } from './wit-client';
import type { WorkItemStateColor } from './wit-contracts';

type Categories = Map<string, string>;

export class TypeStates {
  private readonly cache = new Map<string, Promise<Categories>>();
  private readonly refreshed = new Set<string>();

  constructor(private readonly fetchStates: (project: string, type: string) => Promise<WorkItemStateColor[]>) {}

  /**
   * The status for `state` of `type` in `project`. A state with no known category counts as
   * `todo`: never done, never cancelled, so an unreadable item cannot inflate progress.
   */
  async statusOf(project: string, type: string | undefined, state: string | undefined): Promise<WorkItemStatus> {
    if (type === undefined || state === undefined) return 'todo';
    const key = `${project.toLowerCase()}\u0000${type.toLowerCase()}`;
    const wasCached = this.cache.has(key);
    let category = (await this.categories(key, project, type)).get(state.toLowerCase());
    if (category === undefined && wasCached && !this.refreshed.has(key)) {
      this.refreshed.add(key);
      this.cache.delete(key);
      category = (await this.categories(key, project, type)).get(state.toLowerCase());
    }
    return statusOfCategory(category) ?? 'todo';
  }

  private categories(key: string, project: string, type: string): Promise<Categories> {
    let entry = this.cache.get(key);
    if (!entry) {
      entry = this.load(project, type);
      this.cache.set(key, entry);
      // A failed read must not stick: the next item of this type asks again.
      entry.catch(() => this.cache.delete(key));
    }
    return entry;
  }

  private async load(project: string, type: string): Promise<Categories> {
    try {
      const states = await this.fetchStates(project, type);
      const map: Categories = new Map();
      for (const s of states) if (s.name && s.category) map.set(s.name.toLowerCase(), s.category);
      return map;
    } catch (error) {
      // The type is gone from the project (renamed or the item moved): no categories to read.
      if (error instanceof AdoHttpError && error.status === 404) return new Map();
      throw error;
    }
  }
}
