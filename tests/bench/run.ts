// Fieldbook benchmark: 10,000 entries. Not part of `npm test` (timings are not assertions).
// Run with `npm run bench`. Prints a table; baselines are measured in the same run.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { ListQuery } from '../../shared/contract';
import { openFieldbook } from '../../main/core/fieldbook';
import { benchExport } from './export';
import { benchDiscovery } from './discovery';
import { benchHub } from './hub';
import { benchGuidelines } from './guidelines';
import { benchInspection } from './inspect';
import { median, percentile, printTable, type BenchRow } from './stats';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 10_000);
const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'fieldbook.js');
/** `npm run bench -- guidelines export` runs only those parts; the fieldbook is always filled first. */
const PARTS = ['store', 'guidelines', 'export', 'inspect', 'discovery', 'hub', 'browser'] as const;
const ONLY = process.argv.slice(2);
const runs = (part: (typeof PARTS)[number]) => ONLY.length === 0 || ONLY.includes(part);
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function serve(dataDir: string): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /Fieldbook is running at (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  return { child, url };
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** The first row of the fieldbook list (not the options of the sort menu). */
const firstRow = (page: Page) => page.getByRole('listbox', { name: 'Tools' }).getByRole('option').first();

/** Start of the host process → the list shows entries in Chromium (browser already running). */
async function firstList(browser: Browser, dataDir: string, runs: number): Promise<{ total: number[]; hostReady: number[] }> {
  const total: number[] = [];
  const hostReady: number[] = [];
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage();
    const started = performance.now();
    const host = serve(dataDir);
    try {
      const url = await host.url;
      hostReady.push(performance.now() - started);
      await page.goto(url + '#/entries');
      await firstRow(page).waitFor();
      total.push(performance.now() - started);
    } finally {
      await page.close();
      await stop(host.child);
    }
  }
  return { total, hostReady };
}

/**
 * A keystroke in the search box → the list shows the results for the new text, timed inside the
 * page: from the keydown to the later of the list's response arriving and the list's last DOM change.
 */
async function searchKeystrokes(page: Page, words: string[]): Promise<number[]> {
  const search = page.getByRole('searchbox');
  await firstRow(page).waitFor();
  await page.evaluate(() => {
    const marks = window as unknown as { down: number; changed: number };
    const list = document.querySelector('[role="listbox"][aria-label="Tools"]')!;
    new MutationObserver(() => (marks.changed = performance.now())).observe(list, { subtree: true, childList: true, characterData: true, attributes: true });
    document.addEventListener('keydown', () => ((marks.down = performance.now()), (marks.changed = 0)), true);
  });
  const times: number[] = [];
  for (const word of words) {
    await search.fill('');
    await firstRow(page).waitFor();
    for (let i = 1; i <= word.length; i++) {
      const text = word.slice(0, i);
      const response = page.waitForResponse(
        (candidate) => candidate.url().endsWith('/api/call/entries.list') && (candidate.request().postData() ?? '').includes(`"query":"${text}"`),
      );
      await search.press(word[i - 1]!);
      await response;
      const elapsed = await page.evaluate(
        () =>
          new Promise<number>((resolve) =>
            requestAnimationFrame(() =>
              requestAnimationFrame(() => {
                const marks = window as unknown as { down: number; changed: number };
                const lists = performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('/api/call/entries.list'));
                const arrived = (lists.at(-1) as PerformanceResourceTiming | undefined)?.responseEnd ?? 0;
                resolve(Math.max(arrived, marks.changed) - marks.down);
              }),
            ),
          ),
      );
      times.push(elapsed);
    }
  }
  return times;
}

/** Search keystrokes and saves from a page served by the browser host. */
async function inBrowser(browser: Browser, dataDir: string, entryId: string): Promise<BenchRow[]> {
  const host = serve(dataDir);
  const page = await browser.newPage();
  try {
    await page.goto((await host.url) + '#/entries');
    const keystrokes = await searchKeystrokes(page, ['pricing', 'returns', 'sap']);
    // Saves as the entry form sends them (one field changed), timed inside the page, a typing pause apart.
    const saves: number[] = [];
    for (let i = 0; i < 50; i++) {
      const { status, ms } = await page.evaluate(
        async ({ id, i }) => {
          const started = performance.now();
          const response = await fetch('/api/call/entries.update', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id, changes: { notes: `Page edit ${i}` } }) });
          await response.json();
          return { status: response.status, ms: performance.now() - started };
        },
        { id: entryId, i },
      );
      if (status !== 200) throw new Error(`save failed with HTTP ${status}`);
      saves.push(ms);
      await page.waitForTimeout(400);
    }
    return [
      { measure: 'search keystroke → list updated (in Chromium)', target: '< 50 ms', median: median(keystrokes), p95: percentile(keystrokes, 95) },
      { measure: 'save an edit from the page (HTTP round trip incl. fsync)', target: '< 10 ms', median: median(saves), p95: percentile(saves, 95) },
    ];
  } finally {
    await page.close();
    await stop(host.child);
  }
}

