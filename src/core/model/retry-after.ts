// Reads `Retry-After`, which RFC 9110 allows as delay-seconds or as an HTTP date. Jira Cloud and
// Azure DevOps send seconds; the date form is read too, so a proxy in between cannot make us
// retry at once. Anything else (a negative number, words) is unreadable: the caller backs off.

/** The wait in milliseconds, or undefined when the value is absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  // Only a date with a month or weekday name in it: `Date.parse` also takes "-5" or "3 4" as
  // years, which would turn a malformed value into "retry now".
  if (!/[a-z]{3}/i.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
