// Jira refusing a request for what it carries (400 bad JQL, 413 too large, 422 …) is not our
// outage: it is the input's fault, and the user can act on it. The code `invalid-input` makes
// the app's envelope say so (HTTP 400) instead of "something went wrong on our side" (500).
// 401/403/404/429 keep their own meanings, and 410 (an API Jira removed) is ours to fix.
import { JiraError } from './errors';

export class JiraRefusedError extends JiraError {
  override readonly code = 'invalid-input';
  constructor(message: string, status: number, request: string, details: string[]) {
    super(message, status, request, details);
    this.name = 'JiraRefusedError';
  }
}

/** Whether a status is a refusal of the request itself (see above). */
export function isRefusal(status: number): boolean {
  return status >= 400 && status < 500 && status !== 401 && status !== 403 && status !== 404 && status !== 410 && status !== 429;
}
