import type { EntryFieldName } from '../../../shared/entry';
import { Icon } from '../../components/Icon';
import type { EntryEditState } from './entryState';
import { fieldLabel } from './fieldLabels';

/** A quiet line that says whether what was typed is safe. */
export function SaveStatus({ edit }: { edit: EntryEditState }) {
  let text: string;
  switch (edit.status) {
    case 'pending':
    case 'saving':
      text = 'Saving…';
      break;
    case 'failed':
      text = 'Not saved yet';
      break;
    default:
      text = 'All changes saved';
  }
  return (
    <p className={`save-status save-status-${edit.status}`} role="status">
      {edit.status === 'saved' && <Icon name="check" />}
      {edit.status === 'failed' && <Icon name="alert" />}
      {text}
    </p>
  );
}

interface SaveProblemProps {
  edit: EntryEditState;
  onRetry: () => void;
}

/** Why something is not saved, and what to do; the typed text stays in the form meanwhile. */
export function SaveProblem({ edit, onRetry }: SaveProblemProps) {
  const refused = Object.entries(edit.failed) as [EntryFieldName, { message: string }][];
  if (edit.saveError === null && refused.length === 0) return null;
  return (
    <div className="alert" role="alert">
      <div className="alert-text">
        {edit.saveError ? (
          <>
            <p className="alert-title">Your last changes are not saved yet. {edit.saveError.message}</p>
            <p className="alert-hint">{edit.saveError.hint} What you typed stays here in the meantime.</p>
          </>
        ) : (
          <>
            <p className="alert-title">
              {refused.length === 1 ? 'One change could not be saved:' : `${refused.length} changes could not be saved:`}
            </p>
            <ul className="alert-list">
              {refused.map(([field, failure]) => (
                <li key={field}>
                  <strong>{fieldLabel(field)}</strong>: {failure.message}
                </li>
              ))}
            </ul>
            <p className="alert-hint">What you typed stays in the form. Correct it and it saves by itself.</p>
          </>
        )}
      </div>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
