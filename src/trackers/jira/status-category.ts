// A Jira status's category decides todo / in progress / done (SPEC §6). Jira puts the category
// inside every status it sends, but trimmed payloads (proxies, caches, hand-made fixtures) carry
// the status name alone, and a status called "Done" may well sit in the To Do category on a
// given site. So a missing category is looked up in the site's own status list
// (`GET /rest/api/3/status`, once per source), and a status still unknown after that is
// reported by name: guessing would silently count finished work as not started, or the reverse.
import { JiraError } from './errors';

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done' | 'undefined';

const KEYS: ReadonlySet<string> = new Set<StatusCategoryKey>(['new', 'indeterminate', 'done', 'undefined']);

interface StatusJson {
  id?: unknown;
  name?: unknown;
  statusCategory?: { key?: unknown } | null;
}

/** The category a status JSON carries itself, when it carries a known one. */
export function ownCategory(status: unknown): StatusCategoryKey | undefined {
  const key = (status as StatusJson | null | undefined)?.statusCategory?.key;
  return typeof key === 'string' && KEYS.has(key) ? (key as StatusCategoryKey) : undefined;
}

/** The site's statuses by id and by name (names compared ignoring case). */
export class StatusCatalog {
  private readonly byId = new Map<string, StatusCategoryKey>();
  private readonly byName = new Map<string, StatusCategoryKey | 'ambiguous'>();

  constructor(statuses: readonly unknown[]) {
    for (const status of statuses) {
      const category = ownCategory(status);
      if (!category) continue;
      const { id, name } = status as StatusJson;
      if (typeof id === 'string') this.byId.set(id, category);
      if (typeof name === 'string') {
        const key = name.trim().toLowerCase();
        const before = this.byName.get(key);
        // Two statuses of one name in different categories (possible across projects): the name
        // alone cannot say which is meant.
        this.byName.set(key, before === undefined || before === category ? category : 'ambiguous');
      }
    }
  }

  categoryOf(status: unknown): StatusCategoryKey | undefined {
    const own = ownCategory(status);
    if (own) return own;
    const { id, name } = (status ?? {}) as StatusJson;
    if (typeof id === 'string' && this.byId.has(id)) return this.byId.get(id);
    const byName = typeof name === 'string' ? this.byName.get(name.trim().toLowerCase()) : undefined;
    return byName === 'ambiguous' ? undefined : byName;
  }
}

/** A catalog that knows nothing: only categories carried by the statuses themselves count. */
export const NO_CATALOG = new StatusCatalog([]);

export interface UnclassifiedStatus {
  /** The status name as Jira sent it, or its id, or "(no status)". */
  status: string;
  /** Issue keys that carry it (the first few). */
  issues: string[];
}

/** Statuses Jira sent without a category that `catalog` cannot place either. */
export class JiraUnclassifiedStatusError extends JiraError {
  // The app's envelope code for data the tracker gave that we will not guess at.
  override readonly code: string = 'tracker-data';
  constructor(readonly statuses: readonly UnclassifiedStatus[]) {
    const list = statuses.map((s) => `"${s.status}" (${s.issues.join(', ')}${s.issues.length >= 3 ? ', …' : ''})`).join(', ');
    super(
      `Jira sent statuses without a status category, and the site's status list does not place them either: ${list}. ` +
        'Harmony will not guess whether that work is done; give each status a category in Jira (Settings → Issues → Statuses), ' +
        'or check that nothing between Harmony and Jira trims the status from its answers.',
      0,
      'GET /rest/api/3/status',
      statuses.map((s) => s.status),
    );
    this.name = 'JiraUnclassifiedStatusError';
  }
}

/** Groups the statuses of `issues` that `catalog` cannot classify, naming a few issues of each. */
export function unclassifiedStatuses(
  issues: readonly unknown[],
  catalog: StatusCatalog,
  keyOf: (issue: unknown) => string | undefined,
): UnclassifiedStatus[] {
  const found = new Map<string, string[]>();
  for (const issue of issues) {
    const key = keyOf(issue);
    if (key === undefined) continue;
    const status = (issue as { fields?: { status?: unknown } } | null)?.fields?.status;
    if (catalog.categoryOf(status) !== undefined) continue;
    const { id, name } = (status ?? {}) as StatusJson;
    const label = typeof name === 'string' ? name : typeof id === 'string' ? `status ${id}` : '(no status)';
    const keys = found.get(label) ?? [];
    if (keys.length < 3) keys.push(key);
    found.set(label, keys);
  }
  return [...found].map(([status, keys]) => ({ status, issues: keys }));
}
