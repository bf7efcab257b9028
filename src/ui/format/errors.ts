// What a failed call tells the user. A conflict is not a failure of the user's input: someone
// else saved first, so the component reloads and says so.
import { isApiError } from '../client/api-error';

export function errorMessage(error: unknown): string {
  if (isApiError(error)) {
    switch (error.code) {
      case 'conflict':
        return 'Someone else changed this while you were working on it. The latest data has been reloaded; check it and try again.';
      case 'not-found':
        return error.message || 'That item does not exist, or you do not have access to it.';
      case 'forbidden':
        // The app names the role the call needs (src/app/permissions.ts).
        return error.message || 'You do not have permission to do that.';
      case 'rate-limited':
        return 'The tracker is busy (rate limited). Wait a moment and try again.';
      case 'invalid-input':
        return error.problems.length > 0 ? error.problems.map((p) => p.message).join(' ') : error.message;
      case 'tracker-data':
        return error.message;
      case 'internal':
        return `Something went wrong: ${error.message}`;
    }
  }
  return `Something went wrong: ${error instanceof Error ? error.message : String(error)}`;
}

export function isConflict(error: unknown): boolean {
  return isApiError(error) && error.code === 'conflict';
}
