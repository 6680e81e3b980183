import { basename, dirname, extname } from 'node:path';
import type { DataCategory, EntryKind, EntryPatch, Sensitivity } from '../../../shared/entry';
import type { FileFormat, InspectionResult } from '../../../shared/inspection';

const KIND_BY_FORMAT: Partial<Record<FileFormat, EntryKind>> = {
  xlsx: 'spreadsheet',
  xlsm: 'spreadsheet',
  xltx: 'spreadsheet',
  xltm: 'spreadsheet',
  xlam: 'spreadsheet',
  xlsb: 'spreadsheet',
  xls: 'spreadsheet',
  xla: 'spreadsheet',
  ods: 'spreadsheet',
  mdb: 'database',
  accdb: 'database',
  vba: 'script',
  vbs: 'script',
  py: 'script',
  ps1: 'script',
  sql: 'script',
  r: 'script',
};

const CATEGORY_BY_PERSONAL_DATA: Record<string, DataCategory> = {
  email: 'personal',
  phone: 'personal',
  nationalId: 'personal',
  iban: 'financial',
  card: 'financial',
};

/** Label names Microsoft tenants commonly use, mapped to Fieldbook's sensitivity levels. */
const SENSITIVITY_BY_LABEL: [RegExp, Sensitivity][] = [
  [/highly confidential|strictly confidential|restricted|secret/i, 'restricted'],
  [/confidential/i, 'confidential'],
  [/internal|general/i, 'internal'],
  [/public/i, 'public'],
];

/**
 * What a new entry could say, from what Fieldbook read in its file. These are suggestions:
 * the author is offered as owner and the data kinds as categories, for the user to confirm.
 */
export function suggestEntry(result: InspectionResult): EntryPatch {
  const name = basename(result.path, extname(result.path)).replace(/[_]+/g, ' ').trim() || basename(result.path);
  const categories = new Set<DataCategory>();
  for (const finding of result.personalData) {
    const category = CATEGORY_BY_PERSONAL_DATA[finding.kind];
    if (category) categories.add(category);
  }
  const label = result.sensitivityLabels.map((item) => item.name ?? '').find((text) => text !== '');
  const sensitivity = label ? (SENSITIVITY_BY_LABEL.find(([pattern]) => pattern.test(label))?.[1] ?? null) : null;
  return {
    name,
    kind: KIND_BY_FORMAT[result.format] ?? 'other',
    owner: result.properties.author ?? result.properties.lastModifiedBy ?? '',
    files: [result.path],
    locations: [dirname(result.path)],
    dataCategories: [...categories],
    sensitivity,
  };
}

/** Why a file found in a folder scan looks like a tool worth documenting, in plain words. */
export function toolReasons(result: InspectionResult): string[] {
  const reasons: string[] = [];
  if (result.vba.present && result.format !== 'vbs' && result.format !== 'py' && result.format !== 'ps1' && result.format !== 'sql' && result.format !== 'r') {
    reasons.push(result.vba.autoRun.length > 0 ? 'macros that run when it opens' : 'macros');
  }
  if (result.xlmMacroSheets > 0) reasons.push('Excel 4.0 macro sheets');
  if (result.externalLinks.length > 0) reasons.push(`links to ${result.externalLinks.length} other workbook${result.externalLinks.length === 1 ? '' : 's'}`);
  if (result.connections.length > 0) reasons.push(`${result.connections.length} data connection${result.connections.length === 1 ? '' : 's'}`);
  if (result.powerQuery) reasons.push('Power Query');
  if (result.format === 'mdb' || result.format === 'accdb') reasons.push('an Access database');
  if (['vba', 'vbs', 'py', 'ps1', 'sql', 'r'].includes(result.format)) reasons.push('a script');
  return reasons;
}
