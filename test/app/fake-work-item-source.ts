// An in-memory WorkItemSource that behaves like the real adapters where the app depends on it
// (held to the same contract: test/contract/work-item-source.fake.test.ts): items hidden from the
// viewer are absent everywhere (getItems puts them in `missing`, descendants are found only
// through visible items, search never returns them).
import { parseRef, typedRef, type WorkItem, type WorkItemRef } from '../../src/core/model/work-item';
import type { ItemsResult, WorkItemSource } from '../../src/core/ports/work-item-source';

export class FakeWorkItemSource implements WorkItemSource {
  private readonly items = new Map<WorkItemRef, WorkItem>();
  readonly hidden = new Set<WorkItemRef>();
  readonly calls = { getItems: 0, getDescendants: 0, search: 0 };
  /** When set, every call throws it (a tracker answering 429, a network failure). */
  failure: Error | undefined;
  /** When set, only descendant reads throw it (the item itself was read in time). */
  descendantsFailure: Error | undefined;

  constructor(items: readonly WorkItem[] = [], hidden: readonly WorkItemRef[] = []) {
    for (const item of items) this.items.set(item.ref, item);
    for (const ref of hidden) this.hidden.add(ref);
  }

  set(item: WorkItem): void {
    this.items.set(item.ref, item);
  }

  update(ref: WorkItemRef, patch: Partial<WorkItem>): void {
    const item = this.items.get(ref);
    if (!item) throw new Error(`no item ${ref}`);
    this.items.set(ref, { ...item, ...patch });
  }

  private visible(ref: WorkItemRef): WorkItem | undefined {
    return this.hidden.has(ref) ? undefined : this.items.get(ref);
  }

  getItems(refs: readonly WorkItemRef[]): Promise<ItemsResult> {
    this.calls.getItems++;
    if (this.failure) return Promise.reject(this.failure);
    const items: WorkItem[] = [];
    const missing: WorkItemRef[] = [];
    for (const ref of new Set(refs)) {
      const item = this.visible(ref);
      if (item) items.push({ ...item });
      else missing.push(ref);
    }
    return Promise.resolve({ items, missing });
  }

  getDescendants(refs: readonly WorkItemRef[]): Promise<WorkItem[]> {
    this.calls.getDescendants++;
    const failure = this.failure ?? this.descendantsFailure;
    if (failure) return Promise.reject(failure);
    const out = new Map<WorkItemRef, WorkItem>();
    // A hidden or unknown ref has no descendants the viewer may learn of.
    let level = new Set(refs.filter((ref) => this.visible(ref) !== undefined));
    while (level.size) {
      const next = new Set<WorkItemRef>();
      for (const item of this.items.values()) {
        if (item.parent === undefined || !level.has(item.parent) || this.hidden.has(item.ref) || out.has(item.ref)) continue;
        out.set(item.ref, { ...item });
        next.add(item.ref);
      }
      level = next;
    }
    return Promise.resolve([...out.values()]);
  }

  search(text: string, limit: number): Promise<WorkItem[]> {
    this.calls.search++;
    if (this.failure) return Promise.reject(this.failure);
    const query = text.trim();
    if (query === '' || limit < 1) return Promise.resolve([]);
    // Like the real sources: a whole ref, or an item's own id or key, names that one item exactly;
    // other text is looked for in titles.
    const named = parseRef(query) ? query : undefined;
    const exact = [...this.items.values()].filter((i) => {
      const system = parseRef(i.ref)?.system;
      return i.ref === named || (system !== undefined && typedRef(system, query) === i.ref);
    });
    const looksLikeId = named !== undefined || typedRef('ado', query) !== undefined || typedRef('jira', query) !== undefined;
    const needle = query.toLowerCase();
    const hits = looksLikeId ? exact : [...this.items.values()].filter((i) => (i.title ?? '').toLowerCase().includes(needle));
    return Promise.resolve(
      hits
        .filter((i) => !this.hidden.has(i.ref))
        .slice(0, limit)
        .map((i) => ({ ...i })),
    );
  }
}
