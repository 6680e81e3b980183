import type { InspectedFile } from '../../../shared/contract';
import type {
  Behaviour,
  ConnectionFacts,
  InspectionErrorCode,
  InspectionResult,
  PersonalDataKind,
  SecretKind,
  SheetFacts,
} from '../../../shared/inspection';
import { splitPath } from '../../format/path';

/** Said quietly wherever Fieldbook reads her files. */
export const READ_ONLY_PROMISE =
  'Fieldbook only reads this file. It never opens it in Office, runs its macros, or sends it anywhere.';

/** What Fieldbook tells her about one file in plain words, in the order she listed her files. */
export interface FileRow {
  path: string;
  /** The file's own name, without its folder. */
  name: string;
  /** The folder it is in ("" when the path has none). */
  folder: string;
  /** What was found when it was last read, or null when it has not been read yet. */
  inspected: InspectedFile | null;
}

/** One row per file the entry lists (saved), with what was found in it if it was read. */
export function fileRows(paths: readonly string[], inspected: readonly InspectedFile[]): FileRow[] {
  const byPath = new Map(inspected.map((file) => [file.path, file]));
  return paths.map((path) => ({ path, ...splitPath(path), inspected: byPath.get(path) ?? null }));
}

/** True when some listed file was never read, or a read file is no longer listed. */
export function needsReading(paths: readonly string[], inspected: readonly InspectedFile[]): boolean {
  const read = new Set(inspected.map((file) => file.path));
  return paths.some((path) => !read.has(path)) || inspected.some((file) => !paths.includes(file.path));
}

/** Whether the two lists of files name the same files (order does not matter). */
export function sameFiles(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((path) => set.has(path));
}

/** Why a file could not be read, in calm words, with what she can do about it. */
export interface FileProblem {
  message: string;
  hint: string;
}

const PROBLEMS: Record<InspectionErrorCode, FileProblem> = {
  not_found: {
    message: 'The file does not exist (any more).',
    hint: 'Check the path: the file may have been moved or renamed since.',
  },
  unreadable: {
    message: 'Fieldbook is not allowed to open this file.',
    hint: 'Check that you can open its folder, and that nobody has it locked, then read it again.',
  },
  empty: {
    message: 'The file is empty.',
    hint: 'Check that this is the right file; the real one may be elsewhere.',
  },
  truncated: {
    message: 'The file looks incomplete, as if it was cut off while being copied or saved.',
    hint: 'If it opens normally for you, read it again later; otherwise ask for a good copy.',
  },
  corrupt: {
    message: 'The file looks damaged, so Fieldbook could not make sense of it.',
    hint: 'If it opens normally for you, check that the path points to the right file.',
  },
  unsupported: {
    message: 'Fieldbook cannot look inside this kind of file yet.',
    hint: 'Nothing is wrong with the entry: describe in your own words what the file does.',
  },
  too_large: {
    message: 'The file is larger than Fieldbook reads, to stay quick.',
    hint: 'Describe what is in it in your own words; the rest of the entry works as usual.',
  },
  zip_bomb: {
    message: 'The file unpacks to far more than its size, so Fieldbook stopped reading it to stay safe.',
    hint: 'If you did not expect this, ask IT to have a look at the file before you open it.',
  },
  xml_entities: {
    message: 'The file is built in an unusual way, so Fieldbook stopped reading it to stay safe.',
    hint: 'If you did not expect this, ask IT to have a look at the file before you open it.',
  },
  timeout: {
    message: 'Reading the file took too long, so Fieldbook stopped.',
    hint: 'Try again when the computer or the network share is less busy.',
  },
  out_of_memory: {
    message: 'The file needed more memory than Fieldbook allows itself for one file.',
    hint: 'Describe what is in it in your own words; the rest of the entry works as usual.',
  },
  worker_failed: {
    message: 'Something went wrong while reading the file.',
    hint: 'Read it again. If it keeps happening, the file may be damaged.',
  },
};

