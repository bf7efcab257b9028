// What the Extension Data Service's refusals mean. Its client rejects with the REST error of the
// host's fetch (`status`, and the server's exception as `serverError.typeKey`), carried across the
// SDK's frame channel as a plain object. The exception names come from the service's data layer:
// DocumentExistsException, DocumentDoesNotExistException, DocumentCollectionDoesNotExistException
// and InvalidDocumentVersionException (stale `__etag`). The type key decides; the HTTP status is
// only the fallback for an answer without one.

interface ServiceErrorLike {
  status?: unknown;
  typeKey?: unknown;
  serverError?: { typeKey?: unknown } | null;
}

function typeKeyOf(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const e = error as ServiceErrorLike;
  const key = e.serverError?.typeKey ?? e.typeKey;
  return typeof key === 'string' ? key : undefined;
}

function statusOf(error: unknown): number | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const status = (error as ServiceErrorLike).status;
  return typeof status === 'number' ? status : undefined;
}

/** The document, or its whole collection, does not exist (404). */
export function isMissing(error: unknown): boolean {
  const key = typeKeyOf(error);
  if (key !== undefined) return key === 'DocumentDoesNotExistException' || key === 'DocumentCollectionDoesNotExistException';
  return statusOf(error) === 404;
}

/** A create named an id that is taken. */
export function isAlreadyThere(error: unknown): boolean {
  const key = typeKeyOf(error);
  if (key !== undefined) return key === 'DocumentExistsException';
  return statusOf(error) === 409;
}

/** An update's `__etag` is not the stored one. */
export function isStale(error: unknown): boolean {
  const key = typeKeyOf(error);
  if (key !== undefined) return key === 'InvalidDocumentVersionException';
  const status = statusOf(error);
  return status === 409 || status === 412;
}
