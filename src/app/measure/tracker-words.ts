// A tracker's failure as the tracker worded it: Jira's ErrorCollection lines ("The value 'XX'
// does not exist for the field 'project'.") say what to fix better than any paraphrase.
export function trackerWords(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const details = (e as { details?: unknown }).details;
  if (Array.isArray(details) && details.length > 0 && details.every((d): d is string => typeof d === 'string')) return details.join(' ');
  return e.message;
}
