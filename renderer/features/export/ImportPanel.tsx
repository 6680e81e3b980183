import { useEffect, useId, useRef, type ChangeEvent } from 'react';
import type { ImportPreview } from '../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { routeHref } from '../../app/route';
import { readFileText } from '../guidelines/readFileText';
import { importChangesNothing, importDetails, importFileProblem, importGroups } from './exportState';
import { useExportStore } from './exportStore';

function ImportSummary({ preview, headingId }: { preview: ImportPreview; headingId: string }) {
  const groups = importGroups(preview);
  const details = importDetails(preview);
  return (
    <>
      <p className="import-summary">{preview.summary}</p>
      {groups.map((group) => (
        <section key={group.id} className="import-group" aria-labelledby={`${headingId}-${group.id}`}>
          <h4 id={`${headingId}-${group.id}`} className="import-group-title">
            {group.title} <span className="count-badge">{group.items.length}</span>
          </h4>
          <ul className="import-list">
            {group.items.map((item) => (
              <li key={item.key}>
                <span className="import-name">{item.name}</span>
                <span className="import-reason">{item.reason}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {details.length > 0 && (
        <ul className="import-details">
          {details.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Restoring a backup, or moving a fieldbook from another computer: pick a JSON export, see what changes, then import. */
export function ImportPanel() {
  const state = useExportStore((store) => store.importState);
  const importRead = useExportStore((store) => store.importRead);
  const importPreview = useExportStore((store) => store.importPreview);
  const importRefused = useExportStore((store) => store.importRefused);
  const importApply = useExportStore((store) => store.importApply);
  const importReset = useExportStore((store) => store.importReset);
  const inputRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const fileId = useId();
  const hintId = useId();
  const headingId = useId();

  // After an import, the outcome gets focus, so a screen reader reads what was done.
  useEffect(() => {
    if (state.step === 'done') resultRef.current?.focus();
  }, [state.step]);

  async function onFile(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    if (!file) {
      importReset();
      return;
    }
    const problem = importFileProblem(file);
    if (problem) {
      importRefused(file.name, { code: 'invalid_input', message: problem, hint: 'Nothing in your fieldbook was changed.' });
      return;
    }
    importRead(file.name);
    let text: string;
    try {
      text = await readFileText(file);
    } catch {
      importRefused(file.name, {
        code: 'invalid_input',
        message: `“${file.name}” could not be read.`,
        hint: 'Check that it is still there, and choose it again. Nothing in your fieldbook was changed.',
      });
      return;
    }
    await importPreview(file.name, text);
  }

  function startOver(): void {
    if (inputRef.current) inputRef.current.value = '';
    importReset();
    inputRef.current?.focus();
  }

  const busy = state.step === 'reading' || state.step === 'previewing' || state.step === 'applying';

  return (
    <section className="card import-card" aria-labelledby="import-heading">
      <h2 id="import-heading">Import a fieldbook</h2>
      <p className="muted">
        Restore a backup, or bring your fieldbook over from another computer. Choose a JSON export; Fieldbook shows what
        it will add or replace before anything changes, and never replaces an entry that is newer here.
      </p>
      <div className="field">
        <label className="field-label" htmlFor={fileId}>
          Fieldbook export (.json)
        </label>
        <input
          ref={inputRef}
          id={fileId}
          className="input input-file"
          type="file"
          accept=".json,application/json"
          aria-describedby={hintId}
          disabled={state.step === 'applying'}
          onChange={(event) => void onFile(event)}
        />
        <p className="field-hint" id={hintId}>
          The file stays on this computer: Fieldbook reads it here.
        </p>
      </div>

      <div className="import-status" role="status">
        {state.step === 'reading' && `Reading “${state.fileName}”…`}
        {state.step === 'previewing' && `Checking “${state.fileName}”…`}
        {state.step === 'applying' && `Importing “${state.fileName}”…`}
      </div>
      {busy && <progress className="progress-indeterminate" aria-label="Working on the import" />}

      {state.step === 'refused' && (
        <>
          <ErrorAlert error={state.error} title={`“${state.fileName}” cannot be imported.`} />
          <div className="form-actions">
            <button type="button" className="button" onClick={startOver}>
              Choose another file
            </button>
          </div>
        </>
      )}

      {(state.step === 'preview' || state.step === 'applying') && (
        <div className="import-preview" aria-labelledby={`${headingId}-preview`} role="region">
          <h3 id={`${headingId}-preview`}>What importing “{state.fileName}” will do</h3>
          <ImportSummary preview={state.preview} headingId={`${headingId}-p`} />
          <div className="form-actions">
            {importChangesNothing(state.preview) ? (
              <p className="muted">There is nothing to import: this fieldbook already has everything in the file.</p>
            ) : (
              <button type="button" className="button button-primary" disabled={state.step === 'applying'} onClick={() => void importApply()}>
                <Icon name="check" />
                {state.step === 'applying' ? 'Importing…' : 'Import'}
              </button>
            )}
            <button type="button" className="button button-quiet" disabled={state.step === 'applying'} onClick={startOver}>
              Cancel
            </button>
          </div>
        </div>
      )}

      {state.step === 'done' && (
        <div className="import-preview" aria-labelledby={`${headingId}-done`} role="region">
          <h3 id={`${headingId}-done`} ref={resultRef} tabIndex={-1} className="success-status">
            <Icon name="check" />
            Imported “{state.fileName}”
          </h3>
          <ImportSummary preview={state.result} headingId={`${headingId}-d`} />
          <div className="form-actions">
            <a className="button" href={routeHref({ view: 'list' })}>
              Open the fieldbook
            </a>
            <button type="button" className="button button-quiet" onClick={startOver}>
              Import another file
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
