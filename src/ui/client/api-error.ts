// The one error type the UI handles: whatever the host's transport (HTTP, Forge invoke, the
// ADO in-browser app), a failed call surfaces as an ApiError carrying the envelope's code, so
// components can say "someone else changed it" or point at the field a problem names.
import type { ApiErrorCode } from '../../app/api';

export interface ApiProblem {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly problems: ApiProblem[] = [],
    /** The transport status when there was one (HTTP), for diagnostics only. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Problems whose path names `field` (exactly, or as the start of a longer path). */
export function problemsFor(error: unknown, field: string): string[] {
  if (!isApiError(error)) return [];
  return error.problems
    .filter((p) => p.path === field || p.path.startsWith(`${field}.`) || p.path.startsWith(`${field}[`))
    .map((p) => p.message);
}
