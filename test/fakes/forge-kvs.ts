// A fake of what `@forge/kvs` talks to, not of `@forge/kvs` itself: the package builds every
// request itself and hands it to `globalThis.__forge_fetch__({ type: 'kvs', … }, path, init)`,
// the hook the Forge runtime installs. Installing this fake there lets the REAL package run in
// tests — its request shapes, its KEY_NOT_FOUND handling, its error classes — against a service
// that keeps the documented rules:
// - keys: `/^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/`, at most 500 characters (INVALID_KEY, KEY_TOO_LONG);
// - a value at most 240 KiB (MAX_SIZE) and 32 levels deep (MAX_DEPTH);
// - custom entities as declared in the manifest (unknown entity, attribute or wrong attribute
//   type: 400), queries on a declared index with its full partition, the range condition on the
//   index's range attribute, pages of at most 20 with a cursor;
// - transactions: at most 25 operations, each key once, at most 4 MB; every condition is checked
//   before anything is written, so a failed condition applies nothing;
// - 429 RATE_LIMIT_EXCEEDED on demand.
// Where the documentation is silent the fake picks the behaviour least convenient to a client,
// so code that passes here does not lean on luck: a full page always carries a cursor (as
// DynamoDB's LastEvaluatedKey does, even when nothing follows), a condition failure's status and
// code are configurable, and limits the docs leave open are enforced strictly.
import { setTimeout as sleep } from 'node:timers/promises';

export type AttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';

export interface EntityDeclaration {
  name: string;
  attributes: Record<string, { type: AttributeType }>;
  indexes?: (string | { name: string; partition?: string[]; range: string[] })[];
}

export interface FakeKvsOptions {
  entities: readonly EntityDeclaration[];
  /** Largest page a query returns (Forge: 20). */
  maxPageSize?: number;
  /**
   * `always` (default): a page that is exactly full carries a cursor even when nothing follows.
   * `when-more`: only when another item exists.
   */
  cursorOnFullPage?: 'always' | 'when-more';
  /** How a failed transaction condition is answered (undocumented; both shapes are seen in the wild). */
  conditionFailure?: { status: number; code: string };
  /** Yield to the event loop before each request, so concurrent callers interleave as over a network. */
  yieldBeforeRequest?: boolean;
}

export interface RecordedRequest {
  path: string;
  body: Record<string, unknown>;
  status: number;
}

interface StoredItem {
  value: unknown;
  createdAt: number;
  updatedAt: number;
}

interface Index {
  name: string;
  partition: string[];
  range: string;
}

interface Condition {
  property?: unknown;
  condition?: unknown;
  values?: unknown;
}

class KvsFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;
const MAX_KEY_LENGTH = 500;
export const MAX_VALUE_BYTES = 240 * 1024;
const MAX_DEPTH = 32;
const MAX_TRANSACTION_OPS = 25;
const MAX_TRANSACTION_BYTES = 4 * 1024 * 1024;
const RANGE_CONDITIONS = new Set(['BEGINS_WITH', 'BETWEEN', 'EQUAL_TO', 'GREATER_THAN', 'GREATER_THAN_EQUAL_TO', 'LESS_THAN', 'LESS_THAN_EQUAL_TO']);

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + children.reduce<number>((max, child) => Math.max(max, depthOf(child)), 0);
}

/** Code point order of strings (what a byte-ordered index gives), numeric order of numbers. */
function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const p = x.codePointAt(i) as number;
    const q = y.codePointAt(i) as number;
    if (p !== q) return p - q;
    if (p > 0xffff) i++;
  }
  return x.length - y.length;
}

