import { useId, useRef, useState, type FormEvent } from 'react';
import type { DiscoveryCandidate } from '../../../shared/contract';
import { KIND_LABELS } from '../../../shared/labels';
import { useDocumentTitle } from '../../app/hooks/useDocumentTitle';
import { useFocusHeading } from '../../app/hooks/useFocusHeading';
import { routeHref } from '../../app/route';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { splitPath } from '../../format/path';
import { planFolderDrop } from '../files/dropPlan';
import { DropZone, hostKnowsPaths } from '../files/DropZone';
import { useToastStore } from '../toasts/toastStore';
import { addButtonLabel, addedWords, endWords, isRunning, pickedCandidates, progressWords, skippedWords } from './discoverState';
import { useDiscoverStore } from './discoverStore';

function Candidate({ candidate }: { candidate: DiscoveryCandidate }) {
  const checked = useDiscoverStore((store) => store.selected[candidate.path] ?? false);
  const addedId = useDiscoverStore((store) => store.added[candidate.path]);
  const toggle = useDiscoverStore((store) => store.toggle);
  const adding = useDiscoverStore((store) => store.adding !== null);
  const id = useId();
  const { name, folder } = splitPath(candidate.path);
  const kind = candidate.suggestion.kind;
  return (
    <li className={addedId ? 'candidate is-added' : checked ? 'candidate is-picked' : 'candidate'}>
      <div className="candidate-pick">
        {addedId ? (
          <Icon name="check" className="candidate-added-icon" />
        ) : (
          <input
            id={`${id}-pick`}
            type="checkbox"
            checked={checked}
            disabled={adding}
            aria-describedby={`${id}-why ${id}-summary`}
            onChange={() => toggle(candidate.path)}
          />
        )}
      </div>
      <div className="candidate-main">
        <div className="candidate-head">
          {addedId ? (
            <span className="candidate-name">{name}</span>
          ) : (
            <label className="candidate-name" htmlFor={`${id}-pick`}>
              {name}
            </label>
          )}
          {kind && <span className="badge badge-quiet">{KIND_LABELS[kind]}</span>}
          {addedId && (
            <a className="candidate-open" href={routeHref({ view: 'entry', id: addedId })}>
              In your fieldbook<span className="visually-hidden">: open {name}</span>
            </a>
          )}
        </div>
        {folder && <p className="candidate-folder">{folder}</p>}
        <ul className="candidate-reasons" id={`${id}-why`} aria-label="Why it looks like a tool">
          {candidate.reasons.map((reason) => (
            <li key={reason} className="reason">
              {reason}
            </li>
          ))}
        </ul>
        <p className="candidate-summary" id={`${id}-summary`}>
          {candidate.summary}
        </p>
      </div>
    </li>
  );
}

