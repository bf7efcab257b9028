// The one mapping from anything a use case throws to the API envelope's error. Hosts put the
// envelope on their wire (HTTP status, resolver result, in-browser call) without deciding again.
import { RateLimitedError } from '../core/model/errors';
import { API_ERROR_CODES, type ApiEnvelope, type ApiErrorCode } from './api';

export type ApiError = Extract<ApiEnvelope<unknown>, { ok: false }>['error'];


interface ErrorLike {
  code?: unknown;
  status?: unknown;
  message?: unknown;
  problems?: unknown;
}

export function toApiError(error: unknown): ApiError {
  const e: ErrorLike = error !== null && typeof error === 'object' ? error : {};
  const message = typeof e.message === 'string' && e.message ? e.message : describe(error);
  const code = error instanceof RateLimitedError ? 'rate-limited' : codeOf(e);
  if (code === 'internal') return { code, message: `something went wrong on our side: ${message}` };
  const out: ApiError = { code, message };
  if (Array.isArray(e.problems)) out.problems = (e.problems as { path: string; message: string }[]).map(({ path, message }) => ({ path, message }));
  return out;
}

/**
 * Our own errors carry an ApiErrorCode (every adapter's rate limit is RateLimitedError, code
 * `rate-limited`). Other adapter errors carry their own codes and HTTP statuses; only those a user
 * can act on keep their meaning.
 */
function codeOf(e: ErrorLike): ApiErrorCode {
  if (typeof e.code === 'string') {
    if ((API_ERROR_CODES as readonly string[]).includes(e.code)) return e.code as ApiErrorCode;
    if (e.code.endsWith('rate-limited')) return 'rate-limited';
  }
  if (e.status === 429) return 'rate-limited';
  if (e.status === 401 || e.status === 403) return 'forbidden';
  return 'internal';
}

/** The HTTP status hosts answer with for each code. */
export const HTTP_STATUS: Record<ApiErrorCode, number> = {
  'invalid-input': 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'rate-limited': 429,
  // The service upstream answered with something we cannot use.
  'tracker-data': 502,
  internal: 500,
};

function describe(error: unknown): string {
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? 'unknown error';
  } catch {
    return 'unknown error';
  }
}
