// Reads `Retry-After`, which RFC 9110 allows as delay-seconds or as an HTTP date. Jira Cloud and
// Azure DevOps send seconds; the date form is read too, so a proxy in between cannot make us
// retry at once. Anything else (a negative number, garbage) is unreadable: callers fall back to
// their own backoff rather than trusting `Date.parse`, which reads "-5" as a date in 2001 and so
// would mean "retry now".

/** RFC 9110 §5.6.7 HTTP-date: IMF-fixdate, the obsolete RFC 850 form, or asctime. */
const HTTP_DATE = new RegExp(
  [
    String.raw`^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$`,
    String.raw`^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT$`,
    String.raw`^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$`,
  ].join('|'),
);

/** The wait in milliseconds, or undefined when the header is absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  if (!HTTP_DATE.test(value)) return undefined;
  // asctime carries no zone; HTTP dates are always GMT.
  const at = Date.parse(/GMT$/.test(value) ? value : `${value} GMT`);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
