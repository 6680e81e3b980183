import { useEffect, useRef } from 'react';
import type { ExportFormat } from '../../../shared/contract';
import { EXPORT_FORMATS } from '../../../shared/vocabulary';
import { api } from '../../api/client';
import { useDocumentTitle } from '../../app/hooks/useDocumentTitle';
import { useFocusHeading } from '../../app/hooks/useFocusHeading';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RadioGroup } from '../../components/formFields';
import { Icon } from '../../components/Icon';
import { EntryPicker } from './EntryPicker';
import { ExportPreview } from './ExportPreview';
import {
  downloadsAsPreviewed,
  exportKey,
  FORMAT_HINTS,
  FORMAT_LABELS,
  MAKING_LABELS,
  PREVIEW_FORMAT,
  PREVIEW_NOTES,
  previewKey,
  sizeLabel,
  type ExportScope,
} from './exportState';
import { exportDataChanged, useExportStore } from './exportStore';
import { ImportPanel } from './ImportPanel';

const SCOPE_OPTIONS: { value: ExportScope; label: string }[] = [
  { value: 'all', label: 'All entries' },
  { value: 'entry', label: 'One entry' },
];
const FORMAT_OPTIONS = EXPORT_FORMATS.map((format) => ({ value: format, label: FORMAT_LABELS[format] }));

/** What Download makes, for the status line of a format that is made when downloaded. */
const MADE_ON_DOWNLOAD: Partial<Record<ExportFormat, string>> = {
  md: 'Download packs the Markdown folder as a .zip.',
  pdf: 'Download prints it as a PDF.',
  xlsx: 'Download writes the Excel workbook.',
};

function PreviewSection() {
  const choices = useExportStore((store) => store.choices);
  const rendered = useExportStore((store) => store.rendered);
  const preparing = useExportStore((store) => store.preparing);
  const renderError = useExportStore((store) => store.renderError);
  const making = useExportStore((store) => store.making);
  const downloadError = useExportStore((store) => store.downloadError);
  const downloaded = useExportStore((store) => store.downloaded);
  const prepare = useExportStore((store) => store.prepare);
  const download = useExportStore((store) => store.download);
  const key = exportKey(choices);
  const shownKey = previewKey(choices);
  const current = rendered !== null && rendered.key === shownKey ? rendered.result : null;
  const busy = shownKey !== null && preparing === shownKey;
  const makingThis = making !== null && making === key;
  const note = PREVIEW_NOTES[choices.format];

  // Each new choice gets its preview; an answer for an older choice is dropped by the store.
  useEffect(() => {
    if (shownKey !== null) void prepare();
  }, [shownKey, prepare]);

  let status = '';
  if (key === null) status = 'Pick an entry to see its preview.';
  else if (makingThis) status = MAKING_LABELS[choices.format];
  else if (busy) status = 'Preparing…';
  else if (downloaded) status = `Downloaded “${downloaded}”.`;
  else if (current && downloadsAsPreviewed(choices.format)) status = `Ready: ${current.fileName}, ${sizeLabel(current.content.length)}.`;
  else if (current) status = `Preview ready. ${MADE_ON_DOWNLOAD[choices.format] ?? ''}`.trim();

  return (
    <section className="card export-preview" aria-labelledby="export-preview-heading" aria-busy={busy || makingThis}>
      <div className="section-title-row">
        <h2 id="export-preview-heading">Preview</h2>
        <button
          type="button"
          className="button button-primary"
          disabled={key === null || making !== null || (busy && downloadsAsPreviewed(choices.format))}
          onClick={() => void download()}
        >
          <Icon name="file" />
          {makingThis ? MAKING_LABELS[choices.format] : making !== null || (busy && downloadsAsPreviewed(choices.format)) ? 'Preparing…' : 'Download'}
        </button>
      </div>
      <p className="muted export-status" role="status">
        {status}
      </p>
      {(busy || makingThis) && <progress className="progress-indeterminate" aria-label={makingThis ? MAKING_LABELS[choices.format] : 'Preparing the export'} />}
      {downloadError && <ErrorAlert error={downloadError} title="The file could not be made." onRetry={() => void download()} />}
      {renderError && (
        <ErrorAlert error={renderError} title="The export could not be prepared." onRetry={() => void prepare()} />
      )}
      {note && current && !busy && <p className="muted small export-preview-note">{note}</p>}
      {current && !busy && <ExportPreview format={PREVIEW_FORMAT[choices.format]} result={current} />}
    </section>
  );
}

/** Choose what and how, look at the result, download it; and import a JSON export back. */
export function ExportView() {
  const choices = useExportStore((store) => store.choices);
  const setFormat = useExportStore((store) => store.setFormat);
  const setScope = useExportStore((store) => store.setScope);
  const pickEntry = useExportStore((store) => store.pickEntry);
  const prepare = useExportStore((store) => store.prepare);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle('Export');
  useFocusHeading(headingRef);

  // An entry changed (here, in another window, or by an import): the preview catches up.
  useEffect(
    () =>
      api.on('entries.changed', () => {
        exportDataChanged();
        void prepare();
      }),
    [prepare],
  );

  return (
    <div className="view view-export">
      <header className="view-header">
        <div>
          <h1 ref={headingRef} tabIndex={-1}>
            Export
          </h1>
          <p className="muted">
            Documentation for a handover or an audit, and a full copy to move or back up your fieldbook. It is written on
            this computer and goes only where you save it.
          </p>
        </div>
      </header>

      <div className="export-layout">
        <section className="card export-choices" aria-labelledby="export-choices-heading">
          <h2 id="export-choices-heading">What and how</h2>
          <RadioGroup legend="What to export" name="export-scope" options={SCOPE_OPTIONS} value={choices.scope} onChange={setScope} />
          {choices.scope === 'entry' && <EntryPicker picked={choices.entry} onPick={pickEntry} />}
          <RadioGroup
            legend="Format"
            name="export-format"
            options={FORMAT_OPTIONS}
            value={choices.format}
            onChange={setFormat}
            hint={FORMAT_HINTS[choices.format]}
          />
        </section>
        <PreviewSection />
      </div>

      <ImportPanel />
    </div>
  );
}
