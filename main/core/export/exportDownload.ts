import type { ExportDownload, ExportFormat } from '../../../shared/contract';
import type { Fieldbook } from '../fieldbook';
import { buildDocumentModel } from './documentModel';
import { exportFieldbookJson, stringifyExport } from './fieldbookJson';
import { chromiumHtmlToPdf, type HtmlToPdf } from './htmlToPdf';
import { renderCsv } from './renderCsv';
import { renderHtml } from '../../../shared/export/renderHtml';
import { renderMarkdownFolder } from '../../../shared/export/renderMarkdown';
import { zipFiles } from '../../../shared/export/zip';
import { nodeCompressor } from './nodeCompressor';
import { MIME_TYPES, suggestedName, xlsxOf } from './runExport';

export interface DownloadRequest {
  format: ExportFormat;
  /** One entry, or null for the whole fieldbook. */
  entryId: string | null;
  appVersion: string;
  now?: Date;
  /** How HTML becomes PDF: headless Chromium by default; the desktop app passes Electron's printToPDF. */
  htmlToPdf?: HtmlToPdf;
}

/**
 * Any export as one file, for a page to download; nothing is written on this side. The page
 * cannot make a folder, so the Markdown folder comes as a .zip that unpacks into that folder
 * (index.md and entries/), the same files `fieldbook export --format md` writes.
 */
export async function exportDownload(fieldbook: Fieldbook, request: DownloadRequest): Promise<ExportDownload> {
  const now = request.now ?? new Date();
  const entryName = request.entryId === null ? null : fieldbook.entries.get(request.entryId).name;
  const bytes = await exportBytes(fieldbook, request, entryName, now);
  const fileName = request.format === 'md' ? `${suggestedName('md', entryName, now)}.zip` : suggestedName(request.format, entryName, now);
  const mimeType = request.format === 'md' ? 'application/zip' : MIME_TYPES[request.format];
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { fileName, mimeType, size: buffer.length, base64: buffer.toString('base64') };
}

async function exportBytes(fieldbook: Fieldbook, request: DownloadRequest, entryName: string | null, now: Date): Promise<Uint8Array> {
  const options = { entryId: request.entryId, appVersion: request.appVersion, now };
  if (request.format === 'json') return Buffer.from(stringifyExport(exportFieldbookJson(fieldbook, options)), 'utf8');
  const doc = buildDocumentModel(fieldbook, options);
  switch (request.format) {
    case 'md': {
      const folder = suggestedName('md', entryName, now);
      const files = renderMarkdownFolder(doc).map((file) => ({ name: `${folder}/${file.path}`, data: Buffer.from(file.content, 'utf8') }));
      return zipFiles(files, nodeCompressor, now);
    }
    case 'html':
      return Buffer.from(renderHtml(doc), 'utf8');
    case 'pdf':
      return (request.htmlToPdf ?? chromiumHtmlToPdf)(renderHtml(doc));
    case 'xlsx':
      return xlsxOf(doc, now);
    case 'csv':
      return Buffer.from(renderCsv(doc.tables.entries), 'utf8');
  }
}
