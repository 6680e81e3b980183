import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { linksAndQueries } from '../../main/core/inspect/access/inspectAccess';
import { describeInspection } from '../../main/core/inspect/describeInspection';
import { inspectInThread } from '../../main/core/inspect/inspectInThread';
import { emptyInspection, InspectionResult } from '../../shared/inspection';
import { toRuleFacts } from '../../main/core/inspect/toRuleFacts';
import { CORPUS, requireCorpus } from './inspect-groundTruth';
import { writeWorkbook } from './inspect-fixtures';
import { useTempDirs } from './helpers/tempDir';

requireCorpus();

const tempDir = useTempDirs();
const root = join(import.meta.dirname, '..', '..');
const corpus = (file: string) => join(CORPUS, file);

describe('each format tells its sheets and states', () => {
  it.each(['sheet_visibility.xlsx', 'sheet_visibility_strict.xlsx', 'sheet_visibility.xls', 'sheet_visibility.xlsb'])('%s: a hidden and a very hidden sheet', async (file) => {
    const result = await inspectInThread(corpus(`sheetjs-test_files/${file}`));
    expect(result.sheets.map((s) => [s.name, s.state])).toEqual([
      ['Visible', 'visible'],
      ['Hidden', 'hidden'],
      ['VeryHidden', 'veryHidden'],
    ]);
  });

  it('an OpenDocument spreadsheet shows hidden sheets and its formulas', async () => {
    const result = await inspectInThread(corpus('sheetjs-test_files/sheet_visibility.ods'));
    expect(result.sheets.map((s) => s.state)).toEqual(['visible', 'hidden', 'hidden']);
    expect(result.formulaCount).toBe(23);
  });

  it('Power Query, its connection and pivot tables are found', async () => {
    const result = await inspectInThread(corpus('calamine/pivots.xlsx'));
    expect(result).toMatchObject({ powerQuery: true, pivotTables: 5 });
    expect(result.connections[0]).toMatchObject({ name: 'Query - Visible', kind: 'power-query', hasSavedPassword: false });
  });

  it('a sensitivity label gives its id and name', async () => {
    const result = await inspectInThread(corpus('tealeg-xlsx/testhyperlinks.xlsx'));
    expect(result.sensitivityLabels).toEqual([{ id: '7a2c7d9a-dd53-453c-ab04-ee50c98b2d59', name: 'Internal' }]);
  });

  it('Excel 4.0 macro sheets are counted and listed as macro sheets', async () => {
    const result = await inspectInThread(corpus('oletools/excel4_sample_macro.xlsm'));
    expect(result.xlmMacroSheets).toBe(1);
    expect(result.sheets.some((s) => s.kind === 'macrosheet')).toBe(true);
  });

  it('an Access database lists its tables and saved queries', async () => {
    const result = await inspectInThread(corpus('mdb-reader/ASampleDatabase.accdb'));
    expect(result.format).toBe('accdb');
    expect(result.tables).toEqual(['Asset Items']);
    expect(result.queries).toContain('qryCostsSummedByOwner');
  });

  it('a UTF-16 CSV without a byte-order mark is recognised by its zero bytes', async () => {
    const result = await inspectInThread(corpus('phpspreadsheet/encoding.utf16le.csv'));
    expect(result.text).toMatchObject({ encoding: 'utf-16le', bom: false });
    const utf32 = await inspectInThread(corpus('phpspreadsheet/premiere.utf32lebom.csv'));
    expect(utf32.text).toMatchObject({ encoding: 'utf-32le', bom: true, lines: 2 });
  });
});

