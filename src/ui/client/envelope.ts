// Every host answers a use case with an ApiEnvelope; this tells one from anything else a transport
// may hand back (an error page, a crashed function's empty answer).
import { API_ERROR_CODES, type ApiEnvelope, type ApiErrorCode } from '../../app/api';

const CODES: readonly ApiErrorCode[] = API_ERROR_CODES;

export function isEnvelope(body: unknown): body is ApiEnvelope<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  if (body.ok === true) return 'data' in body;
  if (body.ok !== false || !('error' in body)) return false;
  const error = body.error;
  return typeof error === 'object' && error !== null && 'code' in error && CODES.includes(error.code as ApiErrorCode) && 'message' in error && typeof error.message === 'string';
}