/** The problem with a file that could not be read, or null when it was read. */
export function fileProblem(result: InspectionResult): FileProblem | null {
  return result.error ? PROBLEMS[result.error.code] : null;
}

const STATE_WORDS: Record<SheetFacts['state'], string> = {
  visible: 'visible',
  hidden: 'hidden',
  veryHidden: 'very hidden (only a macro can show it)',
};
const SHEET_KIND_WORDS: Record<SheetFacts['kind'], string> = {
  worksheet: 'worksheet',
  chartsheet: 'chart sheet',
  macrosheet: 'Excel 4.0 macro sheet',
  dialogsheet: 'dialog sheet',
};
const MODULE_WORDS = { module: 'module', class: 'class module', document: 'sheet or workbook code', form: 'form' } as const;
const BEHAVIOUR_WORDS: Record<Behaviour, string> = {
  'reads-files': 'Reads files',
  'writes-files': 'Writes files',
  'sends-email': 'Sends email',
  'runs-programs': 'Runs other programs',
  'reaches-web': 'Reaches the web',
  'connects-to-databases': 'Connects to databases',
  'changes-other-workbooks': 'Changes other workbooks',
};
const CONNECTION_WORDS: Record<ConnectionFacts['kind'], string> = {
  odbc: 'ODBC',
  oledb: 'OLE DB',
  dao: 'DAO',
  ado: 'ADO',
  file: 'File',
  web: 'Web',
  text: 'Text file',
  olap: 'OLAP',
  'power-query': 'Power Query',
  other: 'Other',
};
const PERSONAL_DATA_WORDS: Record<PersonalDataKind, string> = {
  email: 'E-mail addresses',
  phone: 'Phone numbers',
  iban: 'IBANs',
  card: 'Card numbers',
  nationalId: 'National identifiers',
};
const SECRET_WORDS: Record<SecretKind, string> = {
  password: 'A password',
  'api-key': 'An API key',
  token: 'An access token',
  'private-key': 'A private key',
  'url-credentials': 'A user name and password in a web address',
  'connection-string-password': 'A password in a connection string',
};

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** One heading of the details, with one line per fact. */
export interface FactGroup {
  key: string;
  title: string;
  items: string[];
}

function sheetLine(sheet: SheetFacts): string {
  const parts = [`${STATE_WORDS[sheet.state]} ${SHEET_KIND_WORDS[sheet.kind]}`];
  if (sheet.formulaCount) parts.push(count(sheet.formulaCount, 'formula'));
  if (sheet.protected) parts.push('protected');
  return `${sheet.name}: ${parts.join(', ')}`;
}

function connectionLine(connection: ConnectionFacts): string {
  const target = connection.target ? ` to ${connection.target}` : '';
  const password = connection.hasSavedPassword ? 'saved password: yes' : 'saved password: no';
  return `${connection.name || 'Unnamed'} (${CONNECTION_WORDS[connection.kind]})${target}; ${password}`;
}

/**
 * Everything Fieldbook found in one file, grouped under plain headings. Personal data and
 * secrets say what kind, how many and where — the inspection never keeps a value to show.
 */
