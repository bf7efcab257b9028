// Reads `Retry-After`, which RFC 9110 allows as delay-seconds or as an HTTP date. Jira Cloud and
// Azure DevOps send seconds; the date form is read too, so a proxy in between cannot make us
// retry at once.

/** The wait in milliseconds, or undefined when the header is absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
