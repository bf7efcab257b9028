// A KR's scope as the triggers keep it between events (SPEC §2, step 1: the linked items plus
// all their descendants), with the parent → children index needed to move whole subtrees when
// an issue changes parent, joins, leaves or is deleted. Pure: the store and Jira stay outside.
import type { WorkItemRef } from '../../core/model/work-item';
import type { ScopeItem } from '../collections';

export interface ScopeChange {
  /** Refs that joined the scope. */
  entered: WorkItemRef[];
  /** Refs that left it (with their whole stored subtree). */
  left: WorkItemRef[];
}

export class ScopeState {
  private readonly items = new Map<WorkItemRef, ScopeItem>();
  private readonly children = new Map<WorkItemRef, Set<WorkItemRef>>();
  readonly roots: Set<WorkItemRef>;

  constructor(items: Iterable<ScopeItem>, roots: Iterable<WorkItemRef>) {
    this.roots = new Set(roots);
    for (const item of items) this.put(item);
  }

  get size(): number {
    return this.items.size;
  }

  has(ref: WorkItemRef): boolean {
    return this.items.has(ref);
  }

  get(ref: WorkItemRef): ScopeItem | undefined {
    return this.items.get(ref);
  }

  list(): ScopeItem[] {
    return [...this.items.values()];
  }

  /**
   * Applies a fresh read of one issue. It belongs to the scope when it is a root or its parent
   * does; otherwise it leaves with everything stored below it (it moved out, or it was never in).
   */
  upsert(item: ScopeItem): ScopeChange {
    const belongs = this.roots.has(item.ref) || (item.parent !== undefined && item.parent !== item.ref && this.items.has(item.parent) && !this.isBelow(item.parent, item.ref));
    if (!belongs) return { entered: [], left: this.items.has(item.ref) ? this.remove(item.ref) : [] };
    const entered = this.items.has(item.ref) ? [] : [item.ref];
    this.put(item);
    return { entered, left: [] };
  }

  /** Removes an issue and its stored subtree (it was deleted, or its link was). */
  remove(ref: WorkItemRef): WorkItemRef[] {
    if (!this.items.has(ref)) return [];
    const gone: WorkItemRef[] = [];
    const stack = [ref];
    while (stack.length > 0) {
      const at = stack.pop() as WorkItemRef;
      if (!this.items.has(at)) continue;
      gone.push(at);
      for (const child of this.children.get(at) ?? []) stack.push(child);
      this.detach(at);
      this.items.delete(at);
      this.children.delete(at);
    }
    this.roots.delete(ref);
    return gone;
  }

  private put(item: ScopeItem): void {
    this.detach(item.ref);
    this.items.set(item.ref, item);
    if (item.parent !== undefined) {
      const siblings = this.children.get(item.parent);
      if (siblings) siblings.add(item.ref);
      else this.children.set(item.parent, new Set([item.ref]));
    }
  }

  private detach(ref: WorkItemRef): void {
    const previous = this.items.get(ref)?.parent;
    if (previous !== undefined) this.children.get(previous)?.delete(ref);
  }

  /** Whether `ref` lies in the stored subtree of `ancestor` (a move under one's own child would loop). */
  private isBelow(ref: WorkItemRef, ancestor: WorkItemRef): boolean {
    const seen = new Set<WorkItemRef>();
    for (let at: WorkItemRef | undefined = ref; at !== undefined && !seen.has(at); at = this.items.get(at)?.parent) {
      if (at === ancestor) return true;
      seen.add(at);
    }
    return false;
  }
}
