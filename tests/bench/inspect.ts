// Inspection benchmark: a large generated workbook and the whole corpus, each beside its peers
// measured in the same run (unzip -p as the floor, Debian's python3-openpyxl read-only).
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { createInspectionPool } from '../../main/core/inspect/inspectionPool';
import type { BenchRow } from './stats';

const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const ROOT = join(import.meta.dirname, '..', '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const DEBIAN_PYTHON = '/usr/bin/python3';

/** 200,000 rows × 10 columns (8 values, 2 formulas), written as XML with fflate's streaming zip. */
export async function writeBigWorkbook(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  const zip = new Zip((error, chunk, final) => {
    if (error) throw error;
    out.write(chunk);
    if (final) out.end();
  });
  const small = (name: string, text: string) => {
    const file = new ZipPassThrough(name);
    zip.add(file);
    file.push(strToU8(text), true);
  };
  small('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>');
  small('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  small('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>');
  small('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>');
  const regions = ['North', 'South', 'East', 'West'];
  small('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${regions.length}" uniqueCount="${regions.length}">${regions.map((r) => `<si><t>${r}</t></si>`).join('')}</sst>`);
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
  zip.add(sheet);
  sheet.push(strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'));
  const batch: string[] = [];
  for (let r = 1; r <= rows; r++) {
    batch.push(
      `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="s"><v>${r % 4}</v></c><c r="C${r}"><v>${(r * 1.37).toFixed(2)}</v></c><c r="D${r}"><v>${r % 97}</v></c><c r="E${r}"><v>${(r * 0.113).toFixed(3)}</v></c><c r="F${r}"><v>${45000 + (r % 365)}</v></c><c r="G${r}"><v>${r * 7}</v></c><c r="H${r}"><v>${(r % 13) * 1.5}</v></c><c r="I${r}"><f>C${r}*D${r}</f><v>${((r * 1.37) * (r % 97)).toFixed(2)}</v></c><c r="J${r}"><f>I${r}+E${r}</f><v>0</v></c></row>`,
    );
    if (batch.length === 2000 || r === rows) {
      sheet.push(strToU8(batch.join('')));
      batch.length = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  sheet.push(strToU8('</sheetData></worksheet>'), true);
  zip.end();
  await done;
}

/** Runs a command and reports wall time and peak resident memory (GNU time). */
function measure(command: string, args: string[], options: { cwd?: string } = {}): { ms: number; peakMiB: number | null; stdout: string } {
  const started = performance.now();
  const useTime = existsSync('/usr/bin/time');
  const run = useTime
    ? spawnSync('/usr/bin/time', ['-f', 'PEAK_KB=%M', command, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, cwd: options.cwd })
    : spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, cwd: options.cwd });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`${command} failed: ${run.stderr}`);
  const peak = /PEAK_KB=(\d+)/.exec(run.stderr ?? '');
  return { ms, peakMiB: peak ? Number(peak[1]) / 1024 : null, stdout: run.stdout };
}

const FIELDBOOK_ONE = `
import { inspectInThread } from ${JSON.stringify(join(ROOT, 'main/core/inspect/inspectInThread.ts'))};
const started = performance.now();
const result = await inspectInThread(process.argv[1]);
const ms = performance.now() - started;
if (result.error) throw new Error(result.error.message);
console.log(JSON.stringify({ formulas: result.formulaCount, sheets: result.sheets.length, ms }));
`;

const OPENPYXL_COUNT = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True, keep_links=False)
n = 0
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        for v in row:
            if isinstance(v, str) and v.startswith('='):
                n += 1
print(n)
`;

function row(measure: string, ms: number, peakMiB: number | null, target: string, baseline: string): BenchRow {
  return { measure: `${measure}${peakMiB === null ? '' : ` — peak ${peakMiB.toFixed(0)} MiB`}`, target, median: ms, p95: ms, baseline };
}

/** Inspection rows for the benchmark table (run.ts). */
export async function benchInspection(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-inspect-'));
  const rows: BenchRow[] = [];
  try {
    const big = join(dir, 'big.xlsx');
    await writeBigWorkbook(big, ROWS);
    const size = statSync(big).size;
    const label = `${ROWS.toLocaleString('en')} rows × 10 columns (${(size / 2 ** 20).toFixed(1)} MB)`;

    const floor = measure('sh', ['-c', `unzip -p "${big}" > /dev/null`]);
    const fieldbookRuns = [0, 1, 2].map(() => measure(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', FIELDBOOK_ONE, big], { cwd: ROOT }));
    const fieldbook = fieldbookRuns.sort((a, b) => a.ms - b.ms)[1]!;
    const formulas = JSON.parse(fieldbook.stdout.trim()) as { formulas: number; ms: number };
    let peer = 'python3-openpyxl not installed (apt-get install -y python3-openpyxl)';
    if (existsSync(DEBIAN_PYTHON) && spawnSync(DEBIAN_PYTHON, ['-c', 'import openpyxl']).status === 0) {
      const openpyxl = measure(DEBIAN_PYTHON, ['-c', OPENPYXL_COUNT, big]);
      peer = `openpyxl read-only: ${(openpyxl.ms / 1000).toFixed(1)} s, peak ${openpyxl.peakMiB?.toFixed(0)} MiB, ${openpyxl.stdout.trim()} formulas`;
    }
    rows.push(row(`inspect ${label}: ${formulas.formulas.toLocaleString('en')} formulas, hash, personal data (inside the process)`, formulas.ms, null, '≤ 2× unzip', `unzip -p: ${floor.ms.toFixed(0)} ms (peak ${floor.peakMiB?.toFixed(0)} MiB)`));
    rows.push(row(`same, whole process incl. Node + tsx start (median of 3)`, fieldbook.ms, fieldbook.peakMiB, '< 150 MiB', peer));
    const nodeStart = measure(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', 'import "node:fs";'], { cwd: ROOT });
    rows.push(row('start-up alone: Node + tsx, no inspection (subtract from the row above)', nodeStart.ms, nodeStart.peakMiB, '—', ''));

    if (existsSync(join(CORPUS, 'MANIFEST.tsv'))) {
      const files = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => join(CORPUS, line.split('\t')[0]!));
      const pool = createInspectionPool({ size: 2 });
      await pool.inspect(files[0]!); // start the workers
      const started = performance.now();
      const results = await Promise.all(files.map((file) => pool.inspect(file)));
      const ms = performance.now() - started;
      await pool.close();
      const failed = results.filter((r) => r.error).length;
      const corpusFloor = measure('sh', ['-c', `for f in ${files.filter((f) => /\.(xlsx|xlsm|xltx|xltm|xlam|xlsb|ods)$/.test(f)).map((f) => `"${f}"`).join(' ')}; do unzip -p "$f" > /dev/null 2>&1; done; true`]);
      rows.push(row(`inspect the whole corpus: ${files.length} files in 2 worker threads (${failed} with a clear error)`, ms, null, '—', `unzip -p of its zip packages, one by one: ${corpusFloor.ms.toFixed(0)} ms`));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
