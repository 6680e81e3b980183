import { useEffect } from 'react';
import type { HistoryItem } from '../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RelativeTime } from '../../components/RelativeTime';
import { useEntryStore } from './entryStore';
import { fieldLabel } from './fieldLabels';
import { describeValue } from './historyFormat';

const ACTION_WORDS: Record<HistoryItem['action'], string> = {
  created: 'Created',
  updated: 'Changed',
  deleted: 'Deleted',
  restored: 'Brought back',
};

/** Every revision of the entry, newest first: when, what happened, and which fields moved from what to what. */
export function HistoryPanel() {
  const history = useEntryStore((store) => store.history);
  const names = useEntryStore((store) => store.linkNames);
  const loadHistory = useEntryStore((store) => store.loadHistory);

  useEffect(() => {
    void loadHistory();
  }, [loadHistory]);

  if (history.error && history.items === null) {
    return <ErrorAlert error={history.error} title="The history could not be loaded." onRetry={() => void loadHistory()} />;
  }
  if (history.items === null) return <p className="muted">Loading the history…</p>;
  if (history.items.length === 0) return <p className="muted">No history yet.</p>;

  return (
    <ol className="history" aria-label="Revisions, newest first">
      {history.items.map((item) => (
        <li key={item.revision} className="history-item">
          <div className="history-head">
            <span className={`history-action history-action-${item.action}`}>{ACTION_WORDS[item.action]}</span>
            <RelativeTime iso={item.at} />
            <span className="history-revision">Revision {item.revision}</span>
          </div>
          {item.changes.length > 0 && (
            <ul className="history-changes">
              {item.changes.map((change) => (
                <li key={change.field} className="history-change">
                  <span className="history-field">{fieldLabel(change.field)}</span>
                  {item.action === 'created' ? (
                    <span className="history-values">
                      <span className="history-after">{describeValue(change.field, change.after, names)}</span>
                    </span>
                  ) : (
                    <span className="history-values">
                      <span className="history-before">{describeValue(change.field, change.before, names)}</span>
                      <span aria-hidden="true" className="history-arrow">
                        →
                      </span>
                      <span className="visually-hidden"> changed to </span>
                      <span className="history-after">{describeValue(change.field, change.after, names)}</span>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
