import type { FileFormat } from '../../../shared/inspection';

/** File formats by extension: small and dependency-free, so the main thread can use it cheaply. */
export const SCRIPT_FORMATS: Record<string, FileFormat> = {
  bas: 'vba',
  cls: 'vba',
  frm: 'vba',
  vba: 'vba',
  vbs: 'vbs',
  py: 'py',
  pyw: 'py',
  ps1: 'ps1',
  psm1: 'ps1',
  sql: 'sql',
  r: 'r',
};

export const TEXT_EXTENSIONS = new Set(['csv', 'tsv', 'tab', 'txt', 'psv', 'dsv']);

export function formatFromExtension(extension: string): FileFormat {
  if (SCRIPT_FORMATS[extension]) return SCRIPT_FORMATS[extension]!;
  if (TEXT_EXTENSIONS.has(extension)) return 'csv';
  const known: FileFormat[] = ['xlsx', 'xlsm', 'xltx', 'xltm', 'xlam', 'xlsb', 'xls', 'xla', 'ods', 'mdb', 'accdb'];
  if (extension === 'xlt') return 'xls';
  if (extension === 'ots') return 'ods';
  return known.includes(extension as FileFormat) ? (extension as FileFormat) : 'other';
}
