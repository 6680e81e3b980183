import { useMemo } from 'react';
import type { RenderedExport, TextExportFormat } from '../../../shared/contract';
import { FORMAT_LABELS, htmlForPreview, truncatePreview, truncationNote } from './exportState';

// The export's own stylesheet, served by the app: the frame may load it, but not inline styles.
const PREVIEW_STYLESHEET = new URL('./exportPreview.css', import.meta.url).href;

/**
 * What the download will hold. HTML shows as the document itself, in a sandboxed frame: no
 * scripts, no forms, no popups, no navigating the window. It keeps the app's origin
 * (allow-same-origin) only so it may load the stylesheet above: the hosts refuse files to an
 * opaque origin (Cross-Origin-Resource-Policy: same-origin). Without allow-scripts nothing in
 * it can use that origin. The text formats show as read-only text.
 */
export function ExportPreview({ format, result }: { format: TextExportFormat; result: RenderedExport }) {
  const html = useMemo(() => (format === 'html' ? htmlForPreview(result.content, PREVIEW_STYLESHEET) : null), [format, result]);
  const text = useMemo(() => (format === 'html' ? null : truncatePreview(result.content)), [format, result]);

  if (html !== null) {
    return <iframe className="export-frame" sandbox="allow-same-origin" srcDoc={html} title={`Preview of ${result.fileName}`} />;
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