function matches(actual: unknown, condition: Condition): boolean {
  const values = Array.isArray(condition.values) ? (condition.values as unknown[]) : [];
  const [first, second] = values;
  switch (condition.condition) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'EQUAL_TO':
      return actual !== undefined && actual === first;
    case 'NOT_EQUAL_TO':
      return actual !== first;
    case 'BEGINS_WITH':
      return typeof actual === 'string' && actual.startsWith(String(first));
    case 'CONTAINS':
      return typeof actual === 'string' ? actual.includes(String(first)) : Array.isArray(actual) && actual.includes(first);
    case 'NOT_CONTAINS':
      return typeof actual === 'string' ? !actual.includes(String(first)) : !(Array.isArray(actual) && actual.includes(first));
    case 'GREATER_THAN':
      return actual !== undefined && compare(actual, first) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return actual !== undefined && compare(actual, first) >= 0;
    case 'LESS_THAN':
      return actual !== undefined && compare(actual, first) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return actual !== undefined && compare(actual, first) <= 0;
    case 'BETWEEN':
      return actual !== undefined && compare(actual, first) >= 0 && compare(actual, second) <= 0;
    default:
      throw new KvsFailure(400, 'INVALID_CONDITION', `unknown condition ${String(condition.condition)}`);
  }
}

const attribute = (value: unknown, name: unknown): unknown =>
  value !== null && typeof value === 'object' && typeof name === 'string' ? (value as Record<string, unknown>)[name] : undefined;

function passes(value: unknown, filters: unknown): boolean {
  if (filters === undefined) return true;
  if (filters === null || typeof filters !== 'object') throw new KvsFailure(400, 'INVALID_CONDITION', 'conditions must be { and: [...] } or { or: [...] }');
  const { and, or } = filters as { and?: Condition[]; or?: Condition[] };
  if (and) return and.every((c) => matches(attribute(value, c.property), c));
  if (or) return or.some((c) => matches(attribute(value, c.property), c));
  throw new KvsFailure(400, 'EMPTY_FILTER_OPERATOR', 'conditions must name an operator');
}

/** The service side of Forge KVS and the Custom Entity Store, in memory. */
export class FakeForgeKvs {
  /** Every request that reached the fake, in order, with the status it was answered with. */
  readonly requests: RecordedRequest[] = [];
  private readonly plain = new Map<string, StoredItem>();
  private readonly entities = new Map<string, { declaration: EntityDeclaration; items: Map<string, StoredItem>; indexes: Map<string, Index> }>();
  private readonly maxPageSize: number;
  private readonly cursorOnFullPage: 'always' | 'when-more';
  private readonly conditionFailure: { status: number; code: string };
  private readonly yieldBeforeRequest: boolean;
  private throttled: { remaining: number; retryAfterSeconds?: number | string; onlyPath?: string } | undefined;
  private clock = 0;
  private before: ((path: string, body: Record<string, unknown>) => Promise<void> | void) | undefined;
  private cut: { at: number; when: 'before' | 'after'; seen: number; dead: boolean } | undefined;

  constructor(options: FakeKvsOptions) {
    this.maxPageSize = options.maxPageSize ?? 20;
    this.cursorOnFullPage = options.cursorOnFullPage ?? 'always';
    this.conditionFailure = options.conditionFailure ?? { status: 409, code: 'CONDITIONAL_CHECK_FAILED' };
    this.yieldBeforeRequest = options.yieldBeforeRequest ?? true;
    for (const declaration of options.entities) {
      const indexes = new Map<string, Index>();
      for (const index of declaration.indexes ?? []) {
        // A bare attribute name declares an index of that name ranging over that attribute.
        const full = typeof index === 'string' ? { name: index, partition: [], range: index } : { name: index.name, partition: index.partition ?? [], range: index.range[0] as string };
        indexes.set(full.name, full);
      }
      this.entities.set(declaration.name, { declaration, items: new Map(), indexes });
    }
  }

  /**
   * Answers the next `requests` requests (of `path` only, when given) with 429 RATE_LIMIT_EXCEEDED;
   * `retryAfterSeconds` (seconds, or any Retry-After text) goes in the body and the header.
   */
  rateLimit(requests: number, options: { retryAfterSeconds?: number | string; path?: string } = {}): void {
    this.throttled = { remaining: requests, retryAfterSeconds: options.retryAfterSeconds, onlyPath: options.path };
  }

  /**
   * Runs `hook` before each request is handled (after the rate limiter), e.g. to let another
   * writer change something between two transactions of one batch. Undefined removes it.
   */
  /** Everything stored, to put back with `restore` (tests that replay a scenario from one state). */
  save(): unknown {
    const copy = (items: Map<string, StoredItem>) => new Map([...items].map(([k, v]) => [k, structuredClone(v)]));
    return { plain: copy(this.plain), entities: new Map([...this.entities].map(([name, e]) => [name, copy(e.items)])), clock: this.clock };
  }

