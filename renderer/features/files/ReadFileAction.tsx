import { entryTabRoute, routeHref } from '../../app/route';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import type { EntryEditState } from '../entry/entryState';
import { useFindingsStore } from '../findings/findingsStore';
import { useFilesStore } from './filesStore';

/**
 * Under "Waiting for the file": reads the entry's files now, so those guidelines can answer.
 * Without a file to read, says where to add one.
 */
export function ReadFileAction({ edit }: { edit: EntryEditState }) {
  const reading = useFilesStore((store) => store.reading);
  const readError = useFilesStore((store) => store.readError);
  const read = useFilesStore((store) => store.read);
  const filesRead = useFindingsStore((store) => store.filesRead);
  const count = edit.saved.files.length;
  if (count === 0) {
    return (
      <p className="finding-group-note">
        This entry lists no file yet. <a href={routeHref(entryTabRoute(edit.id, 'details'))}>Add its path under Details</a>, and
        Fieldbook reads it.
      </p>
    );
  }
  async function readNow(): Promise<void> {
    if (await read({ force: true })) await filesRead(useFilesStore.getState().announcement);
  }
  return (
    <div className="read-file-action">
      <button type="button" className="button" onClick={() => void readNow()} disabled={reading}>
        <Icon name="file" />
        {reading ? 'Reading…' : count === 1 ? 'Read the file now' : 'Read the files now'}
      </button>
      <p className="muted small" role="status">
        {reading ? 'Reading, without changing anything…' : ''}
      </p>
      {readError && <ErrorAlert error={readError} title="The file was not read." onRetry={() => void read({ force: true })} />}
    </div>
  );
}
