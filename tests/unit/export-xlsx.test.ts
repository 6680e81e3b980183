import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocumentModel } from '../../main/core/export/documentModel';
import { runExport } from '../../main/core/export/runExport';
import { exportFixture, HOSTILE_NAME } from './helpers/exportFixture';
import { readWorkbook, requireOpenpyxl } from './helpers/readWorkbook';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();
const NOW = new Date('2026-11-26T09:00:00Z');

beforeAll(requireOpenpyxl);

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
