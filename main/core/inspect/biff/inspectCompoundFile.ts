import { readFileSync, statSync } from 'node:fs';
import { CompoundFile } from '../cfb/compoundFile';
import { readOleProperties } from '../cfb/oleProperties';
import type { InspectContext } from '../inspectContext';
import { fail, InspectionFailure } from '../limits';
import { analyseVba } from '../vba/analyseVba';
import { readBiffWorkbook } from './biffWorkbook';

const OOXML = new Set(['xlsx', 'xlsm', 'xltx', 'xltm', 'xlam', 'xlsb']);

/**
 * OLE compound files: Excel 97–2003 workbooks (xls, xla, xlt), and Office files encrypted with a
 * password (an encrypted xlsx is a compound file holding EncryptionInfo + EncryptedPackage).
 */
export function inspectCompoundFile(context: InspectContext): void {
  const { result, limits, extension } = context;
  if (statSync(context.path).size > limits.maxWholeFileBytes) fail('too_large', `The file is larger than ${limits.maxWholeFileBytes} bytes, the most Fieldbook reads for this format.`);
  const file = new CompoundFile(readFileSync(context.path));
  if (file.find(['EncryptionInfo']) && file.find(['EncryptedPackage'])) {
    result.encrypted = true;
    if (!OOXML.has(extension)) result.format = 'other';
    result.warnings.push('The file is encrypted with a password. Fieldbook can see that, and nothing more: it does not try to open it.');
    return;
  }
  try {
    result.properties = readOleProperties(file);
  } catch (error) {
    if (!(error instanceof InspectionFailure)) throw error;
    result.warnings.push(`The document properties could not be read: ${error.message}`);
  }
  const workbook = file.find(['Workbook']) ?? file.find(['Book']);
  if (workbook) {
    if (OOXML.has(extension) || extension === '' || !['xls', 'xla', 'xlt'].includes(extension)) {
      if (extension !== 'xls' && extension !== 'xla') result.warnings.push(`The file is named .${extension || '(no extension)'} but is an Excel 97–2003 workbook; it was read as what it is.`);
      result.format = 'xls';
    }
    const stream = file.read(workbook, limits.maxWholeFileBytes);
    // The BOF record says the version: 0x0600 is BIFF8; older versions store 8-bit names.
    const biff5 = stream.length >= 6 && stream.readUInt16LE(0) === 0x0809 ? stream.readUInt16LE(4) < 0x0600 : workbook.name.toLowerCase() === 'book';
    const facts = readBiffWorkbook(stream, biff5);
    result.encrypted = facts.encrypted;
    if (facts.encrypted) result.warnings.push('The workbook is encrypted with a password. Fieldbook can see that, and nothing more: it does not try to open it.');
    result.sheets = facts.sheets;
    result.formulaCount = facts.encrypted ? null : facts.formulaCount;
    result.definedNames = facts.definedNames;
    result.externalLinks = facts.externalLinks;
    result.workbookProtected = facts.workbookProtected;
    result.pivotTables = facts.pivotTables;
    result.xlmMacroSheets = facts.xlmMacroSheets;
    result.personalData = facts.personalData;
    if (facts.truncated) result.warnings.push('The workbook stream ends early; the facts come from the part that could be read.');
  } else if (['xls', 'xla', 'xlt'].includes(extension)) {
    fail('corrupt', 'This compound file holds no workbook stream: it is not an Excel workbook, or it is damaged.');
  } else {
    result.format = 'other';
  }
  try {
    const vba = analyseVba(file);
    if (vba) {
      result.vba = vba.vba;
      result.secrets.push(...vba.secrets);
      result.warnings.push(...vba.warnings);
    }
  } catch (error) {
    if (!(error instanceof InspectionFailure)) throw error;
    result.vba.present = true;
    result.warnings.push(`The VBA project could not be read: ${error.message}`);
  }
  if (file.truncated) result.warnings.push('The file is shorter than its own directory says; it looks cut off.');
}
