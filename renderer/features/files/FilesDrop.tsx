import { useEffect, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEntryStore } from '../entry/entryStore';
import type { EntryEditState } from '../entry/entryState';
import { DropZone, hostKnowsPaths } from './DropZone';
import { fileProblem } from './filesState';
import { useFileDropStore, type PendingCopy } from './fileDropStore';

/** Adds paths to the entry's files; the entry saves as usual and the new files are read after. */
function addFilesTo(edit: EntryEditState): (paths: string[]) => void {
  return (paths) => {
    const current = useEntryStore.getState().edit?.draft.files ?? edit.draft.files;
    useEntryStore.getState().change('files', [...current, ...paths.filter((path) => !current.includes(path))]);
  };
}

function CopyCard({ copy, edit }: { copy: PendingCopy; edit: EntryEditState }) {
  const setLocation = useFileDropStore((store) => store.setLocation);
  const addCopy = useFileDropStore((store) => store.addCopy);
  const dismiss = useFileDropStore((store) => store.dismiss);
  const problem = copy.preview ? fileProblem(copy.preview.result) : null;

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    addCopy(addFilesTo(edit));
  }

  return (
    <form className="copy-card" aria-label={`Copy of ${copy.name}`} onSubmit={onSubmit} noValidate>
      <p className="copy-note">
        {copy.reading
          ? `Reading a copy of “${copy.name}”…`
          : `Read from a copy of “${copy.name}”. A browser tab cannot see where a dropped file lives, so Fieldbook read a private copy and deleted it straight away.`}
      </p>
      {copy.error && <ErrorAlert error={copy.error} title="The dropped file was not read." />}
      {problem && <p>{`${problem.message} ${problem.hint}`}</p>}
      {copy.preview && !problem && <p className="file-summary">{copy.preview.summary}</p>}
      <div className="field">
        <label className="field-label" htmlFor="drop-copy-location">
          Where “{copy.name}” lives
        </label>
        <input
          id="drop-copy-location"
          className="input"
          type="text"
          value={copy.location}
          autoComplete="off"
          spellCheck={false}
          aria-describedby="drop-copy-location-hint"
          onChange={(event) => setLocation(event.target.value)}
        />
        <p className="field-hint" id="drop-copy-location-hint">
          Its full path. Fieldbook adds it to this entry’s files, reads it there, and keeps what it found up to date when it
          changes.
        </p>
      </div>
      <div className="files-actions">
        <button type="submit" className="button button-primary" disabled={copy.location.trim() === ''}>
          Add to this entry
        </button>
        <button type="button" className="button" onClick={dismiss}>
          Not now
        </button>
      </div>
    </form>
  );
}

/** Drop files (or pick them) to add them to the entry; in a browser tab, a copy is read first. */
export function FilesDrop({ edit }: { edit: EntryEditState }) {
  const copy = useFileDropStore((store) => store.copy);
  const notes = useFileDropStore((store) => store.notes);
  const dropped = useFileDropStore((store) => store.dropped);
  const dismiss = useFileDropStore((store) => store.dismiss);

  // What was dropped belongs to this entry: another entry starts clean.
  useEffect(() => dismiss, [edit.id, dismiss]);

  return (
    <div className="files-drop">
      <DropZone
        title="Drop the tool’s files here to add them"
        hint={
          hostKnowsPaths()
            ? 'Fieldbook adds them to this entry and reads them. A folder starts Find tools on it.'
            : 'In a browser tab, Fieldbook reads a private copy, deletes it straight away, and asks you where the file lives.'
        }
        multiple
        disabled={copy?.reading ?? false}
        onItems={(items) => void dropped(items, edit.draft.files, addFilesTo(edit))}
      />
      {notes.map((note) => (
        <p key={note} className="drop-note">
          {note}
        </p>
      ))}
      {copy && <CopyCard copy={copy} edit={edit} />}
    </div>
  );
}
