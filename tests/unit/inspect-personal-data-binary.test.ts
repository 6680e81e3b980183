import { describe, expect, it } from 'vitest';
import type { PersonalDataFinding } from '../../shared/inspection';
import { inspectInThread } from '../../main/core/inspect/inspectInThread';
import { writeXls, writeXlsb, type BinaryCell } from './inspect-binaryFixtures';
import { writeWorkbook } from './inspect-fixtures';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();

const CUSTOMERS: BinaryCell[][] = [
  ['Name', 'Email', 'Phone', 'IBAN', 'Card', 'SSN', 'Amount'],
  ['Anna Berg', 'anna.berg@example.com', '+44 20 7946 0958', 'GB82 WEST 1234 5698 7654 32', '4111 1111 1111 1111', '078-05-1120', 120],
  ['Jon Moe', 'jon.moe@example.org', '+49 30 901820', 'DE89370400440532013000', '5500 0000 0000 0004', '219-09-9999', 80],
  ['Eva Lind', 'eva@example.net', '+33 1 23 45 67 89', 'FR1420041010050500013M02606', '3400 0000 0000 009', '457-55-5462', 45],
];

const sorted = (findings: PersonalDataFinding[]) => findings.map((f) => `${f.kind}:${f.sheet}:${f.column}:${f.count}`).sort();

async function findings(path: string): Promise<string[]> {
  const result = await inspectInThread(path);
  expect(result.error).toBeNull();
  return sorted(result.personalData);
}

describe('personal data in Excel 97–2003 (xls) and binary (xlsb) workbooks, by the same rules as xlsx', () => {
  it('a customer sheet gives the same kinds, counts and columns in xls, xlsb and xlsx', async () => {
    const dir = tempDir();
    const expected = ['card:Customers:E:3', 'email:Customers:B:3', 'iban:Customers:D:3', 'nationalId:Customers:F:3', 'phone:Customers:C:3'];
    const asXlsx = writeWorkbook(dir, 'customers.xlsx', { sheets: [{ name: 'Customers', rows: CUSTOMERS as (string | number | null)[][] }] });
    expect(await findings(asXlsx)).toEqual(expected);
    expect(await findings(writeXls(dir, 'customers.xls', [{ name: 'Customers', rows: CUSTOMERS }]))).toEqual(expected);
    expect(await findings(writeXlsb(dir, 'customers.xlsb', [{ name: 'Customers', rows: CUSTOMERS }]))).toEqual(expected);
  });

  it('no value from the file appears anywhere in the result', async () => {
    const dir = tempDir();
    for (const path of [writeXls(dir, 'c.xls', [{ name: 'Customers', rows: CUSTOMERS }]), writeXlsb(dir, 'c.xlsb', [{ name: 'Customers', rows: CUSTOMERS }])]) {
      const json = JSON.stringify(await inspectInThread(path));
      for (const row of CUSTOMERS.slice(1)) for (const value of row) if (typeof value === 'string') expect(json).not.toContain(value);
      expect(json).not.toContain('example.com');
    }
  });

  it('xls: shared strings cut across CONTINUE records, in 8-bit and 16-bit text, are read whole', async () => {
    const dir = tempDir();
    const rows: BinaryCell[][] = [['Contact', 'Note']];
    for (let i = 0; i < 40; i++) rows.push([i % 2 ? `person.${i}@example.com` : `персона.${i} <p${i}@example.org>`, `note ${i}`]);
    const whole = await findings(writeXls(dir, 'whole.xls', [{ name: 'Contacts', rows }]));
    // Records of at most 37 bytes cut nearly every string, often in the middle of its characters.
    const cut = await findings(writeXls(dir, 'cut.xls', [{ name: 'Contacts', rows }], { maxRecord: 37 }));
    expect(whole).toEqual(['email:Contacts:A:40']);
    expect(cut).toEqual(whole);
  });

  it('numbers are phone numbers only under a phone header, whether stored as RK, as a double or as text', async () => {
    const dir = tempDir();
    const rows: BinaryCell[][] = [
      ['Name', 'Mobile', 'Quantity'],
      ['Anna', { rk: 301234567 }, { rk: 301234567 }],
      ['Jon', 4915112345678, 4915112345678],
      ['Eva', { text: '030 1234567' }, 12],
    ];
    for (const path of [writeXls(dir, 'phones.xls', [{ name: 'Team', rows }]), writeXlsb(dir, 'phones.xlsb', [{ name: 'Team', rows }])]) {
      expect(await findings(path)).toEqual(['phone:Team:B:3']);
    }
  });

  it('each sheet has its own header row and its own counts', async () => {
    const dir = tempDir();
    const sheets = [
      { name: 'Staff', rows: [['Email'], ['a.b@example.com'], ['c.d@example.com']] as BinaryCell[][] },
      { name: 'Prices', rows: [['Product', 'Price'], ['Widget', 12.5], ['Gadget', 1234567890123]] as BinaryCell[][] },
      { name: 'Payments', rows: [['Name', 'IBAN'], ['Anna', 'DE89370400440532013000']] as BinaryCell[][] },
    ];
    const expected = ['email:Staff:A:2', 'iban:Payments:B:1'];
    expect(await findings(writeXls(dir, 'book.xls', sheets))).toEqual(expected);
    expect(await findings(writeXlsb(dir, 'book.xlsb', sheets))).toEqual(expected);
  });

  it('a workbook of ordinary words and numbers has no personal data', async () => {
    const dir = tempDir();
    const rows: BinaryCell[][] = [['Product', 'Price', 'Date'], ['Widget', 12.5, '2024-01-15'], ['Gadget', { rk: 1234567 }, '15/01/2024']];
    expect(await findings(writeXls(dir, 'prices.xls', [{ name: 'Prices', rows }]))).toEqual([]);
    expect(await findings(writeXlsb(dir, 'prices.xlsb', [{ name: 'Prices', rows }]))).toEqual([]);
  });
});
