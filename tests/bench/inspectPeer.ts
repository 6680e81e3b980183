// One reader of the inspection benchmark, run in a child process of its own so that its peak
// memory (GNU time's %M) is its own: `node --import tsx inspectPeer.ts fieldbook|exceljs LIST FROM`.
// Reads the files named in LIST (one path a line) from index FROM on, one at a time (or each twice,
// timing the second read, with NAME:twice), and prints
// one JSON line per file: { i, ms, formulas } or { i, ms, error }. The parent restarts it after a
// file that crashes or hangs it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { inspectInThread } from '../../main/core/inspect/inspectInThread';

export interface PeerLine {
  i: number;
  ms: number;
  formulas?: number;
  error?: string;
}

type Reader = (path: string) => Promise<number>;

/** Fieldbook's inspector in this thread (no worker): formulas, hash, personal data and the rest. */
const fieldbook: Reader = async (path) => {
  const result = await inspectInThread(path);
  if (result.error) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.formulaCount ?? 0;
};

/** exceljs's streaming WorkbookReader, counting formula cells (plain and shared) on every sheet. */
const exceljs: Reader = async (path) => {
  // exceljs is CommonJS; createRequire keeps it out of the ESM loader's way.
  const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'emit' });
  let formulas = 0;
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<import('exceljs').Row>) {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cell.value;
        if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) formulas++;
      });
    }
  }
  return formulas;
};

const READERS: Record<string, Reader> = { fieldbook, exceljs };

async function main(): Promise<void> {
  const [name, list, from] = process.argv.slice(2);
  // "exceljs:twice" reads each file twice and times the second read: warm code, as in a long-running worker.
  const [readerName, mode] = (name ?? '').split(':');
  const read = READERS[readerName ?? ''];
  if (!read || !list) throw new Error('usage: inspectPeer.ts fieldbook|exceljs[:twice] LIST [FROM]');
  const files = readFileSync(list, 'utf8').split('\n').filter(Boolean);
  for (let i = Number(from ?? 0); i < files.length; i++) {
    let line: PeerLine;
    if (mode === 'twice') await read(files[i]!).catch(() => undefined);
    const started = performance.now();
    try {
      const formulas = await read(files[i]!);
      line = { i, ms: performance.now() - started, formulas };
    } catch (error) {
      line = { i, ms: performance.now() - started, error: String((error as Error)?.message ?? error).split('\n')[0]!.slice(0, 200) };
    }
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

await main();