describe('linked tables in an Access catalogue', () => {
  it('a linked Access table names its database; an ODBC link its server, without the password', () => {
    const found = linksAndQueries([
      { Name: 'Customers', Type: 6, Database: '\\\\fin-share\\crm\\crm.accdb', ForeignName: 'Customers' },
      { Name: 'Orders', Type: 4, Connect: 'ODBC;DRIVER=SQL Server;SERVER=SQLFIN01;DATABASE=Sales;UID=x;PWD=letmein' },
      { Name: 'Monthly', Type: 5 },
      { Name: 'Local', Type: 1 },
    ]);
    expect(found.linkedTables).toEqual([
      { name: 'Customers', target: '\\\\fin-share\\crm\\crm.accdb' },
      { name: 'Orders', target: 'server SQLFIN01, database Sales' },
    ]);
    expect(found.queries).toEqual(['Monthly']);
    expect(found.secrets).toEqual([{ kind: 'connection-string-password', location: 'linked table Orders' }]);
    expect(JSON.stringify(found)).not.toContain('letmein');
  });
});

describe('facts for guideline rules and the plain-words summary', () => {
  it('a pricing workbook reads like a colleague would describe it', async () => {
    const path = writeWorkbook(tempDir(), 'pricing.xlsx', {
      sheets: [
        { name: 'Quote', rows: [['Item', 'Price'], ['A', '=B1*2'], ['B', '=B2*2']] },
        { name: 'Rates', state: 'hidden', rows: [['x']] },
        { name: 'Secret', state: 'veryHidden', rows: [['y']] },
        { name: 'Contacts', rows: [['Email'], ['a@example.com']] },
      ],
      externalLinkTarget: '\\\\fin-share\\Tools\\Rates.xlsx',
      customProperties:
        '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="MSIP_Label_11111111-2222-3333-4444-555555555555_Name"><vt:lpwstr>Confidential</vt:lpwstr></property></Properties>',
    });
    const result = await inspectInThread(path);
    expect(describeInspection(result)).toBe(
      '4 sheets, 1 hidden, 1 very hidden; 2 formulas; links to 1 other file (\\\\fin-share\\Tools\\Rates.xlsx); a column of e-mail addresses; labelled Confidential.',
    );
    const facts = toRuleFacts([result]);
    expect(facts).toMatchObject({
      inspected: true,
      encrypted: false,
      externalLinks: ['\\\\fin-share\\Tools\\Rates.xlsx'],
      personalData: ['email'],
      sensitivityLabels: ['Confidential'],
      xlmMacroSheets: false,
    });
    expect(facts.sheets[2]).toEqual({ name: 'Secret', state: 'veryHidden', kind: 'worksheet' });
  });

  it('files that could not be read add nothing, so rules ask instead of guessing', () => {
    const broken = emptyInspection('/x.xlsx');
    broken.error = { code: 'corrupt', message: 'The zip directory is damaged.' };
    expect(toRuleFacts([broken]).inspected).toBe(false);
    expect(describeInspection(broken)).toBe('Could not read it: The zip directory is damaged.');
  });
});

describe('fieldbook inspect (the built command)', () => {
  const bin = join(root, 'bin', 'fieldbook.js');
  beforeAll(() => {
    if (!existsSync(join(root, 'out', 'main', 'cli.js'))) throw new Error('The CLI is not built: run "npm run build" first (npm test does).');
  });

  it('prints one JSON document per file of a folder, in the published shape', () => {
    const run = spawnSync(process.execPath, [bin, 'inspect', '--json', corpus('psscriptanalyzer'), corpus('calamine/pivots.xlsx')], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const documents = run.stdout.trim().split('\n').map((line) => InspectionResult.parse(JSON.parse(line)));
    expect(documents).toHaveLength(5);
    expect(documents[4]).toMatchObject({ format: 'xlsx', pivotTables: 5, powerQuery: true });
  });

  it('says in plain words what a workbook holds', () => {
    const run = spawnSync(process.execPath, [bin, 'inspect', corpus('oletools/autostart-encrypt-standardpassword.xls')], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Encrypted with a password');
    expect(run.stdout).toContain('macros that run by themselves (Auto_Open)');
  });

  it('a path that does not exist is reported, and the exit code says so', () => {
    const run = spawnSync(process.execPath, [bin, 'inspect', join(tempDir(), 'missing.xlsx')], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('The file does not exist');
  });
});
