import { describe, expect, it } from 'vitest';
import type { FilePreview, InspectedFile } from '../../shared/contract';
import { emptyInspection, type InspectionResult } from '../../shared/inspection';
import { draftFromPreview, fieldsToCreate, toggleCategory } from '../../renderer/features/add/fileEntryState';
import {
  factGroups,
  fileProblem,
  fileRows,
  hasDetails,
  needsReading,
  propertyRows,
  readSentence,
  sameFiles,
} from '../../renderer/features/files/filesState';
import { cleanPath, splitPath } from '../../renderer/format/path';

function result(path: string, changes: Partial<InspectionResult> = {}): InspectionResult {
  return { ...emptyInspection(path), format: 'xlsm', bytes: 2048, ...changes };
}

function inspected(path: string, changes: Partial<InspectionResult> = {}): InspectedFile {
  return { path, inspectedAt: '2026-11-25T10:00:00.000Z', summary: 'Read.', result: result(path, changes) };
}

const isoDate = (iso: string) => iso.slice(0, 10);

describe('file paths', () => {
  it('a Windows path and a POSIX path split into file name and folder', () => {
    expect(splitPath('\\\\fin-share\\Pricing\\Pricing 2026.xlsm')).toEqual({ name: 'Pricing 2026.xlsm', folder: '\\\\fin-share\\Pricing' });
    expect(splitPath('C:\\Users\\anna\\Rota.xlsx')).toEqual({ name: 'Rota.xlsx', folder: 'C:\\Users\\anna' });
    expect(splitPath('/home/anna/merge.py')).toEqual({ name: 'merge.py', folder: '/home/anna' });
    expect(splitPath('/merge.py')).toEqual({ name: 'merge.py', folder: '/' });
    expect(splitPath('Rota 2026.xlsm')).toEqual({ name: 'Rota 2026.xlsm', folder: '' });
  });

  it('the quotes Windows Explorer adds with "Copy as path" are taken off', () => {
    expect(cleanPath('  "C:\\Users\\anna\\Rota.xlsx" ')).toBe('C:\\Users\\anna\\Rota.xlsx');
    expect(cleanPath("'/home/anna/merge.py'")).toBe('/home/anna/merge.py');
    expect(cleanPath('/home/anna/it"s.py')).toBe('/home/anna/it"s.py');
  });
});

describe('an entry’s files', () => {
  it('each listed file gets a row, in her order, with what was found if it was read', () => {
    const rows = fileRows(['/a/Prices.xlsm', '/b/New.xlsx'], [inspected('/a/Prices.xlsm'), inspected('/old/Gone.xlsx')]);
    expect(rows.map((row) => [row.name, row.folder, row.inspected?.path ?? null])).toEqual([
      ['Prices.xlsm', '/a', '/a/Prices.xlsm'],
      ['New.xlsx', '/b', null],
    ]);
  });

  it('needs reading when a file was never read, or a read file is no longer listed', () => {
    expect(needsReading(['/a.xlsx'], [inspected('/a.xlsx')])).toBe(false);
    expect(needsReading(['/a.xlsx', '/b.xlsx'], [inspected('/a.xlsx')])).toBe(true);
    expect(needsReading(['/a.xlsx'], [inspected('/a.xlsx'), inspected('/b.xlsx')])).toBe(true);
  });

  it('the same files in another order are the same list; a changed path is not', () => {
    expect(sameFiles(['/a', '/b'], ['/b', '/a'])).toBe(true);
    expect(sameFiles(['/a', '/b'], ['/a', '/c'])).toBe(false);
    expect(sameFiles(['/a'], ['/a', '/b'])).toBe(false);
  });

  it('a file that is gone is said calmly, with what to do', () => {
    const problem = fileProblem(result('/gone.xlsx', { error: { code: 'not_found', message: 'The file does not exist (any more).' } }));
    expect(problem?.message).toBe('The file does not exist (any more).');
    expect(problem?.hint).toMatch(/^Check the path/);
    expect(fileProblem(result('/fine.xlsx'))).toBeNull();
  });

  it('every way a read can fail has words and a next step', () => {
    const codes = ['not_found', 'unreadable', 'empty', 'truncated', 'corrupt', 'unsupported', 'too_large', 'zip_bomb', 'xml_entities', 'timeout', 'out_of_memory', 'worker_failed'] as const;
    for (const code of codes) {
      const problem = fileProblem(result('/x', { error: { code, message: 'x' } }));
      expect(problem?.message, code).toMatch(/\.$/);
      expect(problem?.hint, code).toMatch(/\.$/);
      expect(`${problem?.message} ${problem?.hint}`, code).not.toMatch(/violation|non-compliant|offender|illegal|malicious/i);
    }
  });

  it('what a read did is one sentence', () => {
    expect(readSentence([inspected('/a')])).toBe('Read 1 file.');
    expect(readSentence([inspected('/a'), inspected('/b', { error: { code: 'not_found', message: '' } })])).toBe(
      'Read 1 file. 1 could not be read.',
    );
    expect(readSentence([inspected('/b', { error: { code: 'not_found', message: '' } })])).toBe('The file could not be read.');
    expect(readSentence([])).toBe('This entry lists no files to read.');
  });
});

