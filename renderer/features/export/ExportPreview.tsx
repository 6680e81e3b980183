import { useMemo, type SyntheticEvent } from 'react';
import type { RenderedExport, TextExportFormat } from '../../../shared/contract';
import { EXPORT_DOCUMENT_CSS } from '../../../shared/exportDocumentStyle';
import { FORMAT_LABELS, htmlForPreview, truncatePreview, truncationNote } from './exportState';

/**
 * Styles the loaded frame with the export's own stylesheet. The page's policy refuses inline
 * styles, in the frame too; a stylesheet built through the CSSOM is not inline markup, so the
 * frame gets the same CSS as the file without a second copy of it. The sheet must come from the
 * frame's own window to be adopted by its document.
 */
function adoptExportStyles(event: SyntheticEvent<HTMLIFrameElement>): void {
  const frameWindow = event.currentTarget.contentWindow as (Window & typeof globalThis) | null;
  const frameDocument = event.currentTarget.contentDocument;
  if (!frameWindow || !frameDocument) return;
  const sheet = new frameWindow.CSSStyleSheet();
  sheet.replaceSync(EXPORT_DOCUMENT_CSS);
  frameDocument.adoptedStyleSheets = [sheet];
}

/**
 * What the download will hold. HTML shows as the document itself, in a sandboxed frame: no
 * scripts, no forms, no popups, no navigating the window. It keeps the app's origin
 * (allow-same-origin) only so this page may style it (adoptExportStyles); without allow-scripts
 * nothing in the frame can use that origin. The text formats show as read-only text.
 */
export function ExportPreview({ format, result }: { format: TextExportFormat; result: RenderedExport }) {
  const html = useMemo(() => (format === 'html' ? htmlForPreview(result.content) : null), [format, result]);
  const text = useMemo(() => (format === 'html' ? null : truncatePreview(result.content)), [format, result]);

  if (html !== null) {
    return (
      <iframe className="export-frame" sandbox="allow-same-origin" srcDoc={html} title={`Preview of ${result.fileName}`} onLoad={adoptExportStyles} />
    );
  }
  if (text === null) return null;
  const note = truncationNote(text);
  return (
    <>
      {note && <p className="muted small export-truncated">{note}</p>}
      {/* Focusable, so the keyboard can scroll it. */}
      <pre className="export-code" tabIndex={0} role="region" aria-label={`${FORMAT_LABELS[format]} preview of ${result.fileName}`}>
        <code>{text.text}</code>
      </pre>
    </>
  );
}
