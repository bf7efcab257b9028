// The Azure DevOps work item source (SPEC §6): reads as the viewing user through an AdoWitClient,
// in as few requests as the service allows — one WIQL link query per hierarchy level, then batch
// reads of at most 200 ids — and maps each work item to the core shape. Host-neutral: the same
// code runs on Node (azure-devops-node-api) and in the extension (WorkItemTrackingRestClient).
import { parseRef, type WorkItem as CoreWorkItem, type WorkItemRef } from '../../core/model/work-item';
import type { ItemsResult, WorkItemSource } from '../../core/ports/work-item-source';
import { LINK, READ_FIELDS } from './fields';
import { adoRef, idOf, stateKeyOf, toCoreWorkItem } from './map-work-item';
import { mapLimited } from './map-limited';
import type { RetryPolicy } from '../../core/model/retry-policy';
import { DEFAULT_RETRY_POLICY, withRateLimitRetry } from './rate-limit-retry';
import { TypeStates } from './type-states';
import { AdoHttpError, type AdoWitClient } from './wit-client';
import type { WorkItem } from './wit-contracts';
import { childLinksQuery, chunkForLinkQueries, titleSearchQuery } from './wiql';

/** The service's cap on ids per batch read (`workitemsbatch`, VS403474 beyond it). */
export const BATCH_LIMIT = 200;

/** Work item ids are int32 on the service; a larger number cannot name one. */
const MAX_ID = 2_147_483_647;

export type AdoOperation = 'wiql' | 'batch' | 'states';

export interface AdoRequestEvent {
  operation: AdoOperation;
  /** 1 for the first try, 2+ for retries after a 429. */
  attempt: number;
}

export interface AdoSourceOptions {
  client: AdoWitClient;
  /** The project WIQL runs in (route and `@project`); also whose states apply when an item names no project. */
  project: string;
  retry?: Partial<RetryPolicy>;
  /** Sees every request the source makes (each attempt is one HTTP request), e.g. for benchmarks. */
  onRequest?: (event: AdoRequestEvent) => void;
  /** Batch reads in flight at once. Default 4. */
  concurrency?: number;
}

export class AdoWorkItemSource implements WorkItemSource {
  /** Requests made so far, by operation (retries included). */
  readonly requests: Record<AdoOperation, number> = { wiql: 0, batch: 0, states: 0 };

  private readonly client: AdoWitClient;
  private readonly project: string;
  private readonly retry: RetryPolicy;
  private readonly onRequest: ((event: AdoRequestEvent) => void) | undefined;
  private readonly concurrency: number;
  private readonly states: TypeStates;

  constructor(options: AdoSourceOptions) {
    this.client = options.client;
    this.project = options.project;
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.onRequest = options.onRequest;
    this.concurrency = options.concurrency ?? 4;
    this.states = new TypeStates((project, type) =>
      this.call('states', `the states of ${type}`, () => this.client.getWorkItemTypeStates(project, type)),
    );
  }

  /** Total requests so far. */
  get requestCount(): number {
    return this.requests.wiql + this.requests.batch + this.requests.states;
  }

  async getItems(refs: readonly WorkItemRef[]): Promise<ItemsResult> {
    const { ids, invalid } = adoIds(refs);
    const read = await this.readItems(ids);
    return collect(ids, read, invalid);
  }

  async getDescendants(refs: readonly WorkItemRef[]): Promise<CoreWorkItem[]> {
    const { ids } = adoIds(refs);
    const parents = await this.walk(ids);
    const read = await this.readItems([...parents.keys()]);
    return descendantsInOrder(parents, read);
  }

  /**
   * The linked items and all their descendants in one pass: the WIQL walk first, then one set of
   * batch reads for roots and descendants together, so a scope of n items costs one WIQL per level
   * plus ⌈n/200⌉ reads. (`getItems` then `getDescendants` may cost one partial batch more.)
   */
  async getScope(refs: readonly WorkItemRef[]): Promise<ItemsResult> {
    const { ids, invalid } = adoIds(refs);
    const parents = await this.walk(ids);
    const read = await this.readItems([...ids, ...parents.keys()]);
    const roots = collect(ids, read, invalid);
    // A linked item that also lies below another linked item is listed once, among the roots.
    const linked = new Set(ids);
    const below = new Map([...parents].filter(([child]) => !linked.has(child)));
    return { items: [...roots.items, ...descendantsInOrder(below, read)], missing: roots.missing };
  }

  /** A number is an id and matches exactly; other text is a title search in the project. */
  async search(text: string, limit: number): Promise<CoreWorkItem[]> {
    const query = text.trim();
    if (query === '' || limit < 1) return [];
    const asId = /^#?(\d+)$/.exec(query);
    if (asId) {
      const id = Number(asId[1]);
      if (id < 1 || id > MAX_ID) return [];
      return (await this.getItems([adoRef(id)])).items;
    }
    const top = Math.min(Math.floor(limit), BATCH_LIMIT);
    const result = await this.call('wiql', 'a title search', () =>
      this.client.queryByWiql({ query: titleSearchQuery(query) }, this.project, top),
    );
    const ids = unique((result.workItems ?? []).map((w) => w.id).filter(isWorkItemId)).slice(0, top);
    const read = await this.readItems(ids);
    return ids.flatMap((id) => read.get(id) ?? []);
  }