describe('what was found in a file, in detail', () => {
  const workbook = result('/fin/Pricing.xlsm', {
    sheets: [
      { name: 'Prices', state: 'visible', kind: 'worksheet', protected: true, formulaCount: 2310 },
      { name: 'Calc', state: 'veryHidden', kind: 'worksheet', protected: false, formulaCount: 0 },
      { name: 'Macro1', state: 'hidden', kind: 'macrosheet', protected: false, formulaCount: null },
    ],
    vba: { present: true, modules: [{ name: 'Module1', type: 'module' }], autoRun: ['Workbook_Open'], behaviours: ['sends-email', 'reaches-web'] },
    xlmMacroSheets: 1,
    externalLinks: [{ target: '\\\\fin-share\\Rates.xlsx' }],
    connections: [
      { name: 'Sales', kind: 'odbc', target: 'SQLFIN01 / Sales', hasSavedPassword: true, connection: 'DSN=x;PWD=***' },
      { name: 'Rates', kind: 'web', target: 'https://rates.example', hasSavedPassword: false, connection: null },
    ],
    personalData: [
      { kind: 'email', sheet: 'Customers', column: 'C', count: 412 },
      { kind: 'iban', sheet: 'Customers', column: 'F', count: 398 },
    ],
    secrets: [{ kind: 'password', location: 'module Module1, line 40' }],
    sensitivityLabels: [{ id: 'abc', name: 'Confidential' }],
    properties: { author: 'Maria Keller', lastModifiedBy: 'Tom Weber', created: '2024-01-05T09:00:00Z', modified: '2026-03-03T12:00:00Z', application: 'Microsoft Excel', company: null },
  });
  const groups = Object.fromEntries(factGroups(workbook).map((group) => [group.key, group]));

  it('sheets say their state and kind in words, with formulas and protection', () => {
    expect(groups.sheets?.items).toEqual([
      'Prices: visible worksheet, 2,310 formulas, protected',
      'Calc: very hidden (only a macro can show it) worksheet',
      'Macro1: hidden Excel 4.0 macro sheet',
    ]);
  });

  it('macros list their modules, what runs by itself, and what the code does', () => {
    expect(groups.macros?.items).toEqual([
      'Module1 (module)',
      'Runs by itself: Workbook_Open',
      'Sends email',
      'Reaches the web',
      '1 Excel 4.0 macro sheet',
    ]);
  });

  it('connections say whether a password is saved, and never show one', () => {
    expect(groups.connections?.items).toEqual([
      'Sales (ODBC) to SQLFIN01 / Sales; saved password: yes',
      'Rates (Web) to https://rates.example; saved password: no',
    ]);
    expect(JSON.stringify(groups)).not.toContain('PWD');
  });

  it('personal data and secrets say what kind, how many and where', () => {
    expect(groups['personal-data']?.items).toEqual(['E-mail addresses: 412 in Customers, column C', 'IBANs: 398 in Customers, column F']);
    expect(groups.secrets?.items).toEqual(['A password, module Module1, line 40']);
    expect(groups.labels?.items).toEqual(['Confidential']);
    expect(groups.links?.items).toEqual(['\\\\fin-share\\Rates.xlsx']);
  });

  it('properties skip what the file does not say', () => {
    expect(propertyRows(workbook, isoDate)).toEqual([
      { label: 'Author', value: 'Maria Keller' },
      { label: 'Last changed by', value: 'Tom Weber' },
      { label: 'Created', value: '2024-01-05' },
      { label: 'Last changed', value: '2026-03-03' },
      { label: 'Made with', value: 'Microsoft Excel' },
      { label: 'Size', value: '2,048 bytes' },
    ]);
  });

  it('a file that could not be read has no details to open', () => {
    expect(hasDetails(workbook, isoDate)).toBe(true);
    expect(hasDetails(result('/gone', { error: { code: 'not_found', message: '' } }), isoDate)).toBe(false);
  });

  it('a script’s behaviours are listed as what the code does', () => {
    const script = result('/s/merge.py', {
      format: 'py',
      vba: { present: false, modules: [], autoRun: [], behaviours: ['reads-files', 'writes-files'] },
      text: { encoding: 'utf-8', bom: false, lineEndings: 'lf', lines: 12, delimiter: null, hasHeader: null, rows: null },
    });
    const found = factGroups(script);
    expect(found.find((group) => group.key === 'macros')).toEqual({ key: 'macros', title: 'What the code does', items: ['Reads files', 'Writes files'] });
    expect(found.find((group) => group.key === 'other')?.items).toEqual(['utf-8, 12 lines']);
  });
});

