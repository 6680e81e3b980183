import { readFileSync, statSync } from 'node:fs';
import MDBReader from 'mdb-reader';
import { describeTarget, parseConnectionString } from '../detect/connectionString';
import { classifyString, PersonalDataTally } from '../detect/personalData';
import type { InspectContext } from '../inspectContext';
import type { InspectionResult } from '../../../../shared/inspection';
import { fail } from '../limits';

const ROWS_PER_TABLE = 5_000;

export interface SysObjectRow {
  Name?: unknown;
  Type?: unknown;
  Flags?: unknown;
  Database?: unknown;
  Connect?: unknown;
  ForeignName?: unknown;
}

/**
 * MSysObjects rows → linked tables (type 6: another Access file or ISAM source; type 4: ODBC,
 * target from its connection string without credentials) and saved queries (type 5).
 */
export function linksAndQueries(rows: SysObjectRow[]): { linkedTables: InspectionResult['linkedTables']; queries: string[]; secrets: InspectionResult['secrets'] } {
  const linkedTables: InspectionResult['linkedTables'] = [];
  const queries: string[] = [];
  const secrets: InspectionResult['secrets'] = [];
  for (const row of rows) {
    const name = typeof row.Name === 'string' ? row.Name : '';
    if (row.Type === 5 && name) queries.push(name);
    if (row.Type === 6) {
      const database = typeof row.Database === 'string' ? row.Database : '';
      const connect = typeof row.Connect === 'string' ? row.Connect : '';
      const target = database || connect.replace(/;?PWD=[^;]*/gi, '');
      linkedTables.push({ name, target });
      if (/PWD=[^;]+/i.test(connect)) secrets.push({ kind: 'connection-string-password', location: `linked table ${name}` });
    }
    if (row.Type === 4) {
      const connect = typeof row.Connect === 'string' ? row.Connect : '';
      const parsed = parseConnectionString(connect);
      const dsn = /DSN=([^;]*)/i.exec(connect)?.[1] ?? null;
      linkedTables.push({ name, target: describeTarget(parsed, dsn) || 'ODBC' });
      if (parsed.hasPassword) secrets.push({ kind: 'connection-string-password', location: `linked table ${name}` });
    }
  }
  return { linkedTables, queries, secrets };
}

/** Access databases (mdb, accdb): tables, linked tables and their targets, queries, personal data. */
export async function inspectAccess(context: InspectContext): Promise<void> {
  const { result, limits } = context;
  if (result.format !== 'mdb' && result.format !== 'accdb') result.format = context.extension === 'mdb' ? 'mdb' : 'accdb';
  if (statSync(context.path).size > limits.maxWholeFileBytes) fail('too_large', `The database is larger than ${limits.maxWholeFileBytes} bytes, the most Fieldbook reads.`);
  let reader: MDBReader;
  try {
    reader = new MDBReader(readFileSync(context.path));
    // Touch the catalogue now: damaged or encrypted files fail here.
    reader.getTableNames();
  } catch (error) {
    const message = (error as Error).message;
    if (/password|encrypt/i.test(message)) {
      result.encrypted = true;
      result.warnings.push('The database is encrypted with a password. Fieldbook can see that, and nothing more: it does not try to open it.');
      return;
    }
    fail('corrupt', `The database could not be read (${message}).`);
  }
  result.tables = reader.getTableNames();
  try {
    const rows = reader.getTable('MSysObjects').getData({ columns: ['Name', 'Type', 'Flags', 'Database', 'Connect', 'ForeignName'] }) as SysObjectRow[];
    const found = linksAndQueries(rows);
    result.linkedTables = found.linkedTables;
    result.queries = found.queries;
    result.secrets.push(...found.secrets);
  } catch (error) {
    result.warnings.push(`The list of linked tables and queries could not be read (${(error as Error).message}).`);
  }
  const tally = new PersonalDataTally();
  let sampled = false;
  for (const name of result.tables) {
    try {
      const table = reader.getTable(name);
      const columns = table.getColumnNames();
      tally.startSheet(columns);
      columns.forEach((column, index) => tally.cell(name, 0, index, classifyString(column), true));
      if (table.rowCount > ROWS_PER_TABLE) sampled = true;
      const data = table.getData({ rowLimit: ROWS_PER_TABLE });
      data.forEach((row, rowIndex) => {
        columns.forEach((column, index) => {
          const value = row[column];
          if (value === null || value === undefined || value === '') return;
          tally.cell(name, rowIndex + 1, index, typeof value === 'string' ? classifyString(value) : 0, true);
        });
      });
    } catch (error) {
      result.warnings.push(`The table "${name}" could not be read (${(error as Error).message}).`);
    }
  }
  result.personalData = tally.findings();
  if (sampled) result.warnings.push(`Personal data was counted in the first ${ROWS_PER_TABLE.toLocaleString('en')} rows of each table.`);
}
