import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInspectionPool, inspectFile, type InspectionPool } from '../../main/core/inspect/inspectionPool';
import { CORPUS, requireCorpus } from './inspect-groundTruth';
import { writeWorkbook } from './inspect-fixtures';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();
const LIMITS = { timeMs: 20_000, memoryMb: 256 };

/** The corpus files that are hostile, truncated, empty, mislabelled or encrypted on purpose. */
const BAD_FILES: [string, string[]][] = [
  ['apache-poi/poc-xmlbomb.xlsx', ['facts']],
  ['apache-poi/poc-shared-strings.xlsx', ['facts']],
  ['apache-poi/crash-274d6342e4842d61be0fb48eaadad6208ae767ae.xlsx', ['truncated', 'corrupt']],
  ['apache-poi/invalid.xlsx', ['corrupt', 'truncated']],
  ['apache-poi/xlsx-corrupted.xlsx', ['facts', 'corrupt']],
  ['apache-poi/clusterfuzz-testcase-minimized-POIFuzzer-5040805309710336.xlsx', ['corrupt', 'truncated']],
  ['apache-poi/clusterfuzz-testcase-minimized-POIXSSFFuzzer-5185049589579776.xlsx', ['corrupt', 'truncated']],
  ['apache-poi/clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-5542865479270400.xlsx', ['corrupt', 'truncated']],
  ['apache-poi/clusterfuzz-testcase-minimized-POIHSSFFuzzer-6137883240824832.xls', ['corrupt', 'facts']],
  ['apache-poi/clusterfuzz-testcase-minimized-POIHSSFFuzzer-4651309315719168.xls', ['encrypted']],
  ['calamine/OOM_alloc.xls', ['facts', 'corrupt']],
  ['calamine/OOM_alloc2.xls', ['facts', 'corrupt']],
  ['calamine/OOM_alloc3.xls', ['facts', 'corrupt']],
  ['calamine/issue_666_panic.xlsb', ['facts', 'corrupt', 'truncated']],
  ['calamine/ptgexp-truncated-operand.xls', ['facts']],
  ['exceljs/invalid-xml.xlsx', ['facts', 'corrupt']],
  ['openpyxl/null_file.xlsx', ['empty']],
  ['openpyxl/null_archive.xlsx', ['corrupt']],
  ['phpspreadsheet/empty.csv', ['empty']],
  ['apache-poi/60320-protected.xlsx', ['encrypted']],
  ['calamine/pass_protected.xlsb', ['encrypted']],
  ['oletools/encrypted.xlsx', ['encrypted']],
  ['oletools/encrypted.xls', ['encrypted']],
  ['apache-poi/xor-encryption-abc.xls', ['encrypted']],
  ['sheetjs-test_files/password_2002_40_xor.xls', ['encrypted']],
  ['mdb-reader/office-agile-4.2.accdb', ['encrypted']],
];

describe('hostile, truncated, empty and encrypted corpus files', () => {
  let pool: InspectionPool;
  beforeAll(() => {
    pool = createInspectionPool({ size: 2, limits: LIMITS });
  });
  afterAll(async () => {
    await pool.close();
  });

  it.each(BAD_FILES)('%s yields facts or a clear error, within the limits', async (file, allowed) => {
    const started = performance.now();
    const result = await pool.inspect(join(CORPUS, file));
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(LIMITS.timeMs);
    const outcome = result.error ? result.error.code : result.encrypted ? 'encrypted' : 'facts';
    expect(allowed, `${file}: ${JSON.stringify(result.error)}`).toContain(outcome);
    if (result.error) expect(result.error.message).toMatch(/\w+ \w+ \w+/);
  });

  it('an XML entity bomb is never expanded: the part is refused and the rest of the workbook is still read', async () => {
    const result = await pool.inspect(join(CORPUS, 'apache-poi/poc-xmlbomb.xlsx'));
    expect(result.error).toBeNull();
    expect(result.sheets.map((s) => s.name)).toEqual(['Tabelle1']);
    expect(result.warnings.join(' ')).toMatch(/declares its own XML entities/);
  });

  it('a file cut in half says it is cut off, and a renamed text file says what it really is', async () => {
    const dir = tempDir();
    const whole = readFileSync(join(CORPUS, 'calamine/pivots.xlsx'));
    const cut = join(dir, 'cut.xlsx');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const truncated = await pool.inspect(cut);
    expect(truncated.error?.code).toBe('truncated');
    expect(truncated.error?.message).toMatch(/cut off/);

    const renamed = join(dir, 'really-text.xls');
    copyFileSync(join(CORPUS, 'exceljs/test-issue-991.csv'), renamed);
    const text = await pool.inspect(renamed);
    expect(text.error).toBeNull();
    expect(text.format).toBe('csv');
    expect(text.warnings.join(' ')).toMatch(/named \.xls but is text/);
  });
});

