// Export benchmark: 10,000 entries to HTML, Markdown, XLSX and JSON; 100 entries to PDF.
// Part of `npm run bench`; also runs alone: `npm run build && node --import tsx tests/bench/export.ts`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildDocumentModel } from '../../main/core/export/documentModel';
import { renderHtml } from '../../shared/export/renderHtml';
import { runExport } from '../../main/core/export/runExport';
import { openFieldbook, type Fieldbook } from '../../main/core/fieldbook';
import { median, percentile, printTable, type BenchRow } from './stats';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'fieldbook.js');
const APP_VERSION = 'bench';

function demo(dataDir: string, entries: number): void {
  const result = spawnSync(process.execPath, [BIN, 'demo', '--entries', String(entries), '--data-dir', dataDir], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
}

async function timeRuns(runs: number, work: (run: number) => Promise<unknown> | unknown): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await work(run);
    times.push(performance.now() - started);
  }
  return times;
}

const ms = (values: number[]) => `${median(values).toFixed(0)} ms`;

/**
 * Each export is timed end to end as the CLI runs it (read, build the document model, render,
 * write atomically), with the findings already worked out once, as in a running app.
 */
export async function benchExport(bigDataDir: string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const out = mkdtempSync(join(tmpdir(), 'fieldbook-bench-export-'));
  const book: Fieldbook = openFieldbook({ dataDir: bigDataDir });
  try {
    const count = book.entries.all().length;
    const label = `${count.toLocaleString('en')} entries`;
    const firstCheck = await timeRuns(1, () => book.guidelines.allFindings());
    const model = await timeRuns(5, () => buildDocumentModel(book, { entryId: null, appVersion: APP_VERSION }));

    const html = await timeRuns(5, (run) => runExport(book, { format: 'html', entryId: null, outPath: join(out, `all-${run}.html`), appVersion: APP_VERSION }));
    rows.push({
      measure: `export ${label} → HTML (one file, with the diagram)`,
      target: '< 3000 ms',
      median: median(html),
      p95: percentile(html, 95),
      baseline: `document model alone: ${ms(model)}; first full check after start: ${ms(firstCheck)}`,
    });

    const md = await timeRuns(5, (run) => runExport(book, { format: 'md', entryId: null, outPath: join(out, `md-${run}`), appVersion: APP_VERSION }));
    const plainFiles = await timeRuns(5, (run) => {
      const folder = join(out, `plain-${run}`);
      spawnSync('mkdir', ['-p', folder]);
      for (let index = 0; index < count + 1; index++) writeFileSync(join(folder, `${index}.md`), 'x');
    });
    rows.push({
      measure: `export ${label} → Markdown folder (${(count + 1).toLocaleString('en')} files)`,
      target: '< 3000 ms',
      median: median(md),
      p95: percentile(md, 95),
      baseline: `writing ${(count + 1).toLocaleString('en')} one-byte files: ${ms(plainFiles)}`,
    });

    const xlsx = await timeRuns(5, (run) => runExport(book, { format: 'xlsx', entryId: null, outPath: join(out, `all-${run}.xlsx`), appVersion: APP_VERSION }));
    const csv = await timeRuns(5, (run) => runExport(book, { format: 'csv', entryId: null, outPath: join(out, `all-${run}.csv`), appVersion: APP_VERSION }));
    rows.push({
      measure: `export ${label} → XLSX (Entries, Findings, Dependencies, Files)`,
      target: '< 5000 ms',
      median: median(xlsx),
      p95: percentile(xlsx, 95),
      baseline: `CSV of the Entries sheet: ${ms(csv)}`,
    });

    const json = await timeRuns(5, (run) => runExport(book, { format: 'json', entryId: null, outPath: join(out, `all-${run}.json`), appVersion: APP_VERSION }));
    const rawJson = await timeRuns(5, (run) => {
      const data = {
        entries: book.db.prepare('SELECT * FROM entries').all(),
        history: book.db.prepare('SELECT * FROM entry_history').all(),
        setAsides: book.db.prepare('SELECT * FROM set_asides').all(),
      };
      writeFileSync(join(out, `raw-${run}.json`), JSON.stringify(data));
    });
    rows.push({
      measure: `export ${label} → JSON (with full history)`,
      target: '< 3000 ms',
      median: median(json),
      p95: percentile(json, 95),
      baseline: `plain JSON.stringify of the raw rows + write: ${ms(rawJson)}`,
    });
  } finally {
    book.close();
  }

  const smallDir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-pdf-'));
  try {
    demo(smallDir, 100);
    const small = openFieldbook({ dataDir: smallDir });
    try {
      small.guidelines.allFindings();
      const htmlOnly = await timeRuns(3, () => renderHtml(buildDocumentModel(small, { entryId: null, appVersion: APP_VERSION })));
      const pdf = await timeRuns(3, (run) => runExport(small, { format: 'pdf', entryId: null, outPath: join(out, `small-${run}.pdf`), appVersion: APP_VERSION }));
      rows.push({
        measure: 'export 100 entries → PDF (headless Chromium)',
        target: '< 10000 ms',
        median: median(pdf),
        p95: percentile(pdf, 95),
        baseline: `the same HTML without printing: ${ms(htmlOnly)}`,
      });
    } finally {
      small.close();
    }
  } finally {
    rmSync(smallDir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
  return rows;
}

// Alone: make a 10,000-entry fieldbook, run the export section, print its table.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const entries = Number(process.env.BENCH_ENTRIES ?? 10_000);
  // Timings are only comparable on an idle machine: the load average says whether it was.
  const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');
  console.log(`Fieldbook export benchmark — ${entries.toLocaleString('en')} entries; ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average ${load()}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-'));
  try {
    demo(dataDir, entries);
    printTable(await benchExport(dataDir));
    console.log(`load average at the end: ${load()}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
