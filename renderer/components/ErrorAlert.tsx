import type { CallError } from '../../shared/contract';

interface ErrorAlertProps {
  error: CallError;
  /** A short lead-in, e.g. "The list could not be loaded." */
  title?: string;
  onRetry?: () => void;
  retryLabel?: string;
}

/** What went wrong and what to do next, in the flow of the page. */
export function ErrorAlert({ error, title, onRetry, retryLabel = 'Try again' }: ErrorAlertProps) {
  return (
    <div className="alert" role="alert">
      <div className="alert-text">
        {title && <p className="alert-title">{title}</p>}
        <p className={title ? undefined : 'alert-title'}>{error.message}</p>
        <p className="alert-hint">{error.hint}</p>
      </div>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {retryLabel}
        </button>
      )}
    </div>
  );
}
