// The workbench's host client: every use case is `POST /api/<name>` with the payload as JSON,
// answered by an ApiEnvelope. The envelope, not the HTTP status, is the source of truth; the
// status only matters when the body is not an envelope (a proxy error page, a dropped server).
import type { ApiClient, ApiErrorCode, ApiInput, ApiName, ApiOutput } from '../../app/api';
import { isEnvelope } from './envelope';
import { ApiError } from './api-error';

export interface HttpClientOptions {
  /** Prefix before `/api/<name>`; default '' (same origin). */
  baseUrl?: string;
  fetch?: typeof fetch;
}

function codeForStatus(status: number): ApiErrorCode {
  if (status === 400) return 'invalid-input';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate-limited';
  return 'internal';
}


export function createHttpClient(options: HttpClientOptions = {}): ApiClient {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function call<K extends ApiName>(name: K, payload: ApiInput<K>): Promise<ApiOutput<K>> {
    let response: Response;
    try {
      response = await doFetch(`${base}/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(payload),
      });
    } catch (error) {
      throw new ApiError('internal', `Could not reach the server: ${error instanceof Error ? error.message : String(error)}`);
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!isEnvelope(body)) {
      throw new ApiError(codeForStatus(response.status), `Unexpected answer from the server (HTTP ${response.status})`, [], response.status);
    }
    if (body.ok) return body.data as ApiOutput<K>;
    throw new ApiError(body.error.code, body.error.message, body.error.problems ?? [], response.status);
  }

  return call;
}
