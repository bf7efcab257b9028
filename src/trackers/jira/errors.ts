// What the Jira adapter throws. Jira explains failures in an ErrorCollection body
// (`errorMessages` plus per-field `errors`); we carry those words to the user unchanged, because
// "Field 'parnt' does not exist" says what to fix better than any paraphrase.

export class JiraError extends Error {
  readonly code: string = 'jira-error';
  constructor(
    message: string,
    /** HTTP status, or 0 when Jira answered but not with anything usable. */
    readonly status: number,
    /** `METHOD path` of the request that failed. */
    readonly request: string,
    /** Jira's own messages, when its body had any. */
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'JiraError';
  }
}

/** Turns an ErrorCollection body (or any text) into readable lines. */
export function jiraErrorDetails(body: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    const text = body.trim();
    return text ? [text.length > 500 ? `${text.slice(0, 500)}…` : text] : [];
  }
  if (!parsed || typeof parsed !== 'object') return [];
  const { errorMessages, errors, message } = parsed as { errorMessages?: unknown; errors?: unknown; message?: unknown };
  const lines: string[] = [];
  if (Array.isArray(errorMessages)) lines.push(...errorMessages.filter((m): m is string => typeof m === 'string'));
  if (errors && typeof errors === 'object') {
    for (const [field, text] of Object.entries(errors as Record<string, unknown>)) {
      if (typeof text === 'string') lines.push(`${field}: ${text}`);
    }
  }
  if (lines.length === 0 && typeof message === 'string') lines.push(message);
  return lines;
}
