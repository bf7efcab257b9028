// A fake of the Forge runtime boundary, not of @forge/api: the real @forge/api (and
// @forge/resolver, @forge/kvs) run in the tests and reach the platform exactly as they do on
// Forge, through two globals the runtime installs:
// - `__forge_fetch__(target, path, init)`: every product request (`requestJira` as user or app,
//   `{ type: 'fpp', provider: 'user' | 'app', remote: 'jira', accountId? }`) and every KVS request
//   (`{ type: 'kvs', ... }`). The fake plays the Forge proxy: it sends Jira requests over real HTTP
//   to the test site, authenticated as the invoking user (provider `user`: the principal of the
//   current invocation, as Forge takes it from the invocation context) or as the app's own
//   account (provider `app`), and hands KVS requests to the KVS fake when one is given.
// - `__forge_runtime__`: the invocation's app context (`getAppContext()`), the lambda's remaining
//   time (`invocationRemainingTimeInMillis`), metrics and tracing.
// Invocations may overlap (Forge runs them in parallel), so each carries its own principal and
// time budget in an AsyncLocalStorage, as each Lambda container carries its own.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface SiteAccount {
  accountId: string;
  email: string;
  apiToken: string;
}

export interface ProductCall {
  provider: 'user' | 'app' | 'none';
  /** Email of the account the proxy used; null when it refused. */
  as: string | null;
  method: string;
  path: string;
  status: number;
  /** The invocation's module, e.g. the resolver or the trigger. */
  module: string;
  /** `asUser(accountId)`: the account impersonated offline. */
  impersonated?: string;
}

interface Invocation {
  id: string;
  module: string;
  principal: string | undefined;
  endsAt: number;
}

export interface KvsBoundary {
  fetch(target: unknown, path: string, init?: RequestInit): Promise<Response>;
}

export interface ForgeRuntimeOptions {
  siteUrl: string;
  /** The site's users, by Atlassian account id. */
  users: readonly SiteAccount[];
  /** The account the proxy uses for `asApp()`: it sees every project the app was granted. */
  app: SiteAccount;
  kvs?: KvsBoundary;
  /**
   * The scopes manifest.yml marks `allowImpersonation: true`. Forge refuses `asUser(accountId)`
   * (offline user impersonation) for a request whose scope is not among them.
   */
  impersonationScopes?: readonly string[];
}

/** The scope a Jira request needs: reads (GET and the search/fetch POSTs) or writes. */
export function scopeOf(method: string, path: string): 'read:jira-work' | 'write:jira-work' {
  const readPost = /^\/rest\/api\/3\/(search\/jql|search\/approximate-count|issue\/bulkfetch)(\?|$)/.test(path);
  return method === 'GET' || (method === 'POST' && readPost) ? 'read:jira-work' : 'write:jira-work';
}

export class FakeForgeRuntime {
  readonly calls: ProductCall[] = [];
  private readonly invocation = new AsyncLocalStorage<Invocation>();

  constructor(private readonly options: ForgeRuntimeOptions) {}

  /** Installs both globals; returns the function that puts the previous ones back. */
  install(): () => void {
    const g = globalThis as { __forge_fetch__?: unknown; __forge_runtime__?: unknown };
    const previous = { fetch: g.__forge_fetch__, runtime: g.__forge_runtime__ };
    g.__forge_fetch__ = (target: unknown, path: string, init?: RequestInit) => this.fetch(target, path, init);
    g.__forge_runtime__ = this.runtime();
    return () => {
      g.__forge_fetch__ = previous.fetch;
      g.__forge_runtime__ = previous.runtime;
    };
  }

  /** Runs `fn` as one Forge invocation of `module`, by `principal` (none for triggers), with `budgetMs` to live. */
  run<T>(module: string, principal: string | undefined, budgetMs: number, fn: () => Promise<T>): Promise<T> {
    return this.invocation.run({ id: randomUUID(), module, principal, endsAt: Date.now() + budgetMs }, fn);
  }

  /** Invokes a resolver the way Forge does for `invoke(functionKey, payload)` from a Custom UI. */
  resolve(
    handler: (request: { call: { functionKey: string; payload?: unknown }; context: Record<string, unknown> }, backend?: Record<string, unknown>) => Promise<unknown>,
    functionKey: string,
    payload: unknown,
    options: { accountId: string; budgetMs?: number; extension?: Record<string, unknown> },
  ): Promise<unknown> {
    return this.run('resolver', options.accountId, options.budgetMs ?? 25_000, () =>
      handler(
        { call: { functionKey, payload }, context: { extension: options.extension ?? { type: 'jira:issuePanel' }, moduleKey: 'harmony-okr-panel' } },
        { principal: { accountId: options.accountId }, installContext: 'ari:cloud:jira::site/fake-site' },
      ),
    );
  }

