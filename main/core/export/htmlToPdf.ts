import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FieldbookError } from '../errors';

/**
 * Prints a self-contained HTML document (no scripts, loads nothing) and returns the PDF's bytes.
 * The desktop app passes its own (Electron's printToPDF, main/app/printToPdf.ts); the browser
 * host and the CLI use headless Chromium.
 */
export type HtmlToPdf = (html: string) => Promise<Uint8Array>;

/** Refuses anything that is not a PDF, so a broken printer never leaves a broken file. */
export function checkPdf(bytes: Uint8Array, printer: string): Uint8Array {
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-') {
    throw new FieldbookError('internal', `${printer} wrote something that is not a PDF.`, 'Try again, or export HTML and print it from your browser. Nothing was written.');
  }
  return bytes;
}

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const PRINT_TIMEOUT_MS = 120_000;

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}

// Not 'store_…' codes: those tell the window the whole fieldbook is unreachable. The fieldbook is fine.
function noChromium(): FieldbookError {
  return new FieldbookError(
    'not_found',
    'PDF export needs Chromium (or Google Chrome), and none is installed here.',
    'Install Chromium (on Debian or Ubuntu: apt-get install chromium), or set CHROMIUM_PATH to a Chrome or Chromium program. Or export HTML and use your browser’s Print → Save as PDF. Nothing was written.',
  );
}

/**
 * Prints HTML to PDF with headless Chromium, in a throwaway profile, with networking features
 * off. The page is written to a temporary file (the document has no scripts and loads nothing)
 * and printed there; the caller decides where the PDF goes.
 */
export async function chromiumHtmlToPdf(html: string): Promise<Uint8Array> {
  const chromium = findChromium();
  if (!chromium) throw noChromium();
  const work = mkdtempSync(join(tmpdir(), 'fieldbook-pdf-'));
  try {
    const page = join(work, 'document.html');
    const pdf = join(work, 'document.pdf');
    writeFileSync(page, html);
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      '--no-first-run',
      '--no-default-browser-check',
      `--user-data-dir=${join(work, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      pathToFileURL(page).href,
    ];
    const result = await run(chromium, args);
    if (!existsSync(pdf)) {
      throw new FieldbookError(
        'internal',
        `Chromium could not print the PDF (exit code ${result.code ?? result.signal}).`,
        `Try again, or export HTML and print it from your browser. Nothing was written.${result.stderr ? `\nChromium said: ${result.stderr.trim().split('\n').slice(-3).join(' ')}` : ''}`,
      );
    }
    return checkPdf(readFileSync(pdf), 'Chromium');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 20_000) stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), PRINT_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject((error as { code?: string }).code === 'ENOENT' ? noChromium() : error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });
}