describe('a new entry from a file', () => {
  const preview: FilePreview = {
    path: '\\\\fin-share\\Pricing\\Pricing_2026.xlsm',
    summary: '4 sheets; labelled Confidential.',
    result: result('\\\\fin-share\\Pricing\\Pricing_2026.xlsm', {
      personalData: [
        { kind: 'email', sheet: 'Customers', column: 'C', count: 4 },
        { kind: 'phone', sheet: 'Customers', column: 'D', count: 4 },
        { kind: 'iban', sheet: 'Customers', column: 'F', count: 4 },
      ],
      sensitivityLabels: [{ id: 'x', name: 'Confidential' }],
    }),
    suggestion: {
      name: 'Pricing 2026',
      kind: 'spreadsheet',
      owner: 'Maria Keller',
      files: ['\\\\fin-share\\Pricing\\Pricing_2026.xlsm'],
      locations: ['\\\\fin-share\\Pricing'],
      dataCategories: ['personal', 'financial'],
      sensitivity: 'confidential',
    },
  };

  it('is prefilled, but the owner and the data categories wait for her to confirm them', () => {
    const draft = draftFromPreview(preview);
    expect(draft.name).toBe('Pricing 2026');
    expect(draft.kind).toBe('spreadsheet');
    expect(draft.ownerSuggestion).toBe('Maria Keller');
    expect(draft.useOwner).toBe(false);
    expect(draft.categorySuggestions).toEqual([
      { category: 'personal', because: 'e-mail addresses, phone numbers' },
      { category: 'financial', because: 'IBANs' },
    ]);
    expect(draft.categories).toEqual([]);
    expect(draft.sensitivity).toBe('confidential');
    expect(draft.labelName).toBe('Confidential');
    expect(fieldsToCreate(draft)).toEqual({
      name: 'Pricing 2026',
      kind: 'spreadsheet',
      files: ['\\\\fin-share\\Pricing\\Pricing_2026.xlsm'],
      locations: ['\\\\fin-share\\Pricing'],
      dataCategories: [],
      sensitivity: 'confidential',
    });
  });

  it('creates the entry with only what she confirmed', () => {
    let draft = draftFromPreview(preview);
    draft = toggleCategory({ ...draft, useOwner: true, name: '  Quote pricing ' }, 'financial');
    draft = toggleCategory(draft, 'personal');
    draft = toggleCategory(draft, 'financial');
    expect(fieldsToCreate(draft)).toMatchObject({ name: 'Quote pricing', owner: 'Maria Keller', dataCategories: ['personal'] });
  });

  it('a file that could not be read carries its problem, not suggestions', () => {
    const draft = draftFromPreview({
      ...preview,
      result: result(preview.path, { error: { code: 'not_found', message: 'gone' } }),
    });
    expect(draft.problem?.message).toBe('The file does not exist (any more).');
  });
});
