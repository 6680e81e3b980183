import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { KIND_LABELS } from '../../../shared/labels';
import { navigate } from '../../app/navigation';
import { routeHref } from '../../app/route';
import { useDocumentTitle } from '../../app/hooks/useDocumentTitle';
import { useFocusHeading } from '../../app/hooks/useFocusHeading';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { useToastStore } from '../toasts/toastStore';
import { EntryForm } from './EntryForm';
import { useEntryStore } from './entryStore';
import { HistoryPanel } from './HistoryPanel';
import { SaveProblem, SaveStatus } from './SaveStatus';

type Tab = 'details' | 'history';

/** One tool: its form (saved as you type) and its history. */
export function EntryView({ id }: { id: string }) {
  const open = useEntryStore((store) => store.open);
  const close = useEntryStore((store) => store.close);
  const edit = useEntryStore((store) => (store.edit?.id === id ? store.edit : null));
  const loadError = useEntryStore((store) => (store.openId === id ? store.loadError : null));
  const actionError = useEntryStore((store) => store.actionError);
  const retry = useEntryStore((store) => store.retry);
  const remove = useEntryStore((store) => store.remove);
  const entryDeleted = useToastStore((store) => store.entryDeleted);
  const [tab, setTab] = useState<Tab>('details');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const tabsId = useId();
  const [deleting, setDeleting] = useState(false);
  useDocumentTitle(edit ? edit.draft.name.trim() || 'Untitled tool' : 'Entry');

  useEffect(() => {
    void open(id);
    return () => {
      void close();
    };
  }, [id, open, close]);

  useFocusHeading(headingRef, edit !== null);

  if (loadError) {
    return (
      <div className="view view-narrow">
        <a className="back-link" href={routeHref({ view: 'list' })}>
          <Icon name="back" />
          All tools
        </a>
        <h1 ref={headingRef} tabIndex={-1}>
          This entry could not be opened
        </h1>
        <ErrorAlert error={loadError} onRetry={() => void open(id)} />
      </div>
    );
  }
  if (!edit) {
    return (
      <div className="view view-narrow">
        <p className="muted" role="status">
          Opening the entry…
        </p>
      </div>
    );
  }

  async function onDelete(): Promise<void> {
    setDeleting(true);
    const deleted = await remove();
    setDeleting(false);
    if (deleted) {
      entryDeleted(deleted);
      navigate({ view: 'list' });
    }
  }

  function onTabKey(event: KeyboardEvent<HTMLButtonElement>): void {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight' && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    const next: Tab = tab === 'details' ? 'history' : 'details';
    setTab(event.key === 'Home' ? 'details' : event.key === 'End' ? 'history' : next);
    document.getElementById(`${tabsId}-${event.key === 'Home' ? 'details' : event.key === 'End' ? 'history' : next}`)?.focus();
  }

  const title = edit.draft.name.trim() || 'Untitled tool';
  return (
    <div className="view view-entry">
      <a className="back-link" href={routeHref({ view: 'list' })}>
        <Icon name="back" />
        All tools
      </a>
      <header className="entry-header">
        <div className="entry-title">
          <h1 ref={headingRef} tabIndex={-1}>
            {title}
          </h1>
          <p className="entry-subtitle">
            <span className="badge">{KIND_LABELS[edit.draft.kind]}</span>
            <SaveStatus edit={edit} />
          </p>
        </div>
        <button type="button" className="button button-danger" onClick={() => void onDelete()} disabled={deleting}>
          <Icon name="trash" />
          Delete
        </button>
      </header>
      <SaveProblem edit={edit} onRetry={() => void retry()} />
      {actionError && <ErrorAlert error={actionError} title="The entry was not deleted." />}

      <div className="tabs" role="tablist" aria-label="Entry">
        {(['details', 'history'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`${tabsId}-${name}`}
            aria-selected={tab === name}
            aria-controls={`${tabsId}-${name}-panel`}
            tabIndex={tab === name ? 0 : -1}
            className="tab"
            onClick={() => setTab(name)}
            onKeyDown={onTabKey}
          >
            {name === 'details' ? 'Details' : 'History'}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${tabsId}-details-panel`}
        aria-labelledby={`${tabsId}-details`}
        className="tabpanel"
        hidden={tab !== 'details'}
      >
        <EntryForm edit={edit} />
      </div>
      <div
        role="tabpanel"
        id={`${tabsId}-history-panel`}
        aria-labelledby={`${tabsId}-history`}
        className="tabpanel"
        hidden={tab !== 'history'}
      >
        {tab === 'history' && <HistoryPanel />}
      </div>
    </div>
  );
}
