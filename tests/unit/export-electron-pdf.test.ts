/**
 * PDF in the desktop app (main/app/printToPdf.ts), checked in Node with a stand-in BrowserWindow
 * class that records what the printer does to it: the options the window gets, what it loads,
 * what it is asked to print, and that it is destroyed. Electron cannot run on these machines, so
 * the stand-in answers printToPDF with a minimal PDF header instead of printing. Not a
 * substitute for tests/electron/export-pdf.spec.ts, which prints in real Electron.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { ExportDownload } from '../../shared/contract';
import { createElectronHtmlToPdf, PDF_OPTIONS, type PrintWindow } from '../../main/app/printToPdf';
import { createApiRouter } from '../../main/api/router';
import { FieldbookError } from '../../main/core/errors';
import { exportFixture } from './helpers/exportFixture';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();
const STAND_IN_PDF = Buffer.from('%PDF-1.7\n% printed by the stand-in\n');

interface Behaviour {
  /** What loadFile does (default: resolves at once). */
  load?: (path: string) => Promise<void>;
  /** What printToPDF answers (default: STAND_IN_PDF). */
  print?: () => Promise<Uint8Array>;
}

/** Stand-in for Electron's BrowserWindow: records every window, what it loaded and printed, and whether it was destroyed. */
function standInBrowserWindow(behaviour: Behaviour = {}) {
  const windows: StandInWindow[] = [];
  const log: string[] = [];
  class StandInWindow implements PrintWindow {
    loaded: { path: string; html: string } | null = null;
    printedWith: PrintToPDFOptions | null = null;
    destroyed = false;
    readonly webContents = {
      printToPDF: async (options: PrintToPDFOptions): Promise<Uint8Array> => {
        log.push(`print ${windows.indexOf(this)}`);
        this.printedWith = options;
        return (behaviour.print ?? (async () => STAND_IN_PDF))();
      },
    };
    constructor(readonly options: BrowserWindowConstructorOptions) {
      windows.push(this);
    }
    async loadFile(path: string): Promise<void> {
      log.push(`load ${windows.indexOf(this)}`);
      // Read at load time, as Electron would: the page must be there, complete, when loaded.
      this.loaded = { path, html: readFileSync(path, 'utf8') };
      await (behaviour.load ?? (async () => undefined))(path);
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    destroy(): void {
      log.push(`destroy ${windows.indexOf(this)}`);
      this.destroyed = true;
    }
  }
  return { StandInWindow, windows, log };
}

describe('printing a PDF with Electron', () => {
  it('uses a hidden, sandboxed window without JavaScript, preload or the app’s session', async () => {
    const { StandInWindow, windows } = standInBrowserWindow();
    await createElectronHtmlToPdf(StandInWindow, { tempRoot: tempDir() })('<!doctype html><title>x</title>');
    expect(windows).toHaveLength(1);
    const options = windows[0]!.options;
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      partition: 'fieldbook-print',
    });
    expect(options.webPreferences).not.toHaveProperty('preload');
    // In memory only: a "persist:" partition would keep a profile on disk.
    expect(options.webPreferences!.partition).not.toMatch(/^persist:/);
  });

  it('loads exactly the export’s HTML from a private file, prints A4 after loading, then destroys the window and the file', async () => {
    const root = tempDir();
    const { StandInWindow, windows, log } = standInBrowserWindow();
    const html = '<!doctype html><html lang="en"><title>Docs</title><h1>Quote pricing workbook</h1></html>';
    const pdf = await createElectronHtmlToPdf(StandInWindow, { tempRoot: root })(html);
    expect(Buffer.from(pdf)).toEqual(STAND_IN_PDF);
    const window = windows[0]!;
    expect(window.loaded!.html).toBe(html);
    expect(window.loaded!.path.startsWith(root)).toBe(true);
    expect(window.printedWith).toEqual(PDF_OPTIONS);
    expect(PDF_OPTIONS).toMatchObject({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false });
    expect(log).toEqual(['load 0', 'print 0', 'destroy 0']);
    expect(existsSync(window.loaded!.path)).toBe(false);
    expect(readdirSync(root)).toEqual([]);
  });

  it('prints one document at a time: a second export waits for the first window to go', async () => {
    const { StandInWindow, log } = standInBrowserWindow({ load: () => new Promise((resolve) => setTimeout(resolve, 30)) });
    const print = createElectronHtmlToPdf(StandInWindow, { tempRoot: tempDir() });
    await Promise.all([print('<p>one</p>'), print('<p>two</p>')]);
    expect(log).toEqual(['load 0', 'print 0', 'destroy 0', 'load 1', 'print 1', 'destroy 1']);
  });

  it('a page that fails to load gives a clear error, and the window and file are gone', async () => {
    const root = tempDir();
    const { StandInWindow, windows } = standInBrowserWindow({ load: async () => Promise.reject(new Error('ERR_FILE_NOT_FOUND (-6) loading file:///x')) });
    const error = await createElectronHtmlToPdf(StandInWindow, { tempRoot: root })('<p>x</p>').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FieldbookError);
    expect((error as FieldbookError).message).toBe('The PDF could not be printed: ERR_FILE_NOT_FOUND (-6) loading file:///x.');
    expect((error as FieldbookError).hint).toContain('Nothing was written.');
    // Only this print failed, not the fieldbook: not a "store_…" code, which would block the whole window.
    expect((error as FieldbookError).code).toBe('internal');
    expect(windows[0]!.destroyed).toBe(true);
    expect(readdirSync(root)).toEqual([]);
  });

  it('a print that hangs is given up after the time limit, and the window is destroyed', async () => {
    const { StandInWindow, windows } = standInBrowserWindow({ print: () => new Promise(() => undefined) });
    const error = await createElectronHtmlToPdf(StandInWindow, { tempRoot: tempDir(), timeoutMs: 50 })('<p>x</p>').catch((caught: unknown) => caught);
    expect((error as FieldbookError).message).toBe('The PDF could not be printed: it took longer than 1 second.');
    expect(windows[0]!.destroyed).toBe(true);
    // The next export still prints.
    const { StandInWindow: Next } = standInBrowserWindow();
    expect(Buffer.from(await createElectronHtmlToPdf(Next, { tempRoot: tempDir() })('<p>y</p>'))).toEqual(STAND_IN_PDF);
  });

  it('something that is not a PDF is refused rather than saved', async () => {
    const { StandInWindow } = standInBrowserWindow({ print: async () => Buffer.from('<html>not a pdf</html>') });
    const error = await createElectronHtmlToPdf(StandInWindow, { tempRoot: tempDir() })('<p>x</p>').catch((caught: unknown) => caught);
    expect((error as FieldbookError).message).toBe('Electron wrote something that is not a PDF.');
  });

  it('the router hands PDF downloads to it: the fieldbook’s documentation is what gets loaded and printed', async () => {
    const { book } = exportFixture(tempDir());
    const { StandInWindow, windows } = standInBrowserWindow();
    const router = createApiRouter(book, { htmlToPdf: createElectronHtmlToPdf(StandInWindow, { tempRoot: tempDir() }) });
    const result = await router.call('export.download', { format: 'pdf' });
    expect(result.ok).toBe(true);
    expect(Buffer.from((result as { value: ExportDownload }).value.base64, 'base64')).toEqual(STAND_IN_PDF);
    expect(windows).toHaveLength(1);
    expect(windows[0]!.loaded!.html).toMatch(/^<!doctype html>/);
    expect(windows[0]!.loaded!.html).toContain('<h2 id="entry-quote-pricing-workbook-title">Quote pricing workbook</h2>');
    expect(windows[0]!.destroyed).toBe(true);
    book.close();
  });
});