function timeIt(runs: number, work: (index: number) => void): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work(i);
    times.push(performance.now() - started);
  }
  return times;
}

async function main(): Promise<void> {
  const unknownParts = ONLY.filter((part) => !(PARTS as readonly string[]).includes(part));
  if (unknownParts.length > 0) throw new Error(`Unknown bench part ${unknownParts.join(', ')}: choose from ${PARTS.join(', ')}.`);
  console.log(`Fieldbook benchmark — ${ENTRIES.toLocaleString('en')} entries; ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-'));
  const rows: BenchRow[] = [];
  try {
    const demo = spawnSync(process.execPath, [BIN, 'demo', '--entries', String(ENTRIES), '--data-dir', dataDir], { encoding: 'utf8' });
    if (demo.status !== 0) throw new Error(demo.stderr);

    // Core: search and save, with the naive alternatives as baselines in the same run.
    const book = openFieldbook({ dataDir });
    const target = book.entries.list(ListQuery.parse({ limit: 1 })).items[0]!.id;
    if (runs('store')) {
      const words = ['pri', 'cust', 'month', 'sap', 'anna', 'retur'];
      const fts = timeIt(60, (i) => book.entries.list(ListQuery.parse({ query: words[i % words.length] })));
      const likeScan = book.db.prepare(
        `SELECT id, name FROM entries WHERE deleted_at IS NULL AND (name LIKE ? OR fields LIKE ?) ORDER BY name LIMIT 100`,
      );
      const like = timeIt(60, (i) => likeScan.all(`%${words[i % words.length]}%`, `%${words[i % words.length]}%`));
      rows.push({ measure: 'search query in the store (FTS5, first page)', target: '—', median: median(fts), p95: percentile(fts, 95), baseline: `LIKE scan: ${median(like).toFixed(2)} ms` });

      const saves = timeIt(200, (i) => book.entries.update(target, { notes: `Bench edit ${i}` }));

      // Deleting for good: 1,000 deleted entries out of 10,000, three rounds; peer: deleting them (kept for undo).
      const softDeletes: number[] = [];
      const purges: number[] = [];
      for (let round = 0; round < 3; round++) {
        const batch = book.entries.createMany(Array.from({ length: 1_000 }, (_, i) => ({ name: `Purge bench ${round}-${i}`, purpose: 'A tool nobody uses any more.' })));
        let started = performance.now();
        book.db.transaction(() => batch.forEach((entry) => book.entries.delete(entry.id)))();
        softDeletes.push(performance.now() - started);
        started = performance.now();
        book.purgeDeleted(batch.map((entry) => entry.id));
        purges.push(performance.now() - started);
      }
      rows.push({
        measure: 'delete 1,000 deleted entries for good (index merged, WAL truncated; 3 rounds)',
        target: '—',
        median: median(purges),
        p95: percentile(purges, 95),
        baseline: `deleting the same 1,000 (kept for undo): ${median(softDeletes).toFixed(0)} ms`,
      });
      book.close();
      const raw = new BetterSqlite3(join(dataDir, 'fieldbook.sqlite'));
      raw.pragma('journal_mode = WAL');
      raw.pragma('synchronous = NORMAL');
      const bare = raw.prepare('UPDATE entries SET fields = json_set(fields, ?, ?) WHERE id = ?');
      const bareSaves = timeIt(200, (i) => bare.run('$.notes', `Bare edit ${i}`, target));
      raw.close();
      rows.push({ measure: 'save an edit in the store (revision + history + index, fsync)', target: '< 10 ms', median: median(saves), p95: percentile(saves, 95), baseline: `bare UPDATE, no fsync: ${median(bareSaves).toFixed(2)} ms` });
    } else book.close();

    if (runs('guidelines')) {
      const checking = openFieldbook({ dataDir });
      rows.push(...benchGuidelines(checking));
      checking.close();
    }

    // Export: 10,000 entries to HTML, Markdown, XLSX and JSON; 100 entries to PDF.
    if (runs('export')) rows.push(...(await benchExport(dataDir)));

    // Inspection: a large generated workbook and the corpus, beside unzip and openpyxl.
    if (runs('inspect')) rows.push(...(await benchInspection()));
    if (runs('discovery')) rows.push(...(await benchDiscovery()));
    // The hub: 100 devices sharing at once to a real hub process, on SQLite and on PostgreSQL.
    if (runs('hub')) rows.push(...(await benchHub()));

    // Through the browser host and Chromium, as a person would see it.
    if (runs('browser')) {
      const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
      try {
        const starts = await firstList(browser, dataDir, 5);
        rows.push({
          measure: 'start browser host → list shows entries in Chromium',
          target: '< 1000 ms',
          median: median(starts.total),
          p95: percentile(starts.total, 95),
          baseline: `of which host process ready: ${median(starts.hostReady).toFixed(0)} ms`,
        });

        rows.push(...(await inBrowser(browser, dataDir, target)));
      } finally {
        await browser.close();
      }
    }
    printTable(rows);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
