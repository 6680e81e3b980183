// Inspection benchmark: a large generated workbook and the corpus's zip workbooks, read by
// Fieldbook's inspector beside its peers in the same run, each in a child process of its own for
// its peak memory: `unzip -p` (the floor: decompression alone), exceljs's streaming reader and
// Debian's python3-openpyxl in read-only mode, both counting formulas.
// Alone: `node --import tsx tests/bench/inspect.ts` (after `npm run build`, for the CLI row).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createInspectionPool } from '../../main/core/inspect/inspectionPool';
import { writeBigWorkbook } from './bigWorkbook';
import { onFilesAllRead, runPeer, type PeerRun } from './peerProcess';
import { median, printTable, type BenchRow } from './stats';

const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const ROOT = join(import.meta.dirname, '..', '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const DEBIAN_PYTHON = '/usr/bin/python3';
const PEER = join(import.meta.dirname, 'inspectPeer.ts');
const CLI = join(ROOT, 'bin', 'fieldbook.js');
/** The same heap ceiling for every Node reader, so that a hostile file cannot take the machine. */
const NODE_PEER = [process.execPath, ['--max-old-space-size=1024', '--import', 'tsx', PEER]] as const;
/** A corpus file a reader is silent on for this long counts as not read (the reader is restarted after it). */
const CORPUS_SILENT_MS = 20_000;
const ZIP_WORKBOOKS = /\.(xlsx|xlsm|xltx|xltm|xlam)$/i;

const OPENPYXL_PEER = `
import sys, json, time, warnings
warnings.simplefilter('ignore')
import openpyxl
files = [f for f in open(sys.argv[1], encoding='utf-8').read().split('\\n') if f]
for i in range(int(sys.argv[2]), len(files)):
    started = time.perf_counter()
    try:
        wb = openpyxl.load_workbook(files[i], read_only=True, keep_links=False)
        n = 0
        for ws in wb.worksheets:
            if not hasattr(ws, 'iter_rows'):
                continue
            for row in ws.iter_rows(values_only=True):
                for v in row:
                    if isinstance(v, str) and v.startswith('='):
                        n += 1
        wb.close()
        line = {'i': i, 'ms': (time.perf_counter() - started) * 1000, 'formulas': n}
    except Exception as e:
        line = {'i': i, 'ms': (time.perf_counter() - started) * 1000, 'error': (type(e).__name__ + ': ' + str(e))[:200]}
    print(json.dumps(line), flush=True)
`;

/** Wall time and peak memory of one command (GNU time), for the floor and start-up rows. */
function measure(command: string, args: string[]): { ms: number; peakMiB: number | null; stdout: string } {
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', 'PEAK_KB=%M', command, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, cwd: ROOT });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`${command} failed: ${run.stderr}`);
  const peak = /PEAK_KB=(\d+)/.exec(run.stderr ?? '');
  return { ms, peakMiB: peak ? Number(peak[1]) / 1024 : null, stdout: run.stdout };
}

const hasOpenpyxl = () => existsSync(DEBIAN_PYTHON) && spawnSync(DEBIAN_PYTHON, ['-c', 'import openpyxl']).status === 0;
const mib = (value: number | null) => (value === null ? '? MiB' : `${value.toFixed(0)} MiB`);
const times = (a: number, b: number) => `${(a / b).toFixed(1)}×`;

function peerRow(what: string, runs: PeerRun[], target: string, baseline: string): BenchRow {
  const reading = runs.map((run) => run.readingMs);
  const peak = Math.max(...runs.map((run) => run.peakMiB ?? 0));
  const wall = median(runs.map((run) => run.wallMs));
  return { measure: `${what} — peak ${mib(peak)}, ${(wall / 1000).toFixed(1)} s with start-up`, target, median: median(reading), p95: Math.max(...reading), baseline };
}

function failures(run: PeerRun): string {
  if (run.failed.length === 0) return 'read all';
  const reasons = new Map<string, number>();
  for (const { reason } of run.failed) {
    const short = reason.replace(/\s+/g, ' ').slice(0, 60);
    reasons.set(short, (reasons.get(short) ?? 0) + 1);
  }
  // The most common reasons, and always the files that crashed or stalled the reader.
  const stopped = (reason: string) => /^(no answer|stopped)/.test(reason);
  const top = [...reasons]
    .sort((a, b) => Number(stopped(b[0])) - Number(stopped(a[0])) || b[1] - a[1])
    .filter(([reason], i) => i < 3 || stopped(reason))
    .map(([reason, count]) => `${count}× "${reason}"`);
  return `could not read ${run.failed.length} (${top.join('; ')}${reasons.size > top.length ? '; …' : ''})`;
}

/** Fieldbook and exceljs over the same files, three times each, taking turns. */
async function alternate(files: string[], silentMs: number, mode = ''): Promise<{ ours: PeerRun[]; exceljs: PeerRun[] }> {
  const ours: PeerRun[] = [];
  const exceljs: PeerRun[] = [];
  for (let round = 0; round < 3; round++) {
    ours.push(await runPeer(NODE_PEER[0], [...NODE_PEER[1], `fieldbook${mode}`], files, { cwd: ROOT, silentMs }));
    exceljs.push(await runPeer(NODE_PEER[0], [...NODE_PEER[1], `exceljs${mode}`], files, { cwd: ROOT, silentMs }));
  }
  return { ours, exceljs };
}

/** Fieldbook's and exceljs's time on the files both read, medians over the rounds. */
function onSharedFiles(turns: { ours: PeerRun[]; exceljs: PeerRun[] }): { files: number; ours: number; exceljs: number } {
  const shared = turns.ours.map((run, i) => onFilesAllRead([run, turns.exceljs[i]!]));
  return { files: shared[0]!.files, ours: median(shared.map((pair) => pair.ms[0]!)), exceljs: median(shared.map((pair) => pair.ms[1]!)) };
}

async function largeWorkbook(dir: string): Promise<BenchRow[]> {
  const big = join(dir, 'big.xlsx');
  await writeBigWorkbook(big, ROWS);
  const label = `${ROWS.toLocaleString('en')} rows × 10 columns (${(statSync(big).size / 2 ** 20).toFixed(1)} MB)`;
  const floors = [0, 1, 2].map(() => measure('sh', ['-c', `unzip -p "${big}" > /dev/null`]));
  const floor = median(floors.map((run) => run.ms));
  const floorPeak = Math.max(...floors.map((run) => run.peakMiB ?? 0));
  // Fieldbook and exceljs take turns, so that a busy moment on the machine falls on both alike.
  const { ours, exceljs } = await alternate([big], 300_000);
  if (ours.some((run) => run.read !== 1)) throw new Error(`Fieldbook could not read the large workbook: ${ours[0]!.failed[0]?.reason}`);
  const oursMs = median(ours.map((run) => run.readingMs));
  const exceljsMs = median(exceljs.map((run) => run.readingMs));
  const rows: BenchRow[] = [
    { measure: `unzip -p ${label} > /dev/null (the floor) — peak ${mib(floorPeak)}`, target: '—', median: floor, p95: Math.max(...floors.map((run) => run.ms)), baseline: 'median of 3' },
    peerRow(`Fieldbook inspector, ${label}: ${ours[0]!.formulas.toLocaleString('en')} formulas, hash, personal data`, ours, '≤ 2× unzip, < 150 MiB', `${times(oursMs, floor)} the unzip floor (median of 3)`),
  ];
  if (existsSync(join(ROOT, 'out', 'main', 'cli.js'))) {
    const cli = [0, 1, 2].map(() => measure(process.execPath, [CLI, 'inspect', big, '--json']));
    rows.push({
      measure: `fieldbook inspect --json, same file (built CLI, worker thread, start-up included) — peak ${mib(Math.max(...cli.map((run) => run.peakMiB ?? 0)))}`,
      target: '< 150 MiB',
      median: median(cli.map((run) => run.ms)),
      p95: Math.max(...cli.map((run) => run.ms)),
      baseline: 'median of 3',
    });
  }
  rows.push(
    peerRow(`exceljs 4.4.0 streaming reader, same file: ${exceljs[0]!.formulas.toLocaleString('en')} formulas`, exceljs, 'Fieldbook ≥ 5× faster', `Fieldbook is ${times(exceljsMs, oursMs)} faster (medians of 3, taking turns); ${failures(exceljs[0]!)}`),
  );
  if (hasOpenpyxl()) {
    const openpyxl = await runPeer(DEBIAN_PYTHON, ['-c', OPENPYXL_PEER], [big], { silentMs: 300_000 });
    rows.push(peerRow(`python3-openpyxl read-only, same file: ${openpyxl.formulas.toLocaleString('en')} formulas`, [openpyxl], '—', `Fieldbook is ${times(openpyxl.readingMs, oursMs)} faster; one run; ${failures(openpyxl)}`));
  } else {
    rows.push({ measure: 'python3-openpyxl not installed (apt-get install -y python3-openpyxl)', target: '—', median: 0, p95: 0 });
  }
  const start = measure(NODE_PEER[0], ['--import', 'tsx', '-e', 'import "node:fs";']);
  rows.push({ measure: `start-up alone: Node + tsx, no reading — peak ${mib(start.peakMiB)} (part of every Node reader's peak)`, target: '—', median: start.ms, p95: start.ms });
  return rows;
}

async function corpus(): Promise<BenchRow[]> {
  if (!existsSync(join(CORPUS, 'MANIFEST.tsv'))) return [{ measure: `corpus not found at ${CORPUS}: corpus rows skipped`, target: '—', median: 0, p95: 0 }];
  const all = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => join(CORPUS, line.split('\t')[0]!));
  const zips = all.filter((file) => ZIP_WORKBOOKS.test(file));
  const what = `the corpus's ${zips.length} zip workbooks (xlsx/xlsm/xltx/xltm/xlam), one at a time`;
  const floor = measure('sh', ['-c', `for f in ${zips.map((f) => `'${f.replace(/'/g, `'\\''`)}'`).join(' ')}; do unzip -p "$f" > /dev/null 2>&1; done; true`]);
  const turns = await alternate(zips, CORPUS_SILENT_MS);
  const ours = turns.ours[0]!;
  const oursMs = median(turns.ours.map((run) => run.readingMs));
  const cold = onSharedFiles(turns);
  // The same again with each file read twice, timing the second read: warm code, as in the app's workers.
  const warm = onSharedFiles(await alternate(zips, CORPUS_SILENT_MS, ':twice'));
  const rows: BenchRow[] = [
    { measure: `unzip -p ${what} (a process per file) — peak ${mib(floor.peakMiB)}`, target: '—', median: floor.ms, p95: floor.ms, baseline: 'one run' },
    peerRow(`Fieldbook inspector, ${what}`, turns.ours, '≤ 2× unzip', `${times(oursMs, floor.ms)} the unzip floor; ${ours.read} read, ${ours.failed.length} with a clear error`),
    peerRow(
      `exceljs streaming reader, ${what}`,
      turns.exceljs,
      'Fieldbook ≥ 5× faster',
      `${turns.exceljs[0]!.read} read, ${failures(turns.exceljs[0]!)}. On the ${cold.files} both read: Fieldbook ${cold.ours.toFixed(0)} ms, exceljs ${cold.exceljs.toFixed(0)} ms (${times(cold.exceljs, cold.ours)}; medians of 3, taking turns)`,
    ),
    {
      measure: `same ${warm.files} files, each read twice and the second read timed (warm, as in the app's long-lived workers): Fieldbook`,
      target: 'Fieldbook ≥ 5× faster',
      median: warm.ours,
      p95: warm.ours,
      baseline: `exceljs ${warm.exceljs.toFixed(0)} ms (${times(warm.exceljs, warm.ours)}; medians of 3, taking turns)`,
    },
  ];
  if (hasOpenpyxl()) {
    const openpyxl = await runPeer(DEBIAN_PYTHON, ['-c', OPENPYXL_PEER], zips, { silentMs: CORPUS_SILENT_MS });
    const withOpenpyxl = onFilesAllRead([ours, openpyxl]);
    rows.push(
      peerRow(
        `python3-openpyxl read-only, ${what}`,
        [openpyxl],
        '—',
        `${openpyxl.read} read, ${failures(openpyxl)}. On the ${withOpenpyxl.files} both read: Fieldbook ${withOpenpyxl.ms[0]!.toFixed(0)} ms, openpyxl ${withOpenpyxl.ms[1]!.toFixed(0)} ms (${times(withOpenpyxl.ms[1]!, withOpenpyxl.ms[0]!)})`,
      ),
    );
  }

  // Every file of the corpus, as the app reads them: two worker threads with their limits.
  const pool = createInspectionPool({ size: 2 });
  await pool.inspect(all[0]!); // start the workers
  const started = performance.now();
  const results = await Promise.all(all.map((file) => pool.inspect(file)));
  const ms = performance.now() - started;
  await pool.close();
  const errors = results.filter((result) => result.error).length;
  rows.push({ measure: `Fieldbook, the whole corpus: ${all.length} files of every kind in 2 worker threads`, target: '—', median: ms, p95: ms, baseline: `${errors} with a clear error, none stopped the run` });
  return rows;
}

/** Inspection rows for the benchmark table (run.ts). */
export async function benchInspection(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-inspect-'));
  try {
    return [...(await largeWorkbook(dir)), ...(await corpus())];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(`Inspection benchmark; ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}. Timings are noisy while others use the machine: compare rows of the same run.`);
  printTable(await benchInspection());
}
