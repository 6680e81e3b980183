import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { KIND_LABELS } from '../../../shared/labels';
import { navigate } from '../../app/navigation';
import { ENTRY_TABS, entryTabRoute, routeHref, type EntryTab } from '../../app/route';
import { useDocumentTitle } from '../../app/hooks/useDocumentTitle';
import { useFocusHeading } from '../../app/hooks/useFocusHeading';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { useFilesStore } from '../files/filesStore';
import { FindingsPanel } from '../findings/FindingsPanel';
import { countToLookAt } from '../findings/findingsState';
import { useFindingsStore } from '../findings/findingsStore';
import { EntrySharingPanel } from '../sharing/EntrySharingPanel';
import { useToastStore } from '../toasts/toastStore';
import { EntryForm } from './EntryForm';
import { useEntryStore } from './entryStore';
import { HistoryPanel } from './HistoryPanel';
import { SaveProblem, SaveStatus } from './SaveStatus';

const TAB_NAMES: Record<EntryTab, string> = { details: 'Details', guidelines: 'Guidelines', sharing: 'Sharing', history: 'History' };

/** "3 to look at" next to the Guidelines tab, while something asks for her attention. */
function GuidelinesCount() {
  const count = useFindingsStore((store) => (store.findings ? countToLookAt(store.findings) : 0));
  if (count === 0) return null;
  return (
    <span className="tab-count">
      {count}
      <span className="visually-hidden"> to look at</span>
    </span>
  );
}

/** One tool: its form (saved as you type), how it stands against the guidelines, sharing with IT, and its history. */
export function EntryView({ id, tab = 'details' }: { id: string; tab?: EntryTab }) {
  const open = useEntryStore((store) => store.open);
  const close = useEntryStore((store) => store.close);
  const edit = useEntryStore((store) => (store.edit?.id === id ? store.edit : null));
  const loadError = useEntryStore((store) => (store.openId === id ? store.loadError : null));
  const actionError = useEntryStore((store) => store.actionError);
  const retry = useEntryStore((store) => store.retry);
  const remove = useEntryStore((store) => store.remove);
  const entryDeleted = useToastStore((store) => store.entryDeleted);
  const openFindings = useFindingsStore((store) => store.open);
  const closeFindings = useFindingsStore((store) => store.close);
  const openFiles = useFilesStore((store) => store.open);
  const closeFiles = useFilesStore((store) => store.close);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const tabsId = useId();
  const [deleting, setDeleting] = useState(false);
  useDocumentTitle(edit ? edit.draft.name.trim() || 'Untitled tool' : 'Entry');

  useEffect(() => {
    void open(id);
    void openFindings(id);
    void openFiles(id);
    return () => {
      void close();
      closeFindings();
      closeFiles();
    };
  }, [id, open, close, openFindings, closeFindings, openFiles, closeFiles]);

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

  // The tab is part of the address (#/entries/<id>/guidelines), so Home can link straight to it.
  function setTab(next: EntryTab): void {
    navigate(entryTabRoute(id, next), { replace: true });
  }

  function onTabKey(event: KeyboardEvent<HTMLButtonElement>): void {
    const index = ENTRY_TABS.indexOf(tab);
    const moves: Record<string, number> = {
      ArrowLeft: (index + ENTRY_TABS.length - 1) % ENTRY_TABS.length,
      ArrowRight: (index + 1) % ENTRY_TABS.length,
      Home: 0,
      End: ENTRY_TABS.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = ENTRY_TABS[target]!;
    setTab(next);
    document.getElementById(`${tabsId}-${next}`)?.focus();
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
        {ENTRY_TABS.map((name) => (
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
            {TAB_NAMES[name]}
            {name === 'guidelines' && <GuidelinesCount />}
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
        id={`${tabsId}-guidelines-panel`}
        aria-labelledby={`${tabsId}-guidelines`}
        className="tabpanel"
        hidden={tab !== 'guidelines'}
      >
        {tab === 'guidelines' && <FindingsPanel edit={edit} />}
      </div>
      <div
        role="tabpanel"
        id={`${tabsId}-sharing-panel`}
        aria-labelledby={`${tabsId}-sharing`}
        className="tabpanel"
        hidden={tab !== 'sharing'}
      >
        {tab === 'sharing' && <EntrySharingPanel entryId={id} />}
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
