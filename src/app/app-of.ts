// The app over a chosen set of use cases. Most hosts run every use case (create-app.ts); a page
// that needs only a few (the Azure DevOps plan hub: import, export, permissions) builds its app
// from those, so the rest of the use cases never reach its bundle. The checks are the same.
import { todayUtc } from '../core/model/dates';
import { NotFoundError } from '../core/model/errors';
import type { ApiClient, ApiEnvelope, ApiInput, ApiName, ApiOutput } from './api';
import type { AppContext, AppDeps } from './context';
import { toApiError } from './errors';
import { authorize, rememberingActor } from './permissions';
import type { UseCase } from './use-case';
import { parseInput } from './validate';
import { NO_PEOPLE } from './people';

/**
 * A use case, or a loader of one: a browser page (Azure DevOps, where the app runs in the page)
 * loads the use cases of rare screens (closing a quarter, the review, authoring) only when one
 * is first called, so what the page loads when it opens stays within its weight budget.
 */
export type UseCaseEntry<K extends ApiName> = UseCase<K> | (() => Promise<UseCase<K>>);

/** Some use cases, each under its API name. */
export type UseCases = { [K in ApiName]?: UseCaseEntry<K> };

export interface App {
  /** Runs a use case; throws the app's errors (InvalidInputError, ConflictError, NotFoundError, ...). */
  call: ApiClient;
  /** The same, for an untrusted name and payload off a wire: never throws, answers the envelope. */
  handle(name: string, payload: unknown): Promise<ApiEnvelope<unknown>>;
}

export function createAppOf(useCases: UseCases, deps: AppDeps): App {
  const base = {
    store: deps.store,
    source: deps.source,
    history: deps.history,
    today: deps.today ?? (() => todayUtc()),
    measures: deps.measures ?? {},
    now: deps.now ?? (() => new Date()),
    people: deps.people ?? NO_PEOPLE,
  };
  const find = (name: string): UseCaseEntry<ApiName> | undefined =>
    Object.prototype.hasOwnProperty.call(useCases, name) ? (useCases[name as ApiName] as UseCaseEntry<ApiName> | undefined) : undefined;
  const loaded = new Map<string, Promise<UseCase<ApiName>>>();
  const load = (name: string, entry: UseCaseEntry<ApiName>): Promise<UseCase<ApiName>> => {
    if (typeof entry !== 'function') return Promise.resolve(entry);
    let pending = loaded.get(name);
    if (!pending) {
      pending = entry();
      // A failed load (the network dropped) is tried again on the next call, not remembered.
      pending.catch(() => loaded.delete(name));
      loaded.set(name, pending);
    }
    return pending;
  };

  const call: ApiClient = async <K extends ApiName>(name: K, payload: ApiInput<K>): Promise<ApiOutput<K>> => {
    const entry = find(name);
    if (!entry) throw new NotFoundError('use case', String(name));
    const useCase = (await load(name, entry)) as unknown as UseCase<K>;
    const input = parseInput(useCase.input, payload);
    // One call asks the host each question at most once.
    const ctx: AppContext = { ...base, actor: rememberingActor(deps.actor) };
    await authorize(name, useCase.requires, input, ctx.actor, ctx.store);
    return useCase.run(ctx, input);
  };

  const handle = async (name: string, payload: unknown): Promise<ApiEnvelope<unknown>> => {
    try {
      if (!find(name)) throw new NotFoundError('use case', name);
      return { ok: true, data: await call(name as ApiName, payload as never) };
    } catch (e) {
      return { ok: false, error: toApiError(e) };
    }
  };

  return { call, handle };
}
