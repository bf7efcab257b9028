// Azure DevOps answers throttled requests with 429 and `Retry-After` (RFC 9110: delay-seconds or
// an HTTP date). It sends seconds; the date form is read too so that a proxy cannot make us retry
// at once.

/** The wait in milliseconds, or undefined when the header is absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
