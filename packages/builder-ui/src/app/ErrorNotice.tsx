import { ApiError } from '../api/api-error';

/** Props of {@link ErrorNotice}. */
export interface ErrorNoticeProps {
  /** What went wrong; an ApiError shows its message and code. */
  error: unknown;
  /** Says what was being done, e.g. "Loading flows failed". */
  action: string;
  onRetry?: () => void;
}

/** A failed API call, told in plain words with an optional retry. */
export function ErrorNotice({ error, action, onRetry }: ErrorNoticeProps) {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError ? error.code : null;

  return (
    <div className="notice notice--error" role="alert">
      <strong>{action}.</strong> {message}
      {code && <span className="notice__code"> ({code})</span>}
      {onRetry && (
        <button
          type="button"
          className="button button--quiet"
          onClick={onRetry}
        >
          Try again
        </button>
      )}
    </div>
  );
}
