/**
 * PDF export in the desktop app: Electron's own printToPDF, so no Chromium has to be installed
 * beside it. main.ts hands this to the API router as the core's HtmlToPdf; the core stays
 * free of Electron. The constructor is passed in, so tests/unit/export-electron-pdf.test.ts
 * checks the window's options and its life in Node with a stand-in class.
 *
 * The print window is never shown, is sandboxed, runs no JavaScript, has no preload and its
 * own in-memory session (no cookies, no app:// handler). It loads the export's HTML from a
 * private temporary file (a data: URL is capped at 2 MB by Chromium, less than a long export)
 * and is destroyed as soon as the PDF is made, or fails, or takes too long.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import { FieldbookError } from '../core/errors';
import { checkPdf, type HtmlToPdf } from '../core/export/htmlToPdf';

/** The parts of a BrowserWindow the printer uses. */
export interface PrintWindow {
  loadFile(filePath: string): Promise<void>;
  webContents: { printToPDF(options: PrintToPDFOptions): Promise<Uint8Array> };
  isDestroyed(): boolean;
  destroy(): void;
}

export type PrintWindowConstructor = new (options: BrowserWindowConstructorOptions) => PrintWindow;

export interface PrintToPdfOptions {
  /** Where the page is written for loading (default: the system's temporary folder). */
  tempRoot?: string;
  /** Longest a print may take before the window is destroyed (default two minutes). */
  timeoutMs?: number;
}

/** A4 with the document's own @page rules (margins, page breaks), backgrounds, tagged for screen readers. */
export const PDF_OPTIONS: PrintToPDFOptions = {
  pageSize: 'A4',
  preferCSSPageSize: true,
  printBackground: true,
  displayHeaderFooter: false,
  generateTaggedPDF: true,
};

const DEFAULT_TIMEOUT_MS = 120_000;

/** Electron's printToPDF as the core's HtmlToPdf. Prints one document at a time. */
export function createElectronHtmlToPdf(BrowserWindow: PrintWindowConstructor, options: PrintToPdfOptions = {}): HtmlToPdf {
  let queue: Promise<unknown> = Promise.resolve();
  return (html) => {
    const next = queue.then(() => printOnce(BrowserWindow, html, options));
    queue = next.catch(() => undefined);
    return next;
  };
}

async function printOnce(BrowserWindow: PrintWindowConstructor, html: string, options: PrintToPdfOptions): Promise<Uint8Array> {
  const work = mkdtempSync(join(options.tempRoot ?? tmpdir(), 'fieldbook-print-'));
  let window: PrintWindow | null = null;
  let timer: NodeJS.Timeout | undefined;
  try {
    const page = join(work, 'document.html');
    writeFileSync(page, html, { mode: 0o600 });
    // Written out literally at the call, as in window.ts, so reviewers and Electronegativity see them.
    const created = new BrowserWindow({
      show: false,
      width: 900,
      height: 1200,
      webPreferences: {
        // No preload, no Node, its own world, the OS sandbox, and no JavaScript at all: the export has none.
        javascript: false,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        disableBlinkFeatures: 'Auxclick',
        navigateOnDragDrop: false,
        spellcheck: false,
        // Not persisted, and apart from the app's session (no cookies, no app:// handler).
        partition: 'fieldbook-print',
      },
    });
    window = created;
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new PrintTimeout(timeoutMs)), timeoutMs);
    });
    const printed = (async () => {
      await created.loadFile(page);
      return created.webContents.printToPDF(PDF_OPTIONS);
    })();
    // Still settling after a timeout: nobody waits for it any more.
    printed.catch(() => undefined);
    return checkPdf(await Promise.race([printed, timedOut]), 'Electron');
  } catch (error) {
    if (error instanceof FieldbookError) throw error;
    const why = error instanceof PrintTimeout ? `it took longer than ${error.seconds()}` : error instanceof Error ? error.message : String(error);
    // 'internal', not a 'store_…' code: the fieldbook itself is fine, only this print failed.
    throw new FieldbookError(
      'internal',
      `The PDF could not be printed: ${why}.`,
      'Try again. If it keeps failing, export HTML and use Print → Save as PDF in your browser. Nothing was written.',
    );
  } finally {
    clearTimeout(timer);
    if (window && !window.isDestroyed()) window.destroy();
    rmSync(work, { recursive: true, force: true });
  }
}

class PrintTimeout extends Error {
  constructor(readonly ms: number) {
    super('timed out');
  }

  seconds(): string {
    const seconds = Math.max(1, Math.round(this.ms / 1000));
    return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  }
}
