import { errorMessage } from '../format/errors';

/** An error that concerns a whole surface or action, announced to screen readers. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="h-notice h-tone-danger" role="alert">
      <span>{errorMessage(error)}</span>
      {onRetry && (
        <button type="button" className="h-button h-button-subtle" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
