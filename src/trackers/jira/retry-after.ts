// Reads `Retry-After`, which RFC 9110 allows as delay-seconds or as an HTTP date. Jira Cloud
// sends seconds; the date form is handled so a proxy in between cannot make us retry at once.

/** The wait in milliseconds, or undefined when the header is absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
