import { useEffect, useId, useRef } from 'react';
import type { InspectionResult } from '../../../shared/inspection';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { RelativeTime } from '../../components/RelativeTime';
import { fullTime } from '../../format/time';
import type { EntryEditState } from '../entry/entryState';
import { READ_ONLY_PROMISE, factGroups, fileProblem, fileRows, hasDetails, propertyRows, sameFiles, type FileRow } from './filesState';
import { FilesDrop } from './FilesDrop';
import { useFilesStore } from './filesStore';

function FileDetails({ result }: { result: InspectionResult }) {
  const groups = factGroups(result);
  const properties = propertyRows(result, fullTime);
  return (
    <div className="file-details">
      {groups.map((group) => (
        <div key={group.key} className="fact-group">
          <h4 className="fact-group-title">{group.title}</h4>
          <ul className="fact-list">
            {group.items.map((item, index) => (
              <li key={index}>{item}</li>
            ))}
          </ul>
        </div>
      ))}
      {properties.length > 0 && (
        <div className="fact-group">
          <h4 className="fact-group-title">Properties</h4>
          <dl className="fact-properties">
            {properties.map((row) => (
              <div key={row.label}>
                <dt>{row.label}</dt>
                <dd>{row.value}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </div>
  );
}

function FileCard({ row }: { row: FileRow }) {
  const expanded = useFilesStore((store) => store.expanded[row.path] ?? false);
  const toggle = useFilesStore((store) => store.toggle);
  const detailsId = useId();
  const inspected = row.inspected;
  const problem = inspected ? fileProblem(inspected.result) : null;
  const showDetails = inspected !== null && hasDetails(inspected.result, fullTime);
  return (
    <li className={problem ? 'file-card file-card-problem' : 'file-card'}>
      <div className="file-head">
        <Icon name="file" className="file-icon" />
        <div className="file-title">
          <h3 className="file-name">{row.name}</h3>
          {row.folder && <p className="file-folder">{row.folder}</p>}
        </div>
        {inspected && (
          <p className="file-read-at">
            Read <RelativeTime iso={inspected.inspectedAt} />
          </p>
        )}
      </div>
      {inspected === null && <p className="muted">Not read yet.</p>}
      {problem && inspected && (
        <div className="file-problem">
          <p className="file-problem-title">
            <Icon name="alert" />
            {problem.message}
          </p>
          <p>{problem.hint}</p>
          {inspected.result.error && inspected.result.error.message !== problem.message && (
            <p className="muted small">In more detail: {inspected.result.error.message}</p>
          )}
        </div>
      )}
      {inspected && !problem && <p className="file-summary">{inspected.summary}</p>}
      {showDetails && (
        <>
          <button
            type="button"
            className="disclosure"
            aria-expanded={expanded}
            aria-controls={detailsId}
            onClick={() => toggle(row.path)}
          >
            <Icon name="chevron" className="disclosure-chevron" />
            Details<span className="visually-hidden"> of {row.name}</span>
          </button>
          <div id={detailsId} hidden={!expanded}>
            {expanded && <FileDetails result={inspected.result} />}
          </div>
        </>
      )}
    </li>
  );
}

/**
 * The entry's files and what Fieldbook found in each, in plain words. A changed list of files
 * is read once it is saved; "Read the files again" reads them all now.
 */
export function FilesSection({ edit }: { edit: EntryEditState }) {
  const files = useFilesStore((store) => store.files);
  const loadError = useFilesStore((store) => store.loadError);
  const reading = useFilesStore((store) => store.reading);
  const readError = useFilesStore((store) => store.readError);
  const announcement = useFilesStore((store) => store.announcement);
  const read = useFilesStore((store) => store.read);
  const load = useFilesStore((store) => store.load);
  const savedFilesChanged = useFilesStore((store) => store.savedFilesChanged);
  const saved = edit.saved.files;
  const lastSaved = useRef(saved);

  // A file added, changed or removed (and saved): read what is new.
  useEffect(() => {
    if (sameFiles(lastSaved.current, saved)) return;
    lastSaved.current = saved;
    savedFilesChanged();
  }, [saved, savedFilesChanged]);

  const rows = fileRows(saved, files ?? []);
  const anyRead = rows.some((row) => row.inspected !== null);
  const one = rows.length === 1;
  const buttonLabel = anyRead ? (one ? 'Read the file again' : 'Read the files again') : one ? 'Read the file' : 'Read the files';

  return (
    <section className="form-section files-section" aria-labelledby="section-files-found">
      <div className="form-section-head">
        <h2 id="section-files-found">What is in its files</h2>
        <p className="muted">{READ_ONLY_PROMISE}</p>
      </div>
      <div className="files-body">
        {loadError && <ErrorAlert error={loadError} title="What was found in the files could not be shown." onRetry={() => void load()} />}
        {rows.length === 0 ? (
          <p className="muted">
            Drop the tool’s file below, or add its full path under “Files” above (e.g. \\team-share\Pricing\Pricing
            2026.xlsm), and Fieldbook shows what it finds inside: sheets, formulas, macros and what they do, links,
            connections, personal data and labels.
          </p>
        ) : (
          files !== null && (
            <ul className="file-list" aria-label="Files">
              {rows.map((row) => (
                <FileCard key={row.path} row={row} />
              ))}
            </ul>
          )
        )}
        {files === null && !loadError && rows.length > 0 && <p className="muted">Looking up what was found…</p>}
        {readError && <ErrorAlert error={readError} title="The files were not read." onRetry={() => void read({ force: true })} />}
        <FilesDrop edit={edit} />
        <div className="files-actions">
          {rows.length > 0 && (
            <button type="button" className="button" onClick={() => void read({ force: true })} disabled={reading}>
              <Icon name="refresh" />
              {reading ? 'Reading…' : buttonLabel}
            </button>
          )}
          <p className="muted small" role="status">
            {reading ? 'Reading the files, without changing them…' : announcement}
          </p>
        </div>
      </div>
    </section>
  );
}