describe('limits for files that try to exhaust the reader', () => {
  it('a zip bomb (a part that inflates thousands of times its size) is stopped with a clear error', async () => {
    const dir = tempDir();
    const path = writeWorkbook(dir, 'bomb.xlsx', { sheets: [{ name: 'Sheet1', rows: [['x']] }] });
    // Replace the sheet with 64 MB of zeros that deflate to a few hundred kilobytes.
    const bomb = zipSync({
      '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      '_rels/.rels': strToU8(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
      'xl/workbook.xml': strToU8(
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Bomb" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': [new Uint8Array(64 * 1024 * 1024), { level: 6 }],
    });
    writeFileSync(path, bomb);
    const started = performance.now();
    const result = await inspectFile(path, LIMITS);
    expect(performance.now() - started).toBeLessThan(LIMITS.timeMs);
    expect(result.error?.code).toBe('zip_bomb');
    expect(result.error?.message).toMatch(/zip bomb/);
  });

  it('a small part whose header understates its size is stopped as a zip bomb, not inflated whole', async () => {
    const rels = (type: string, target: string) =>
      strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/${type}" Target="${target}"/></Relationships>`);
    const zip = Buffer.from(
      zipSync({
        '_rels/.rels': rels('officeDocument/2006/relationships/officeDocument', 'xl/workbook.xml'),
        'xl/workbook.xml': strToU8('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Liar" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        'xl/_rels/workbook.xml.rels': rels('officeDocument/2006/relationships/worksheet', 'worksheets/sheet1.xml'),
        'xl/worksheets/sheet1.xml': [new Uint8Array(16 * 1024 * 1024), { level: 9 }],
      }),
    );
    // Rewrite the sheet's declared size, in its local header and in the central directory, to 1,000 bytes.
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    for (let at = zip.indexOf(name); at >= 0; at = zip.indexOf(name, at + 1)) {
      if (zip.readUInt32LE(at - 30) === 0x04034b50) zip.writeUInt32LE(1000, at - 30 + 22);
      if (zip.readUInt32LE(at - 46) === 0x02014b50) zip.writeUInt32LE(1000, at - 46 + 24);
    }
    const path = join(tempDir(), 'liar.xlsx');
    writeFileSync(path, zip);
    const result = await inspectFile(path, LIMITS);
    expect(result.error?.code).toBe('zip_bomb');
    expect(result.error?.message).toMatch(/sheet1\.xml inflates to more than the 1000 bytes its header says; this looks like a zip bomb/);
  });

  it('a file that takes longer than the time limit is stopped, and the next file in the same pool is read normally', async () => {
    requireCorpus();
    const pool = createInspectionPool({ size: 1, limits: { timeMs: 1 } });
    try {
      const slow = await pool.inspect(join(CORPUS, 'apache-poi/57231_MixedGasReport.xls'));
      expect(slow.error?.code).toBe('timeout');
      expect(slow.error?.message).toMatch(/longer than/);
    } finally {
      await pool.close();
    }
    const fine = await inspectFile(join(CORPUS, 'calamine/pivots.xlsx'), LIMITS);
    expect(fine.error).toBeNull();
    expect(fine.pivotTables).toBe(5);
  });

  it('a worker that runs out of memory gives an error result, and the process carries on', async () => {
    requireCorpus();
    const result = await inspectFile(join(CORPUS, 'apache-poi/57231_MixedGasReport.xls'), { memoryMb: 2, timeMs: 20_000 });
    expect(['out_of_memory', 'worker_failed']).toContain(result.error?.code);
    const next = await inspectFile(join(CORPUS, 'calamine/pivots.xlsx'), LIMITS);
    expect(next.error).toBeNull();
  });

  it('a missing file gets a "does not exist" error instead of a crash', async () => {
    const result = await inspectFile(join(tempDir(), 'gone.xlsx'), LIMITS);
    expect(result.error).toEqual({ code: 'not_found', message: 'The file does not exist (any more).' });
  });
});