  /** Delivers a product event or a scheduled tick to a trigger function: no user principal. */
  trigger<T>(module: string, fn: () => Promise<T>, budgetMs = 25_000): Promise<T> {
    return this.run(module, undefined, budgetMs, fn);
  }

  /** Calls through the proxy, by provider. */
  count(filter: (call: ProductCall) => boolean = () => true): number {
    return this.calls.filter(filter).length;
  }

  private runtime(): Record<string, unknown> {
    const current = () => this.invocation.getStore();
    const noop = { incr: () => undefined };
    return {
      proxy: { token: 'fake-proxy-token', url: 'http://forge-proxy.invalid' },
      tracing: { traceId: 'fake-trace', spanId: 'fake-span' },
      metrics: {
        counter: () => noop,
        timing: () => ({ measure: () => ({ stop: () => undefined }) }),
      },
      get appContext() {
        const inv = current();
        return {
          appId: 'harmony-okr-test',
          appVersion: '1.0.0',
          environmentId: 'test-env',
          environmentType: 'DEVELOPMENT',
          invocationId: inv?.id ?? 'none',
          installationId: 'test-install',
          moduleKey: inv?.module ?? 'none',
        };
      },
      lambdaContext: {
        getRemainingTimeInMillis: () => {
          const inv = current();
          return inv ? Math.max(0, inv.endsAt - Date.now()) : 0;
        },
      },
    };
  }

  private async fetch(target: unknown, path: string, init?: RequestInit): Promise<Response> {
    const t = (target ?? {}) as { type?: string; provider?: string; remote?: string; accountId?: string };
    if (t.type === 'kvs') {
      if (!this.options.kvs) throw new Error('this test runs without a KVS fake, yet something called Forge storage');
      return this.options.kvs.fetch(target, path, init);
    }
    const inv = this.invocation.getStore();
    const module = inv?.module ?? 'outside an invocation';
    if (t.type !== 'fpp' || t.remote !== 'jira') return proxyError(400, 'UNSUPPORTED_REQUEST');
    const provider = t.provider === 'user' || t.provider === 'app' ? t.provider : 'none';
    const method = (init?.method ?? 'GET').toUpperCase();
    let account: SiteAccount | undefined;
    if (provider === 'app') account = this.options.app;
    else if (provider === 'user') {
      if (t.accountId !== undefined) {
        // asUser(accountId): offline user impersonation. Forge allows it only for scopes the
        // manifest declares with `allowImpersonation: true`.
        const scope = scopeOf(method, path);
        if (!(this.options.impersonationScopes ?? []).includes(scope)) {
          this.calls.push({ provider, as: null, method, path, status: 403, module, impersonated: t.accountId });
          return proxyError(403, 'IMPERSONATION_NOT_ALLOWED');
        }
      }
      // asUser() without an id speaks for the invocation's principal; triggers have none.
      const accountId = t.accountId ?? inv?.principal;
      account = this.options.users.find((u) => u.accountId === accountId);
    }
    if (!account) {
      // What the proxy says to asUser() without a user: the app must ask for consent/auth.
      this.calls.push({ provider, as: null, method, path, status: 401, module, ...(t.accountId !== undefined ? { impersonated: t.accountId } : {}) });
      return proxyError(401, provider === 'user' ? 'NEEDS_AUTHENTICATION_ERR' : 'NO_PROVIDER');
    }
    const headers = new Headers(init?.headers);
    headers.set('Authorization', `Basic ${Buffer.from(`${account.email}:${account.apiToken}`).toString('base64')}`);
    const response = await fetch(`${this.options.siteUrl}${path}`, { method, headers, ...(init?.body !== undefined ? { body: init.body } : {}) });
    this.calls.push({ provider, as: account.email, method, path, status: response.status, module, ...(t.accountId !== undefined ? { impersonated: t.accountId } : {}) });
    return response;
  }
}

function proxyError(status: number, reason: string): Response {
  return new Response(JSON.stringify({ message: reason }), { status, headers: { 'forge-proxy-error': reason, 'content-type': 'application/json' } });
}
