// The Forge host client: every use case is a resolver function of the same name (one
// `resolver.define` per ApiMethods key), called with `invoke` from @forge/bridge and answering an
// ApiEnvelope. A refused call becomes the same ApiError the HTTP client throws, so components
// handle conflicts and inline problems identically in Jira and in the workbench.
//
// `invoke` is handed in by the entry point rather than imported here: @forge/bridge connects to
// the host frame as soon as it is loaded, which only works inside a Custom UI iframe.
import type { ApiClient, ApiMethods } from '../../app/api';
import { ApiError } from './api-error';
import { isEnvelope } from './envelope';

/** The shape of @forge/bridge's `invoke` that we use: function key and payload in, the resolver's answer out. */
export type ForgeInvoke = (functionKey: string, payload: Record<string, unknown>) => Promise<unknown>;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).trim();

/** A map of calls like ApiMethods: name → payload in, answer out. */
export type MethodMap<M> = { [K in keyof M]: { in: unknown; out: unknown } };
export type Caller<M extends MethodMap<M>> = <K extends keyof M & string>(name: K, payload: M[K]['in']) => Promise<M[K]['out']>;

/** A typed caller of any resolver set answering envelopes (the app API, the settings page's calls). */
export function createForgeCaller<M extends MethodMap<M>>(invoke: ForgeInvoke): Caller<M> {
  return async function call<K extends keyof M & string>(name: K, payload: M[K]['in']): Promise<M[K]['out']> {
    let answer: unknown;
    try {
      answer = await invoke(name, payload as Record<string, unknown>);
    } catch (error) {
      // The bridge limits resolver calls (500 per 25 s) and says so in its error.
      const message = describe(error);
      if (/rate limit/i.test(message)) throw new ApiError('rate-limited', `Too many calls to Harmony at once; wait a moment and try again (${message})`);
      throw new ApiError('internal', `Could not reach Harmony's functions in this site: ${message}`);
    }
    if (!isEnvelope(answer)) throw new ApiError('internal', `Unexpected answer from Harmony's ${name} function`);
    if (answer.ok) return answer.data;
    throw new ApiError(answer.error.code, answer.error.message, answer.error.problems ?? []);
  };
}

export function createForgeClient(invoke: ForgeInvoke): ApiClient {
  return createForgeCaller<ApiMethods>(invoke);
}
