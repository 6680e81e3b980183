import { useEffect, useRef, type FormEvent } from 'react';
import { DATA_CATEGORY_LABELS } from '../../../shared/labels';
import { navigate } from '../../app/navigation';
import { routeHref } from '../../app/route';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField, TextField } from '../../components/formFields';
import { Icon } from '../../components/Icon';
import { KIND_OPTIONS, SENSITIVITY_OPTIONS } from '../../format/entryOptions';
import { useEntryStore } from '../entry/entryStore';
import { DropZone, hostKnowsPaths } from '../files/DropZone';
import { READ_ONLY_PROMISE } from '../files/filesState';
import { useAddStore } from './addStore';
import { setCopyLocation, toggleCategory, type FileEntryDraft } from './fileEntryState';

function Suggestions({ draft }: { draft: FileEntryDraft }) {
  const editDraft = useAddStore((store) => store.editDraft);
  return (
    <>
      {draft.copyOf !== null && <CopyLocation draft={draft} />}
      <div className="found-in-file">
        <p className="found-in-file-title">What Fieldbook found</p>
        <p>{draft.summary}</p>
      </div>
      <TextField
        label="Name"
        value={draft.name}
        autoComplete="off"
        error={draft.name.trim() === '' ? 'Give the tool a name.' : undefined}
        onChange={(name) => editDraft((current) => ({ ...current, name }))}
      />
      <SelectField label="Kind" value={draft.kind} options={KIND_OPTIONS} onChange={(kind) => kind && editDraft((current) => ({ ...current, kind }))} />
      {draft.ownerSuggestion !== '' && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.useOwner}
            onChange={() => editDraft((current) => ({ ...current, useOwner: !current.useOwner }))}
          />
          <span>
            Author in the file: {draft.ownerSuggestion} — use as owner?
          </span>
        </label>
      )}
      {draft.categorySuggestions.length > 0 && (
        <fieldset className="field fieldset">
          <legend className="field-label">Data it seems to handle</legend>
          <p className="field-hint field-hint-top">Tick what is right; Fieldbook only guesses from what it saw.</p>
          <div className="checkbox-grid">
            {draft.categorySuggestions.map(({ category, because }) => (
              <label key={category} className="checkbox">
                <input
                  type="checkbox"
                  checked={draft.categories.includes(category)}
                  onChange={() => editDraft((current) => toggleCategory(current, category))}
                />
                <span>
                  {DATA_CATEGORY_LABELS[category]}
                  {because && <span className="muted"> ({because} found)</span>}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <SelectField
        label="Sensitivity"
        value={draft.sensitivity}
        options={SENSITIVITY_OPTIONS}
        emptyLabel="Not set"
        hint={draft.labelName ? `The file is labelled “${draft.labelName}”.` : undefined}
        onChange={(sensitivity) => editDraft((current) => ({ ...current, sensitivity }))}
      />
    </>
  );
}

/**
 * A file read from a dropped copy: say what happened to the copy, and ask where the file lives,
 * so the entry can list it and Fieldbook can keep what it found up to date.
 */
function CopyLocation({ draft }: { draft: FileEntryDraft }) {
  const editDraft = useAddStore((store) => store.editDraft);
  return (
    <>
      <p className="copy-note">
        Read from a copy of “{draft.copyOf}”. A browser tab cannot see where a dropped file lives, so Fieldbook read a
        private copy and deleted it straight away.
      </p>
      <div className="field">
        <label className="field-label" htmlFor="from-copy-location">
          Where the file lives
        </label>
        <input
          id="from-copy-location"
          className="input"
          type="text"
          value={draft.path}
          autoComplete="off"
          spellCheck={false}
          placeholder={`e.g. \\\\team-share\\Pricing\\${draft.copyOf ?? ''}`}
          aria-describedby="from-copy-location-hint"
          onChange={(event) => editDraft((current) => setCopyLocation(current, event.target.value))}
        />
        <p className="field-hint" id="from-copy-location-hint">
          Its full path. Fieldbook then reads the file there and keeps what it found up to date when the file changes. You
          can leave this empty and add the file under Files later.
        </p>
      </div>
    </>
  );
}

/** A new entry from a file: she drops, picks or types it, Fieldbook reads it, and she confirms what it suggests. */
export function FromFileForm() {
  const path = useAddStore((store) => store.path);
  const reading = useAddStore((store) => store.reading);
  const draft = useAddStore((store) => store.draft);
  const busy = useAddStore((store) => store.busy);
  const error = useAddStore((store) => store.error);
  const setPath = useAddStore((store) => store.setPath);
  const readFile = useAddStore((store) => store.readFile);
  const createFromFile = useAddStore((store) => store.createFromFile);
  const hide = useAddStore((store) => store.hide);
  const dropNote = useAddStore((store) => store.dropNote);
  const readDropped = useAddStore((store) => store.readDropped);
  const openEntry = useEntryStore((store) => store.open);
  const pathRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    pathRef.current?.focus();
  }, []);

  const ready = draft !== null && draft.problem === null;

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (!ready) {
      await readFile();
      return;
    }
    if (draft.name.trim() === '') return;
    const id = await createFromFile();
    if (id) {
      void openEntry(id);
      navigate({ view: 'entry', id });
    }
  }

  return (
    <form className="dialog-body dialog-body-rest" onSubmit={(event) => void onSubmit(event)} noValidate aria-label="New entry from a file">
      <DropZone
        title="Drop the tool’s file here"
        hint={
          hostKnowsPaths()
            ? 'Or drop a folder: Fieldbook then looks for the tools in it.'
            : 'In a browser tab, Fieldbook reads a private copy of the file, deletes it straight away, and asks you where the file lives.'
        }
        disabled={reading}
        onItems={(items) => void readDropped(items)}
      />
      {dropNote && (
        <p className="drop-note">
          {dropNote.message}
          {dropNote.offerFindTools && (
            <>
              {' '}
              <a href={routeHref({ view: 'discover' })} onClick={hide}>
                Open Find tools
              </a>
            </>
          )}
        </p>
      )}
      <div className="field">
        <label className="field-label" htmlFor="from-file-path">
          File path
        </label>
        <div className="path-row">
          <input
            id="from-file-path"
            ref={pathRef}
            className="input"
            type="text"
            value={path}
            autoComplete="off"
            spellCheck={false}
            placeholder="e.g. \\team-share\Pricing\Pricing 2026.xlsm"
            aria-describedby="from-file-path-hint"
            onChange={(event) => setPath(event.target.value)}
          />
          <button
            type="button"
            className={ready ? 'button' : 'button button-primary'}
            onClick={() => void readFile()}
            disabled={reading || path.trim() === ''}
          >
            {reading ? 'Reading…' : 'Read it'}
          </button>
        </div>
        <p className="field-hint" id="from-file-path-hint">
          Or paste the file’s path (Shift+right-click → Copy as path in Windows Explorer). {READ_ONLY_PROMISE}
        </p>
      </div>
      <p className="visually-hidden" role="status">
        {reading ? 'Reading the file…' : draft && !draft.problem ? 'Read. The new entry is filled in below.' : dropNote ? dropNote.message : ''}
      </p>
      {draft?.problem && (
        <div className="alert" role="alert">
          <div className="alert-text">
            <p className="alert-title">
              <Icon name="alert" className="icon-inline" /> {draft.problem.message}
            </p>
            <p className="alert-hint">
              {draft.problem.hint} {draft.copyOf !== null ? 'Drop another file, or type its path above.' : 'Correct the path above and read it again.'}
            </p>
          </div>
        </div>
      )}
      {ready && <Suggestions draft={draft} />}
      {error && <ErrorAlert error={error} />}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={hide}>
          Cancel
        </button>
        {ready && (
          <button type="submit" className="button button-primary" disabled={busy || draft.name.trim() === ''}>
            {busy ? 'Creating…' : 'Create entry'}
          </button>
        )}
      </div>
    </form>
  );
}