  /**
   * Child → parent for every descendant of `roots`, level by level (breadth first). A root that is
   * also below another root is a descendant too; no item's children are asked for twice.
   */
  private async walk(roots: readonly number[]): Promise<Map<number, number>> {
    const parents = new Map<number, number>();
    const asked = new Set(roots);
    let level = unique(roots);
    while (level.length > 0) {
      const links = (await Promise.all(chunkForLinkQueries(level).map((chunk) => this.childLinks(chunk)))).flat();
      const next: number[] = [];
      for (const [parent, child] of links) {
        if (!parents.has(child)) parents.set(child, parent);
        // `asked` also guards against a corrupt hierarchy looping back on itself.
        if (asked.has(child)) continue;
        asked.add(child);
        next.push(child);
      }
      level = next;
    }
    return parents;
  }

  /** [parent, child] pairs below `sources`, by one link query; halves the sources when the result is too large. */
  private async childLinks(sources: readonly number[]): Promise<[number, number][]> {
    try {
      const result = await this.call('wiql', 'a hierarchy query', () =>
        this.client.queryByWiql({ query: childLinksQuery(sources) }, this.project),
      );
      const wanted = new Set(sources);
      const pairs: [number, number][] = [];
      for (const link of result.workItemRelations ?? []) {
        const from = link.source?.id;
        const to = link.target?.id;
        if (link.rel === LINK.child && isWorkItemId(from) && isWorkItemId(to) && wanted.has(from)) pairs.push([from, to]);
      }
      return pairs;
    } catch (error) {
      // VS402337: more than the service's 20,000 result rows. Fewer sources per query fixes it.
      if (error instanceof AdoHttpError && error.message.includes('VS402337') && sources.length > 1) {
        const half = Math.ceil(sources.length / 2);
        const [a, b] = await Promise.all([this.childLinks(sources.slice(0, half)), this.childLinks(sources.slice(half))]);
        return [...a, ...b];
      }
      throw error;
    }
  }

  /** Batch reads in chunks of 200; ids that do not come back (absent or not visible) are simply not in the map. */
  private async readItems(ids: readonly number[]): Promise<Map<number, CoreWorkItem>> {
    const wanted = unique(ids);
    const chunks: number[][] = [];
    for (let i = 0; i < wanted.length; i += BATCH_LIMIT) chunks.push(wanted.slice(i, i + BATCH_LIMIT));
    const pages = await mapLimited(chunks, this.concurrency, (chunk) =>
      this.call('batch', `a batch read of ${chunk.length} work items`, () =>
        this.client.getWorkItemsBatch({ ids: chunk, fields: [...READ_FIELDS], errorPolicy: 'omit' }),
      ),
    );
    const asked = new Set(wanted);
    const items = pages.flat().filter((w): w is WorkItem => w !== null && asked.has(idOf(w) ?? -1));
    const mapped = await Promise.all(items.map(async (w) => [idOf(w) as number, await this.toCore(w)] as const));
    return new Map(mapped);
  }

  private async toCore(item: WorkItem): Promise<CoreWorkItem> {
    const key = stateKeyOf(item);
    const status = await this.states.statusOf(key.project ?? this.project, key.type, key.state);
    return toCoreWorkItem(item, status);
  }

  private call<T>(operation: AdoOperation, what: string, request: () => Promise<T>): Promise<T> {
    return withRateLimitRetry(what, request, this.retry, (attempt) => {
      this.requests[operation]++;
      this.onRequest?.({ operation, attempt });
    });
  }
}

function isWorkItemId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_ID;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** The Azure DevOps ids among `refs`; everything else (Jira refs, typos, ids out of range) is `invalid`. */
function adoIds(refs: readonly WorkItemRef[]): { ids: number[]; invalid: WorkItemRef[] } {
  const ids: number[] = [];
  const invalid: WorkItemRef[] = [];
  for (const ref of unique(refs)) {
    const parsed = parseRef(ref);
    const id = parsed?.system === 'ado' ? Number(parsed.id) : NaN;
    if (isWorkItemId(id)) ids.push(id);
    else invalid.push(ref);
  }
  return { ids: unique(ids), invalid };
}

function collect(ids: readonly number[], read: Map<number, CoreWorkItem>, invalid: WorkItemRef[]): ItemsResult {
  const items: CoreWorkItem[] = [];
  const missing = [...invalid];
  for (const id of ids) {
    const item = read.get(id);
    if (item) items.push(item);
    else missing.push(adoRef(id));
  }
  return { items, missing };
}

/** Descendants in walk order; the parent comes from the item itself, else from the link that reached it. */
function descendantsInOrder(parents: Map<number, number>, read: Map<number, CoreWorkItem>): CoreWorkItem[] {
  const out: CoreWorkItem[] = [];
  for (const [child, parent] of parents) {
    const item = read.get(child);
    if (item) out.push(item.parent ? item : { ...item, parent: adoRef(parent) });
  }
  return out;
}