  restore(saved: unknown): void {
    const state = saved as { plain: Map<string, StoredItem>; entities: Map<string, Map<string, StoredItem>>; clock: number };
    const copy = (items: Map<string, StoredItem>) => new Map([...items].map(([k, v]) => [k, structuredClone(v)]));
    this.plain.clear();
    for (const [k, v] of copy(state.plain)) this.plain.set(k, v);
    for (const [name, entity] of this.entities) {
      entity.items.clear();
      for (const [k, v] of copy(state.entities.get(name) ?? new Map<string, StoredItem>())) entity.items.set(k, v);
    }
    this.clock = state.clock;
  }

  /**
   * Cuts the connection at the `at`-th request from now (1-based), as when the resolver running
   * the store is stopped: `before` the service gets that request, or `after` it applied it but
   * before its answer arrives. That request and every later one fail as a network error would,
   * until `reconnect()`: a stopped process sends nothing more. Answers how many requests were
   * made since, so a test can tell when `at` was past the last one.
   */
  cutAt(at: number, when: 'before' | 'after'): void {
    this.cut = { at, when, seen: 0, dead: false };
  }

  /** The connection works again (a new invocation); whether the cut was reached. */
  reconnect(): boolean {
    const reached = this.cut?.dead ?? false;
    this.cut = undefined;
    return reached;
  }

  beforeRequest(hook: ((path: string, body: Record<string, unknown>) => Promise<void> | void) | undefined): void {
    this.before = hook;
  }

  /** Requests to one endpoint, e.g. `/api/v1/entity/query`. */
  count(path: string): number {
    return this.requests.filter((r) => r.path === path).length;
  }

  /** How many items an entity holds (for checks such as "no index entry left behind"). */
  size(entityName: string): number {
    return this.entities.get(entityName)?.items.size ?? 0;
  }

  /** The stored value of an entity item, as the service holds it. */
  peek(entityName: string, key: string): unknown {
    return this.entities.get(entityName)?.items.get(key)?.value;
  }

  /** Puts itself where `@forge/kvs` looks for the runtime; returns the function that takes it away. */
  install(): () => void {
    const g = globalThis as { __forge_fetch__?: unknown };
    const previous = g.__forge_fetch__;
    g.__forge_fetch__ = (target: unknown, path: string, init?: RequestInit) => this.fetch(target, path, init);
    return () => {
      g.__forge_fetch__ = previous;
    };
  }

  async fetch(target: unknown, path: string, init?: RequestInit): Promise<Response> {
    const cut = this.cut;
    if (cut) {
      if (cut.dead) throw new TypeError('fetch failed: the connection was cut');
      if (++cut.seen === cut.at) {
        cut.dead = true;
        if (cut.when === 'before') throw new TypeError('fetch failed: the connection was cut');
        await this.serve(target, path, init);
        throw new TypeError('fetch failed: the connection was cut after the service applied the request');
      }
    }
    return this.serve(target, path, init);
  }

