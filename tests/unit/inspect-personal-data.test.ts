import { describe, expect, it } from 'vitest';
import { classifyValue, CARD, EMAIL, IBAN, PHONE } from '../../main/core/inspect/detect/personalData';
import { inspectInThread } from '../../main/core/inspect/inspectInThread';
import { writeText, writeWorkbook } from './inspect-fixtures';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();

const CUSTOMERS = [
  ['Name', 'Email', 'Phone', 'IBAN', 'Card', 'SSN', 'Amount'],
  ['Anna Berg', 'anna.berg@example.com', '+44 20 7946 0958', 'GB82 WEST 1234 5698 7654 32', '4111 1111 1111 1111', '078-05-1120', 120],
  ['Jon Moe', 'jon.moe@example.org', '+49 30 901820', 'DE89370400440532013000', '5500 0000 0000 0004', '219-09-9999', 80],
  ['Eva Lind', 'eva@example.net', '+33 1 23 45 67 89', 'FR1420041010050500013M02606', '3400 0000 0000 009', '457-55-5462', 45],
];

describe('personal data: kinds, counts and places, never values', () => {
  it('an IBAN counts only with a valid checksum, a card number only with a valid Luhn digit', () => {
    expect(classifyValue('GB82 WEST 1234 5698 7654 32') & IBAN).toBeTruthy();
    expect(classifyValue('GB83 WEST 1234 5698 7654 32') & IBAN).toBe(0);
    expect(classifyValue('4111 1111 1111 1111') & CARD).toBeTruthy();
    expect(classifyValue('4111 1111 1111 1112') & CARD).toBe(0);
    expect(classifyValue('someone@example.com') & EMAIL).toBeTruthy();
    expect(classifyValue('+44 20 7946 0958') & PHONE).toBeTruthy();
    expect(classifyValue('2024-01-15')).toBe(0);
  });

  it('a customer sheet shows one column each of e-mail addresses, phone numbers, IBANs, card numbers and national identifiers', async () => {
    const path = writeWorkbook(tempDir(), 'customers.xlsx', { sheets: [{ name: 'Customers', rows: CUSTOMERS }] });
    const result = await inspectInThread(path);
    expect(result.error).toBeNull();
    const found = Object.fromEntries(result.personalData.map((p) => [p.kind, p]));
    expect(found.email).toEqual({ kind: 'email', sheet: 'Customers', column: 'B', count: 3 });
    expect(found.phone).toEqual({ kind: 'phone', sheet: 'Customers', column: 'C', count: 3 });
    expect(found.iban).toEqual({ kind: 'iban', sheet: 'Customers', column: 'D', count: 3 });
    expect(found.card).toEqual({ kind: 'card', sheet: 'Customers', column: 'E', count: 3 });
    expect(found.nationalId).toEqual({ kind: 'nationalId', sheet: 'Customers', column: 'F', count: 3 });
  });

  it('no value from the file appears anywhere in the result', async () => {
    const path = writeWorkbook(tempDir(), 'customers.xlsx', { sheets: [{ name: 'Customers', rows: CUSTOMERS }] });
    const json = JSON.stringify(await inspectInThread(path));
    for (const row of CUSTOMERS.slice(1)) for (const value of row) if (typeof value === 'string') expect(json).not.toContain(value);
    expect(json).not.toContain('example.com');
  });

  it('a CSV export is checked the same way, by column', async () => {
    const csv = CUSTOMERS.map((row) => row.map((v) => `"${v}"`).join(',')).join('\r\n') + '\r\n';
    const result = await inspectInThread(writeText(tempDir(), 'export.csv', csv));
    expect(result.text).toMatchObject({ encoding: 'ascii', bom: false, lineEndings: 'crlf', lines: 4, delimiter: ',', hasHeader: true, rows: 4 });
    expect(result.personalData.map((p) => `${p.kind}:${p.column}:${p.count}`).sort()).toEqual(['card:E:3', 'email:B:3', 'iban:D:3', 'nationalId:F:3', 'phone:C:3']);
  });

  it('a sheet of ordinary numbers and words has no personal data', async () => {
    const path = writeWorkbook(tempDir(), 'prices.xlsx', {
      sheets: [{ name: 'Prices', rows: [['Product', 'Price', 'Date'], ['Widget', 12.5, '2024-01-15'], ['Gadget', 1234567890123, '15/01/2024']] }],
    });
    expect((await inspectInThread(path)).personalData).toEqual([]);
  });
});
