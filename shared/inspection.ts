import { z } from 'zod';

/**
 * What Fieldbook found in one file (`fieldbook inspect --json` prints one of these per file).
 * Personal data and secrets carry kinds, counts and places only — never a value.
 */
export const BEHAVIOURS = [
  'reads-files',
  'writes-files',
  'sends-email',
  'runs-programs',
  'reaches-web',
  'connects-to-databases',
  'changes-other-workbooks',
] as const;
export const Behaviour = z.enum(BEHAVIOURS);
export type Behaviour = z.infer<typeof Behaviour>;

export const FORMATS = [
  'xlsx',
  'xlsm',
  'xltx',
  'xltm',
  'xlam',
  'xlsb',
  'xls',
  'xla',
  'ods',
  'csv',
  'mdb',
  'accdb',
  'vba',
  'vbs',
  'py',
  'ps1',
  'sql',
  'r',
  'other',
] as const;
export const FileFormat = z.enum(FORMATS);
export type FileFormat = z.infer<typeof FileFormat>;

export const InspectionErrorCode = z.enum([
  'not_found',
  'unreadable',
  'empty',
  'truncated',
  'corrupt',
  'unsupported',
  'too_large',
  'zip_bomb',
  'xml_entities',
  'timeout',
  'out_of_memory',
  'worker_failed',
]);
export type InspectionErrorCode = z.infer<typeof InspectionErrorCode>;

export const SheetFacts = z.object({
  name: z.string(),
  state: z.enum(['visible', 'hidden', 'veryHidden']),
  kind: z.enum(['worksheet', 'chartsheet', 'macrosheet', 'dialogsheet']),
  protected: z.boolean(),
  formulaCount: z.number().int().nonnegative().nullable(),
});
export type SheetFacts = z.infer<typeof SheetFacts>;

export const ConnectionFacts = z.object({
  name: z.string(),
  kind: z.enum(['odbc', 'oledb', 'dao', 'ado', 'file', 'web', 'text', 'olap', 'power-query', 'other']),
  /** Server and database, URL or file — credentials removed. */
  target: z.string(),
  hasSavedPassword: z.boolean(),
  /** The connection string with every credential replaced by "***". */
  connection: z.string().nullable(),
});
export type ConnectionFacts = z.infer<typeof ConnectionFacts>;

export const PersonalDataKind = z.enum(['email', 'phone', 'iban', 'card', 'nationalId']);
export type PersonalDataKind = z.infer<typeof PersonalDataKind>;
export const PersonalDataFinding = z.object({
  kind: PersonalDataKind,
  /** Sheet name (or table name for a database); null for text files. */
  sheet: z.string().nullable(),
  /** Column letter as a spreadsheet shows it (A, B, … AA); for a database, the field name. */
  column: z.string(),
  count: z.number().int().positive(),
});
export type PersonalDataFinding = z.infer<typeof PersonalDataFinding>;

export const SecretKind = z.enum(['password', 'api-key', 'token', 'private-key', 'url-credentials', 'connection-string-password']);
export type SecretKind = z.infer<typeof SecretKind>;
export const SecretFinding = z.object({
  kind: SecretKind,
  /** Where, in plain words: "line 12", "module Module1, line 40", "connection Sales". */
  location: z.string(),
});
export type SecretFinding = z.infer<typeof SecretFinding>;

export const InspectionResult = z.object({
  path: z.string(),
  format: FileFormat,
  bytes: z.number().int().nonnegative(),
  sha256: z.string().nullable(),
  /** File system modification time (ISO 8601). */
  fileModified: z.string().nullable(),
  encrypted: z.boolean(),
  error: z.object({ code: InspectionErrorCode, message: z.string() }).nullable(),
  properties: z.object({
    author: z.string().nullable(),
    lastModifiedBy: z.string().nullable(),
    created: z.string().nullable(),
    modified: z.string().nullable(),
    application: z.string().nullable(),
    company: z.string().nullable(),
  }),
  sheets: z.array(SheetFacts),
  formulaCount: z.number().int().nonnegative().nullable(),
  definedNames: z.array(z.object({ name: z.string(), scope: z.string().nullable() })),
  externalLinks: z.array(z.object({ target: z.string() })),
  connections: z.array(ConnectionFacts),
  powerQuery: z.boolean(),
  pivotTables: z.number().int().nonnegative(),
  workbookProtected: z.boolean(),
  vba: z.object({
    present: z.boolean(),
    modules: z.array(z.object({ name: z.string(), type: z.enum(['module', 'class', 'document', 'form']) })),
    /** Procedures that run by themselves, such as Workbook_Open or Auto_Open. */
    autoRun: z.array(z.string()),
    behaviours: z.array(Behaviour),
  }),
  xlmMacroSheets: z.number().int().nonnegative(),
  sensitivityLabels: z.array(z.object({ id: z.string(), name: z.string().nullable() })),
  personalData: z.array(PersonalDataFinding),
  secrets: z.array(SecretFinding),
  /** Access: user tables. */
  tables: z.array(z.string()),
  linkedTables: z.array(z.object({ name: z.string(), target: z.string() })),
  /** Access: saved queries. */
  queries: z.array(z.string()),
  text: z
    .object({
      encoding: z.string(),
      bom: z.boolean(),
      lineEndings: z.enum(['lf', 'crlf', 'cr', 'mixed', 'none']),
      lines: z.number().int().nonnegative(),
      delimiter: z.string().nullable(),
      hasHeader: z.boolean().nullable(),
      rows: z.number().int().nonnegative().nullable(),
    })
    .nullable(),
  /** Facts that could not be read completely, in plain words (e.g. a part over the size limit). */
  warnings: z.array(z.string()),
});
export type InspectionResult = z.infer<typeof InspectionResult>;

export function emptyInspection(path: string): InspectionResult {
  return {
    path,
    format: 'other',
    bytes: 0,
    sha256: null,
    fileModified: null,
    encrypted: false,
    error: null,
    properties: { author: null, lastModifiedBy: null, created: null, modified: null, application: null, company: null },
    sheets: [],
    formulaCount: null,
    definedNames: [],
    externalLinks: [],
    connections: [],
    powerQuery: false,
    pivotTables: 0,
    workbookProtected: false,
    vba: { present: false, modules: [], autoRun: [], behaviours: [] },
    xlmMacroSheets: 0,
    sensitivityLabels: [],
    personalData: [],
    secrets: [],
    tables: [],
    linkedTables: [],
    queries: [],
    text: null,
    warnings: [],
  };
}