export function factGroups(result: InspectionResult): FactGroup[] {
  const groups: FactGroup[] = [];
  const add = (key: string, title: string, items: string[]) => {
    if (items.length > 0) groups.push({ key, title, items });
  };
  add('sheets', 'Sheets', result.sheets.map(sheetLine));
  const macros: string[] = [];
  if (result.vba.present) {
    macros.push(...result.vba.modules.map((module) => `${module.name} (${MODULE_WORDS[module.type]})`));
    if (result.vba.autoRun.length > 0) macros.push(`Runs by itself: ${result.vba.autoRun.join(', ')}`);
  }
  if (result.vba.present || result.vba.behaviours.length > 0) macros.push(...result.vba.behaviours.map((b) => BEHAVIOUR_WORDS[b]));
  if (result.xlmMacroSheets > 0) macros.push(count(result.xlmMacroSheets, 'Excel 4.0 macro sheet'));
  add('macros', result.text !== null && result.format !== 'csv' ? 'What the code does' : 'Macros', macros);
  add('links', 'Links to other files', result.externalLinks.map((link) => link.target));
  add('connections', 'Data connections', [
    ...result.connections.map(connectionLine),
    ...(result.powerQuery && !result.connections.some((c) => c.kind === 'power-query') ? ['Power Query'] : []),
  ]);
  add('access', 'Database', [
    ...(result.tables.length > 0 ? [`Tables: ${result.tables.join(', ')}`] : []),
    ...result.linkedTables.map((table) => `Linked table ${table.name}, from ${table.target}`),
    ...(result.queries.length > 0 ? [`Saved queries: ${result.queries.join(', ')}`] : []),
  ]);
  add(
    'personal-data',
    'Personal data (kinds and places only, never the values)',
    result.personalData.map((finding) => {
      const place = finding.sheet ? `${finding.sheet}, column ${finding.column}` : `column ${finding.column}`;
      return `${PERSONAL_DATA_WORDS[finding.kind]}: ${finding.count.toLocaleString('en')} in ${place}`;
    }),
  );
  add(
    'secrets',
    'Passwords and keys written in it (never shown)',
    result.secrets.map((secret) => `${SECRET_WORDS[secret.kind]}, ${secret.location}`),
  );
  add('labels', 'Sensitivity labels', result.sensitivityLabels.map((label) => label.name ?? label.id));
  const other: string[] = [];
  if (result.encrypted) other.push('Encrypted with a password (Fieldbook does not try to open it)');
  if (result.workbookProtected) other.push('Workbook structure protected');
  if (result.pivotTables > 0) other.push(count(result.pivotTables, 'pivot table'));
  if (result.definedNames.length > 0) other.push(count(result.definedNames.length, 'defined name'));
  if (result.text) {
    const t = result.text;
    other.push(`${t.encoding}${t.bom ? ' with a byte-order mark' : ''}, ${count(t.lines, 'line')}`);
    if (t.delimiter !== null) other.push(`Separated by ${t.delimiter === '\t' ? 'tabs' : `“${t.delimiter}”`}${t.hasHeader ? ', with a header row' : ''}`);
  }
  other.push(...result.warnings);
  add('other', 'Also', other);
  return groups;
}

/** The document properties the file carries, as label and value, skipping the empty ones. */
export function propertyRows(result: InspectionResult, formatDate: (iso: string) => string): { label: string; value: string }[] {
  const p = result.properties;
  const rows: [string, string | null][] = [
    ['Author', p.author],
    ['Last changed by', p.lastModifiedBy],
    ['Created', p.created ? formatDate(p.created) : null],
    ['Last changed', p.modified ? formatDate(p.modified) : null],
    ['Made with', p.application],
    ['Company', p.company],
    ['Size', result.bytes > 0 ? count(result.bytes, 'byte') : null],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== null && row[1] !== '').map(([label, value]) => ({ label, value }));
}

/** Whether a read file holds anything to show beyond its summary. */
export function hasDetails(result: InspectionResult, formatDate: (iso: string) => string): boolean {
  return result.error === null && (factGroups(result).length > 0 || propertyRows(result, formatDate).length > 0);
}

/** What a read did, in one sentence (read out by screen readers). */
export function readSentence(files: InspectedFile[]): string {
  if (files.length === 0) return 'This entry lists no files to read.';
  const failed = files.filter((file) => file.result.error !== null).length;
  const read = files.length - failed;
  const parts = [read === 1 ? 'Read 1 file.' : `Read ${read} files.`];
  if (failed > 0) parts.push(failed === 1 ? '1 could not be read.' : `${failed} could not be read.`);
  return read === 0 ? (files.length === 1 ? 'The file could not be read.' : 'None of the files could be read.') : parts.join(' ');
}
