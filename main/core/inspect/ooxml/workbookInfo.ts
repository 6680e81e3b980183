import type { InspectionResult } from '../../../../shared/inspection';
import { child, children, type XmlElement } from '../xml/xmlTree';

export interface WorkbookSheet {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  relId: string;
  sheetId: string;
}

export interface WorkbookInfo {
  sheets: WorkbookSheet[];
  definedNames: InspectionResult['definedNames'];
  protected: boolean;
  strict: boolean;
}

export function sheetState(value: string | undefined): WorkbookSheet['state'] {
  if (value === 'hidden') return 'hidden';
  if (value === 'veryHidden') return 'veryHidden';
  return 'visible';
}

/** xl/workbook.xml: the sheets in tab order, defined names and workbook protection. */
export function readWorkbookXml(tree: XmlElement): WorkbookInfo {
  const workbook = child(tree, 'workbook');
  const namespace = workbook?.attrs.xmlns ?? '';
  const sheets = children(child(workbook, 'sheets'), 'sheet').map((sheet) => ({
    name: sheet.attrs.name ?? '',
    state: sheetState(sheet.attrs.state),
    relId: sheet.attrs.id ?? '',
    sheetId: sheet.attrs.sheetId ?? '',
  }));
  const definedNames = children(child(workbook, 'definedNames'), 'definedName').map((name) => {
    const local = name.attrs.localSheetId;
    const index = local === undefined ? -1 : Number(local);
    return { name: name.attrs.name ?? '', scope: index >= 0 ? (sheets[index]?.name ?? `sheet ${index + 1}`) : null };
  });
  const protection = child(workbook, 'workbookProtection');
  const on = (v: string | undefined) => v === '1' || v === 'true';
  return {
    sheets,
    definedNames,
    protected: protection !== undefined && (on(protection.attrs.lockStructure) || on(protection.attrs.lockWindows)),
    strict: namespace.startsWith('http://purl.oclc.org/ooxml/'),
  };
}