function Results() {
  const candidates = useDiscoverStore((store) => store.candidates);
  const pickedCount = useDiscoverStore((store) => pickedCandidates(store).length);
  const addedCount = useDiscoverStore((store) => Object.keys(store.added).length);
  const adding = useDiscoverStore((store) => store.adding);
  const addError = useDiscoverStore((store) => store.addError);
  const selectAll = useDiscoverStore((store) => store.selectAll);
  const selectNone = useDiscoverStore((store) => store.selectNone);
  const add = useDiscoverStore((store) => store.add);
  const show = useToastStore((store) => store.show);
  if (candidates === null) return null;

  async function onAdd(): Promise<void> {
    const added = await add();
    if (added > 0) {
      show({ message: addedWords(added), tone: 'info', link: { href: routeHref({ view: 'list' }), label: 'Open the fieldbook' } });
    }
  }

  const remaining = candidates.length - addedCount;
  return (
    <section className="card discover-results" aria-labelledby="discover-results-title">
      <h2 id="discover-results-title">Tools found</h2>
      {candidates.length === 0 ? (
        <p className="muted">
          No tools turned up here: no workbooks with macros, links or connections, no Access databases, no scripts. That
          is fine. Try another folder, or add a tool you know of with New entry.
        </p>
      ) : (
        <>
          <p className="muted">
            Pick the ones worth writing down. Each becomes an entry with its name, kind and file filled in, and what
            Fieldbook found in the file; you can change everything afterwards.
          </p>
          {remaining > 0 && (
            <div className="discover-toolbar">
              <button type="button" className="button button-quiet" onClick={selectAll} disabled={adding !== null}>
                Select all
              </button>
              <button type="button" className="button button-quiet" onClick={selectNone} disabled={adding !== null || pickedCount === 0}>
                Select none
              </button>
              <span className="muted small">
                {pickedCount} of {remaining} picked
              </span>
            </div>
          )}
          <ul className="candidate-list" aria-label="Tools found">
            {candidates.map((candidate) => (
              <Candidate key={candidate.path} candidate={candidate} />
            ))}
          </ul>
          {addError && <ErrorAlert error={addError} title="Not every tool was added." onRetry={() => void onAdd()} />}
          {remaining > 0 && (
            <div className="discover-actions">
              <button
                type="button"
                className="button button-primary"
                onClick={() => void onAdd()}
                disabled={pickedCount === 0 || adding !== null}
              >
                <Icon name="plus" />
                {adding ? `Adding ${Math.min(adding.done + 1, adding.total)} of ${adding.total}…` : addButtonLabel(pickedCount)}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function Progress() {
  const status = useDiscoverStore((store) => store.status);
  const phase = useDiscoverStore((store) => store.phase);
  const announcement = useDiscoverStore((store) => store.announcement);
  const cancel = useDiscoverStore((store) => store.cancel);
  if (!status) return null;
  const running = status.state === 'running';
  const skipped = skippedWords(status);
  return (
    <section className="card discover-progress" aria-labelledby="discover-progress-title">
      <div className="discover-progress-head">
        <div>
          <h2 id="discover-progress-title">{running ? 'Looking through the folder' : 'Looked through the folder'}</h2>
          <p className="discover-folder">{status.folder}</p>
        </div>
        {running && (
          <button type="button" className="button" onClick={() => void cancel()} disabled={phase === 'cancelling'}>
            {phase === 'cancelling' ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
      </div>
      {running && <progress className="progress-indeterminate" aria-label="Looking through the folder" />}
      <p className="discover-counts">{running ? progressWords(status) : endWords(status)}</p>
      {skipped && <p className="muted small">{skipped}</p>}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}

/** Looks through a folder for the tools in it, with progress and Cancel, and turns the ones she picks into entries. */
export function DiscoverView() {
  const folder = useDiscoverStore((store) => store.folder);
  const phase = useDiscoverStore((store) => store.phase);
  const error = useDiscoverStore((store) => store.error);
  const setFolder = useDiscoverStore((store) => store.setFolder);
  const start = useDiscoverStore((store) => store.start);
  const chooseFolder = useDiscoverStore((store) => store.chooseFolder);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [missing, setMissing] = useState(false);
  const [dropNote, setDropNote] = useState<string | null>(null);
  useDocumentTitle('Find tools');
  useFocusHeading(headingRef, true);
  const running = isRunning(phase);
  const desktop = hostKnowsPaths();

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (folder.trim() === '') {
      setMissing(true);
      inputRef.current?.focus();
      return;
    }
    await start();
  }

  return (
    <div className="view view-discover">
      <header className="view-header">
        <div>
          <h1 ref={headingRef} tabIndex={-1}>
            Find tools in a folder
          </h1>
          <p className="muted">
            Point Fieldbook at a folder, such as a team share or your Documents, and it looks for workbooks with macros,
            links or connections, Access databases and scripts. It only reads: nothing is opened in Office, run, changed or
            sent anywhere.
          </p>
        </div>
      </header>
      <form className="card discover-form" aria-label="Folder to look through" onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className="field">
          <label className="field-label" htmlFor="discover-folder">
            Folder
          </label>
          <div className="discover-folder-row">
            <input
              id="discover-folder"
              ref={inputRef}
              className="input"
              type="text"
              value={folder}
              autoComplete="off"
              spellCheck={false}
              placeholder="e.g. \\team-share\Finance or C:\Users\you\Documents"
              aria-invalid={missing || undefined}
              aria-describedby={missing ? 'discover-folder-error discover-folder-hint' : 'discover-folder-hint'}
              onChange={(event) => {
                setFolder(event.target.value);
                if (event.target.value.trim() !== '') setMissing(false);
              }}
            />
            {/* The system's folder dialog: only the desktop app can tell which folder was chosen. */}
            {desktop && (
              <button type="button" className="button" disabled={running} onClick={() => void chooseFolder()}>
                <Icon name="folder" />
                Choose a folder…
              </button>
            )}
            <button type="submit" className="button button-primary" disabled={running}>
              <Icon name="search" />
              {phase === 'starting' ? 'Starting…' : 'Look for tools'}
            </button>
          </div>
          {missing && (
            <p className="field-error" id="discover-folder-error">
              Give the path of a folder.
            </p>
          )}
          <p className="field-hint" id="discover-folder-hint">
            {desktop ? 'Choose the folder, or paste its path' : 'Paste the folder’s path'}: in Windows Explorer, click the address bar
            and copy it. Folders inside it are looked through too.
          </p>
        </div>
        {/* Only where a dropped folder comes with its path (the desktop app): a browser tab cannot tell it. */}
        {desktop && (
          <DropZone
            title="Or drop the folder here"
            hint="Fieldbook starts looking through it at once."
            picker={false}
            disabled={running}
            onItems={(items) => {
              const plan = planFolderDrop(items);
              if ('message' in plan) return setDropNote(plan.message);
              setDropNote(null);
              setFolder(plan.folder);
              setMissing(false);
              void start();
            }}
          />
        )}
        {dropNote && <p className="drop-note">{dropNote}</p>}
      </form>
      {error && <ErrorAlert error={error} title="Fieldbook could not look through that folder." />}
      <Progress />
      <Results />
    </div>
  );
}
