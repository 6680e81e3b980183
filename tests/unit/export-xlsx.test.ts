import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocumentModel } from '../../main/core/export/documentModel';
import { runExport } from '../../main/core/export/runExport';
import { exportFixture, HOSTILE_NAME } from './helpers/exportFixture';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();
const NOW = new Date('2026-11-26T09:00:00Z');
const PYTHON = '/usr/bin/python3';

/** Debian's python3-openpyxl, an independent reader, describes the workbook as JSON. */
const READ_WORKBOOK = `
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
sheets = {}
for sheet in book.worksheets:
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    types = [[cell.data_type for cell in row] for row in sheet.iter_rows(max_row=min(sheet.max_row, 50))]
    sheets[sheet.title] = {
        "rows": rows,
        "types": types,
        "headerBold": all(cell.font.b for cell in sheet[1]),
        "freeze": sheet.freeze_panes,
        "filter": sheet.auto_filter.ref,
    }
print(json.dumps({"names": book.sheetnames, "sheets": sheets}, default=str))
`;

interface Workbook {
  names: string[];
  sheets: Record<string, { rows: (string | number | null)[][]; types: string[][]; headerBold: boolean; freeze: string | null; filter: string | null }>;
}

function readWorkbook(path: string): Workbook {
  const result = spawnSync(PYTHON, ['-c', READ_WORKBOOK, path], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`openpyxl could not read the workbook:\n${result.stderr}`);
  return JSON.parse(result.stdout) as Workbook;
}

beforeAll(() => {
  if (spawnSync(PYTHON, ['-c', 'import openpyxl']).status !== 0) throw new Error('This test reads workbooks with openpyxl: apt-get install -y python3-openpyxl');
});

describe('the Excel export', () => {
  it('opens in openpyxl with the Entries, Findings, Dependencies and Files sheets and every row', async () => {
    const { book, pricing, hostile } = exportFixture(tempDir());
    const out = join(tempDir(), 'fieldbook.xlsx');
    expect(await runExport(book, { format: 'xlsx', entryId: null, outPath: out, appVersion: '0.1.0', now: NOW })).toEqual({ files: [out] });
    const doc = buildDocumentModel(book, { entryId: null, appVersion: '0.1.0', now: NOW });
    const workbook = readWorkbook(out);

    expect(workbook.names).toEqual(['Entries', 'Findings', 'Dependencies', 'Files']);
    for (const [name, table] of [
      ['Entries', doc.tables.entries],
      ['Findings', doc.tables.findings],
      ['Dependencies', doc.tables.dependencies],
      ['Files', doc.tables.files],
    ] as const) {
      const sheet = workbook.sheets[name]!;
      expect(sheet.rows).toHaveLength(table.rows.length + 1);
      expect(sheet.rows[0]).toEqual(table.columns.map((column) => column.header));
      expect(sheet.headerBold).toBe(true);
      expect(sheet.freeze).toBe('A2');
      expect(sheet.filter).toMatch(/^A1:[A-Z]+\d+$/);
    }
    const entries = workbook.sheets.Entries!;
    expect(entries.rows.slice(1).map((row) => row[0])).toEqual(doc.tables.entries.rows.map((row) => row[0]));
    const pricingRow = entries.rows.find((row) => row[0] === pricing)!;
    expect(pricingRow[1]).toBe('Quote pricing workbook');
    expect(pricingRow[entries.rows[0]!.indexOf('Number of users')]).toBe(12);
    expect(pricingRow[entries.rows[0]!.indexOf('Feeds')]).toBe('Returns database');
    // A value that looks like a formula stays text: a string cell, never a formula.
    const hostileIndex = entries.rows.findIndex((row) => row[0] === hostile);
    const hostileRow = entries.rows[hostileIndex]!;
    expect(hostileRow[1]).toBe(HOSTILE_NAME);
    const purpose = entries.rows[0]!.indexOf('What it does');
    expect(hostileRow[purpose]).toBe('=HYPERLINK("http://example.invalid","click")');
    expect(entries.types[hostileIndex]![purpose]).toBe('s');
    expect(workbook.sheets.Findings!.rows.some((row) => row[5] === 'Set aside' && row[7] === 'Reviewed with IT every quarter <instead>.')).toBe(true);
    expect(workbook.sheets.Dependencies!.rows).toContainEqual(['SAP export', 'Official system', 'Quote pricing workbook', 'Entry', 'Quote pricing workbook', 'Depends on']);
    book.close();
  });
});
