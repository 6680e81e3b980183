import { randomBytes } from 'node:crypto';
import { closeSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ExportFormat, RenderedExport, TextExportFormat } from '../../../shared/contract';
import type { Fieldbook } from '../fieldbook';
import { buildDocumentModel, type ExportDocument } from './documentModel';
import { safeFileStem } from '../../../shared/export/escape';
import { exportFieldbookJson, stringifyExport } from './fieldbookJson';
import { chromiumHtmlToPdf, type HtmlToPdf } from './htmlToPdf';
import { renderCsv } from './renderCsv';
import { renderHtml } from '../../../shared/export/renderHtml';
import { MARKDOWN_MARKER, renderMarkdownDocument, renderMarkdownFolder } from '../../../shared/export/renderMarkdown';
import { renderDocumentXlsx } from '../../../shared/export/renderXlsx';
import { nodeCompressor } from './nodeCompressor';
import { folderStartsWith, toWriteError, writeFileAtomic, writeFolderAtomic } from './writeFiles';

export const MIME_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
};

export interface ExportRequest {
  format: ExportFormat;
  /** One entry, or null for the whole fieldbook. */
  entryId: string | null;
  /** A file (a folder for Markdown). An existing folder for a one-file format gets the suggested file name inside it. */
  outPath: string;
  appVersion: string;
  now?: Date;
  /** How HTML becomes PDF: headless Chromium by default; the desktop app passes Electron's printToPDF. */
  htmlToPdf?: HtmlToPdf;
  /** Called at each step of a long export, in words for a progress line. */
  onProgress?: (step: string) => void;
}

/** Writes an export to disk and returns the files it wrote. Fails cleanly: nothing half-written is left. */
export async function runExport(fieldbook: Fieldbook, request: ExportRequest): Promise<{ files: string[] }> {
  const now = request.now ?? new Date();
  const progress = request.onProgress ?? (() => undefined);
  const entryName = request.entryId === null ? null : fieldbook.entries.get(request.entryId).name;
  const target = resolveTarget(request.outPath, request.format, suggestedName(request.format, entryName, now));
  // Before any work: an unwritable place fails at once, not after a long render.
  probeWritable(dirname(target));
  if (request.format === 'json') {
    progress('Reading the fieldbook');
    const text = stringifyExport(exportFieldbookJson(fieldbook, { entryId: request.entryId, appVersion: request.appVersion, now }));
    progress('Saving');
    writeFileAtomic(target, text);
    return { files: [target] };
  }
  progress('Reading the fieldbook and its findings');
  const doc = buildDocumentModel(fieldbook, { entryId: request.entryId, appVersion: request.appVersion, now });
  progress('Writing the document');
  switch (request.format) {
    case 'md': {
      const files = renderMarkdownFolder(doc);
      progress('Saving');
      writeFolderAtomic(target, files, (folder) => folderStartsWith(folder, 'index.md', MARKDOWN_MARKER));
      return { files: files.map((file) => join(target, ...file.path.split('/'))) };
    }
    case 'html':
      writeFileAtomic(target, renderHtml(doc));
      return { files: [target] };
    case 'pdf': {
      const html = renderHtml(doc);
      progress('Printing the PDF');
      const pdf = await (request.htmlToPdf ?? chromiumHtmlToPdf)(html);
      progress('Saving');
      writeFileAtomic(target, pdf);
      return { files: [target] };
    }
    case 'xlsx':
      writeFileAtomic(target, xlsxOf(doc, now));
      return { files: [target] };
    case 'csv':
      writeFileAtomic(target, renderCsv(doc.tables.entries));
      return { files: [target] };
  }
}

/** A text export handed to the caller (a page previews or downloads it); nothing is written. Markdown comes as one document. */
export function renderExport(
  fieldbook: Fieldbook,
  request: { format: TextExportFormat; entryId: string | null; appVersion: string; now?: Date },
): RenderedExport {
  const now = request.now ?? new Date();
  const entryName = request.entryId === null ? null : fieldbook.entries.get(request.entryId).name;
  const fileName = suggestedName(request.format, entryName, now, false);
  const mimeType = MIME_TYPES[request.format];
  if (request.format === 'json') {
    return { fileName, mimeType, content: stringifyExport(exportFieldbookJson(fieldbook, { entryId: request.entryId, appVersion: request.appVersion, now })) };
  }
  const doc = buildDocumentModel(fieldbook, { entryId: request.entryId, appVersion: request.appVersion, now });
  const content = request.format === 'md' ? renderMarkdownDocument(doc) : request.format === 'html' ? renderHtml(doc) : renderCsv(doc.tables.entries);
  return { fileName, mimeType, content };
}

export function xlsxOf(doc: ExportDocument, now: Date): Uint8Array {
  return renderDocumentXlsx(doc, now, nodeCompressor);
}

/** "fieldbook-2026-11-25.html", "quote-pricing-workbook.pdf", "fieldbook-docs-2026-11-25" (a Markdown folder). */
export function suggestedName(format: ExportFormat, entryName: string | null, now: Date, markdownFolder = true): string {
  const day = now.toISOString().slice(0, 10);
  if (format === 'md' && markdownFolder) return entryName === null ? `fieldbook-docs-${day}` : `${safeFileStem(entryName)}-docs`;
  return `${entryName === null ? `fieldbook-${day}` : safeFileStem(entryName)}.${format}`;
}

function resolveTarget(outPath: string, format: ExportFormat, suggested: string): string {
  const target = resolve(outPath);
  if (format === 'md') return target;
  try {
    if (statSync(target).isDirectory()) return join(target, suggested);
  } catch {
    // Not there yet: it is the file name to write.
  }
  return target;
}

/** Creates and removes a tiny file in `folder`, to learn at once whether an export can be written there. */
function probeWritable(folder: string): void {
  const probe = join(folder, `.fieldbook-probe-${randomBytes(6).toString('hex')}`);
  try {
    closeSync(openSync(probe, 'wx'));
  } catch (error) {
    throw toWriteError(error, join(folder, 'export'));
  } finally {
    rmSync(probe, { force: true });
  }
}