  private async serve(target: unknown, path: string, init?: RequestInit): Promise<Response> {
    if (this.yieldBeforeRequest) await sleep(0);
    const t = target as { type?: unknown } | undefined;
    if (t?.type !== 'kvs') return this.answer(path, {}, new KvsFailure(400, 'BAD_REQUEST', `not a KVS request: ${JSON.stringify(target)}`));
    if (init?.method !== 'POST') return this.answer(path, {}, new KvsFailure(405, 'METHOD_NOT_ALLOWED', 'the KVS API takes POST'));
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(typeof init.body === 'string' ? init.body : '') as Record<string, unknown>;
    } catch {
      return this.answer(path, {}, new KvsFailure(400, 'BAD_REQUEST', 'Provided request body is invalid'));
    }
    const throttle = this.throttled;
    if (throttle && throttle.remaining > 0 && (throttle.onlyPath === undefined || throttle.onlyPath === path)) {
      throttle.remaining -= 1;
      const extra = throttle.retryAfterSeconds === undefined ? {} : { retryAfter: throttle.retryAfterSeconds };
      return this.answer(path, body, new KvsFailure(429, 'RATE_LIMIT_EXCEEDED', 'Rate limit exceeded', extra), throttle.retryAfterSeconds);
    }
    if (this.before) await this.before(path, body);
    try {
      // Everything below runs without awaiting: one request is one atomic step of the service.
      const result = this.route(path, body, typeof init.body === 'string' ? byteLength(init.body) : 0);
      return this.answer(path, body, result);
    } catch (e) {
      if (e instanceof KvsFailure) return this.answer(path, body, e);
      throw e;
    }
  }

  private answer(path: string, body: Record<string, unknown>, result: unknown, retryAfterSeconds?: number | string): Response {
    if (result instanceof KvsFailure) {
      this.requests.push({ path, body, status: result.status });
      const headers: Record<string, string> = { 'content-type': 'application/json', 'x-trace-id': `fake-${this.requests.length}` };
      if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds);
      return new Response(JSON.stringify({ code: result.code, message: result.message, ...result.extra }), { status: result.status, statusText: result.code, headers });
    }
    if (result === undefined) {
      this.requests.push({ path, body, status: 204 });
      return new Response(null, { status: 204 });
    }
    this.requests.push({ path, body, status: 200 });
    return new Response(JSON.stringify(result), { status: 200, headers: { 'content-type': 'application/json' } });
  }

  private route(path: string, body: Record<string, unknown>, bytes: number): unknown {
    switch (path) {
      case '/api/v1/get':
        return this.get(this.plain, this.key(body.key));
      case '/api/v1/set':
        return this.set(this.plain, this.key(body.key), this.value(body.value), body.options);
      case '/api/v1/delete':
        this.plain.delete(this.key(body.key));
        return undefined;
      case '/api/v1/query':
        return this.queryPlain(body);
      case '/api/v1/entity/get':
        return this.get(this.entity(body.entityName).items, this.key(body.key));
      case '/api/v1/entity/set': {
        const entity = this.entity(body.entityName);
        return this.set(entity.items, this.key(body.key), this.entityValue(entity.declaration, body.value), body.options);
      }
      case '/api/v1/entity/delete':
        this.entity(body.entityName).items.delete(this.key(body.key));
        return undefined;
      case '/api/v1/entity/query':
        return this.queryEntity(body);
      case '/api/v1/transaction':
        this.transact(body, bytes);
        return undefined;
      default:
        throw new KvsFailure(404, 'NOT_FOUND', `the fake does not serve ${path}`);
    }
  }

  private key(key: unknown): string {
    if (typeof key !== 'string' || key === '') throw new KvsFailure(400, 'EMPTY_KEY', 'Key cannot be empty.');
    if (key.length > MAX_KEY_LENGTH) throw new KvsFailure(400, 'KEY_TOO_LONG', 'The provided key has exceeded the maximum 500 characters.');
    if (!KEY_PATTERN.test(key)) throw new KvsFailure(400, 'INVALID_KEY', 'The provided key does not match the regex: /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/');
    return key;
  }

  private value(value: unknown): unknown {
    if (value === undefined) throw new KvsFailure(400, 'BAD_REQUEST', 'a value is required');
    if (byteLength(JSON.stringify(value)) > MAX_VALUE_BYTES) throw new KvsFailure(400, 'MAX_SIZE', 'The provided value has exceeded the maximum size limit.');
    if (depthOf(value) > MAX_DEPTH) throw new KvsFailure(400, 'MAX_DEPTH', 'The provided value has exceeded the maximum object depth (32) limit.');
    return value;
  }

  private entity(name: unknown) {
    const entity = typeof name === 'string' ? this.entities.get(name) : undefined;
    if (!entity) throw new KvsFailure(400, 'INVALID_ENTITY_TYPE', `entity ${JSON.stringify(name)} is not declared in the manifest`);
    return entity;
  }

  private entityValue(declaration: EntityDeclaration, value: unknown): unknown {
    this.value(value);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new KvsFailure(400, 'INVALID_ENTITY_VALUE', 'an entity value is an object of its attributes');
    for (const [name, v] of Object.entries(value)) {
      const type = declaration.attributes[name]?.type;
      const fits =
        type === 'any' ||
        (type === 'string' && typeof v === 'string') ||
        (type === 'boolean' && typeof v === 'boolean') ||
        (type === 'integer' && Number.isInteger(v) && (v as number) >= -2_147_483_648 && (v as number) <= 2_147_483_647) ||
        (type === 'float' && typeof v === 'number' && Number.isFinite(v));
      if (!fits) throw new KvsFailure(400, 'INVALID_ENTITY_VALUE', `Entity values must match one of the types defined in Custom Entities: ${declaration.name}.${name}`);
    }
    return value;
  }

  private get(items: Map<string, StoredItem>, key: string): unknown {
    const item = items.get(key);
    if (!item) throw new KvsFailure(404, 'KEY_NOT_FOUND', 'Provided key does not exist');
    return { key, value: item.value, createdAt: item.createdAt, updatedAt: item.updatedAt };
  }

  private set(items: Map<string, StoredItem>, key: string, value: unknown, options: unknown): unknown {
    const policy = (options as { keyPolicy?: unknown } | undefined)?.keyPolicy;
    const previous = items.get(key);
    if (policy === 'FAIL_IF_EXISTS' && previous) throw new KvsFailure(409, 'KEY_CONFLICT', 'The key already exists');
    this.clock += 1;
    items.set(key, { value: structuredClone(value), createdAt: previous?.createdAt ?? this.clock, updatedAt: this.clock });
    return undefined;
  }

  private limit(body: Record<string, unknown>): number {
    const limit = body.limit ?? this.maxPageSize;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 100) {
      throw new KvsFailure(400, 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE', 'The page limit must be set between 1 and 100.');
    }
    return Math.min(limit, this.maxPageSize);
  }

  /** One page of `sorted` after the cursor; the cursor is opaque to clients. */
  private page<T>(sorted: T[], body: Record<string, unknown>, position: (item: T) => unknown[], accept: (item: T) => boolean = () => true, direction: 1 | -1 = 1) {
    const limit = this.limit(body);
    const cursorField = typeof body.cursor === 'string' ? body.cursor : typeof body.after === 'string' ? body.after : undefined;
    let start = 0;
    if (cursorField !== undefined) {
      let after: unknown[];
      try {
        after = JSON.parse(Buffer.from(cursorField, 'base64url').toString('utf8')) as unknown[];
      } catch {
        throw new KvsFailure(400, 'INVALID_CURSOR', 'The cursor is not valid');
      }
      const isAfter = (item: T) => {
        const p = position(item);
        for (let i = 0; i < p.length; i++) {
          const c = compare(p[i], after[i]);
          if (c !== 0) return direction * c > 0;
        }
        return false;
      };
      start = sorted.findIndex(isAfter);
      if (start < 0) start = sorted.length;
    }
    // Like DynamoDB, the limit counts items read; a filter then drops some of them.
    const window = sorted.slice(start, start + limit);
    const last = window[window.length - 1];
    const more = start + limit < sorted.length;
    const full = window.length === limit;
    const cursor = last !== undefined && full && (more || this.cursorOnFullPage === 'always') ? Buffer.from(JSON.stringify(position(last))).toString('base64url') : undefined;
    return { items: window.filter(accept), cursor };
  }

  private queryPlain(body: Record<string, unknown>): unknown {
    const where = Array.isArray(body.where) ? (body.where as Condition[]) : [];
    const entries = [...this.plain.entries()]
      .filter(([key]) => where.every((w) => matches(key, w)))
      .sort(([a], [b]) => compare(a, b));
    const { items, cursor } = this.page(entries, body, ([key]) => [key]);
    return { data: items.map(([key, item]) => ({ key, value: item.value })), ...(cursor ? { cursor } : {}) };
  }

  private queryEntity(body: Record<string, unknown>): unknown {
    const entity = this.entity(body.entityName);
    const index = typeof body.indexName === 'string' ? entity.indexes.get(body.indexName) : undefined;
    if (!index) throw new KvsFailure(400, 'INVALID_ENTITY_INDEX', `entity ${entity.declaration.name} has no index ${JSON.stringify(body.indexName)}`);
    const partition = body.partition ?? [];
    if (!Array.isArray(partition) || partition.length !== index.partition.length) {
      throw new KvsFailure(400, 'INVALID_PARTITION', `index ${index.name} is partitioned by ${index.partition.length} attribute(s): give a value for each`);
    }
    const range = body.range as Condition | undefined;
    if (range !== undefined && !RANGE_CONDITIONS.has(String(range.condition))) throw new KvsFailure(400, 'INVALID_CONDITION', `${String(range.condition)} cannot be a range condition`);
    const descending = body.sort === 'DESC';
    const rows = [...entity.items.entries()]
      .filter(([, item]) => index.partition.every((name, i) => attribute(item.value, name) === partition[i]))
      .filter(([, item]) => attribute(item.value, index.range) !== undefined)
      .filter(([, item]) => range === undefined || matches(attribute(item.value, index.range), range))
      .sort(([ka, a], [kb, b]) => {
        const c = compare(attribute(a.value, index.range), attribute(b.value, index.range)) || compare(ka, kb);
        return descending ? -c : c;
      });
    const position = ([key, item]: [string, StoredItem]) => [attribute(item.value, index.range), key];
    const filtered = (row: [string, StoredItem]) => passes(row[1].value, body.filters);
    // A cursor continues in the query's own direction.
    const { items, cursor } = this.page(rows, body, position, filtered, descending ? -1 : 1);
    return { data: items.map(([key, item]) => ({ key, value: item.value })), ...(cursor ? { cursor } : {}) };
  }

  private transact(body: Record<string, unknown>, bytes: number): void {
    const sets = (body.set as Record<string, unknown>[] | undefined) ?? [];
    const deletes = (body.delete as Record<string, unknown>[] | undefined) ?? [];
    const checks = (body.check as Record<string, unknown>[] | undefined) ?? [];
    const total = sets.length + deletes.length + checks.length;
    if (total === 0) throw new KvsFailure(400, 'BAD_REQUEST', 'a transaction needs at least one operation');
    if (total > MAX_TRANSACTION_OPS) throw new KvsFailure(400, 'TRANSACTION_OPERATION_LIMIT_EXCEEDED', `Each transaction can contain a maximum of ${MAX_TRANSACTION_OPS} operations (got ${total}).`);
    if (bytes > MAX_TRANSACTION_BYTES) throw new KvsFailure(400, 'MAX_SIZE', 'Each transaction is limited to a payload size of 4MB.');
    const seen = new Set<string>();
    for (const op of [...sets, ...deletes, ...checks]) {
      const key = this.key(op.key);
      if (seen.has(key)) throw new KvsFailure(400, 'TRANSACTION_DUPLICATE_KEY', `Each key can only be used once in a transaction: ${key}`);
      seen.add(key);
    }
    const target = (op: Record<string, unknown>) => (op.entityName === undefined ? { items: this.plain, declaration: undefined } : this.entity(op.entityName));
    // Validate and check every condition first: nothing is written unless all of it holds.
    const writes = sets.map((op) => {
      const t = target(op);
      const value = t.declaration ? this.entityValue(t.declaration, op.value) : this.value(op.value);
      return { items: t.items, key: op.key as string, value, conditions: op.conditions };
    });
    const removals = deletes.map((op) => ({ items: target(op).items, key: op.key as string, conditions: op.conditions }));
    for (const op of [...writes, ...removals]) {
      if (op.conditions !== undefined && !passes(op.items.get(op.key)?.value, op.conditions)) this.failCondition(op.key);
    }
    for (const op of checks) {
      const item = target(op).items.get(op.key as string);
      if (!item || !passes(item.value, op.conditions)) this.failCondition(op.key as string);
    }
    for (const op of writes) this.set(op.items, op.key, op.value, undefined);
    for (const op of removals) op.items.delete(op.key);
  }

  private failCondition(key: string): never {
    throw new KvsFailure(this.conditionFailure.status, this.conditionFailure.code, `The conditions of the transaction were not met for key ${key}`);
  }
}
