import type { CellValue, DocTable, ExportDocument } from './documentModel';
import { escapeXml } from './escape';
import { utf8, zipFiles, type Compressor, type ZipEntry } from './zip';

/** Excel's limit for the text of one cell. */
const MAX_CELL_CHARS = 32_767;
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const STYLE_HEADER = 1;

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Strings are stored once in the shared-strings part; cells refer to them by index. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly items: string[] = [];
  count = 0;

  add(text: string): number {
    this.count++;
    const clipped = text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS - 1)}…` : text;
    let id = this.index.get(clipped);
    if (id === undefined) {
      id = this.items.length;
      this.items.push(clipped);
      this.index.set(clipped, id);
    }
    return id;
  }

  xml(): string {
    const parts = [`${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.items.length}">`];
    for (const text of this.items) parts.push(`<si><t xml:space="preserve">${escapeXml(text)}</t></si>`);
    parts.push('</sst>');
    return parts.join('');
  }
}

function sheetXml(table: DocTable, strings: SharedStrings): string {
  const columns = table.columns.map((_, index) => columnName(index));
  const last = `${columns[columns.length - 1] ?? 'A'}${table.rows.length + 1}`;
  const parts: string[] = [
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
    `<dimension ref="A1:${last}"/>`,
    // The header row stays in view while scrolling.
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>',
    '<sheetFormatPr defaultRowHeight="15"/>',
    `<cols>${table.columns.map((column, index) => `<col min="${index + 1}" max="${index + 1}" width="${column.width}" customWidth="1"/>`).join('')}</cols>`,
    '<sheetData>',
    `<row r="1">${table.columns.map((column, index) => `<c r="${columns[index]}1" t="s" s="${STYLE_HEADER}"><v>${strings.add(column.header)}</v></c>`).join('')}</row>`,
  ];
  table.rows.forEach((row, rowIndex) => {
    const r = rowIndex + 2;
    let cells = '';
    // A cell's reference is optional when it follows the previous cell: given only after a gap.
    let gap = false;
    for (let index = 0; index < row.length; index++) {
      const value: CellValue = row[index]!;
      if (value === null || value === '') {
        gap = true;
        continue;
      }
      const ref = gap ? ` r="${columns[index]}${r}"` : '';
      gap = false;
      cells += typeof value === 'number' ? `<c${ref}><v>${value}</v></c>` : `<c${ref} t="s"><v>${strings.add(value)}</v></c>`;
    }
    parts.push(`<row r="${r}">${cells}</row>`);
  });
  parts.push('</sheetData>', `<autoFilter ref="A1:${last}"/>`, '</worksheet>');
  return parts.join('');
}

const STYLES = `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">
<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE8EDF3"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

/**
 * An Excel workbook (Office Open XML SpreadsheetML), written by hand: one sheet per table
 * (Entries, Findings, Dependencies, Files), shared strings, a bold header row kept in view, filters on.
 * Cells are always text or numbers, never formulas.
 */
export function renderXlsx(tables: readonly DocTable[], options: { title: string; createdAt: Date }, compressor: Compressor): Uint8Array {
  const strings = new SharedStrings();
  const sheets = tables.map((table) => sheetXml(table, strings));
  const sheetNames = tables.map((table) => escapeXml(table.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31)));
  const created = options.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const parts: [string, string][] = [
    [
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
        .map((_, index) => `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
        .join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
    ],
    [
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    ],
    [
      'docProps/core.xml',
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeXml(options.title)}</dc:title><dc:creator>Fieldbook</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`,
    ],
    [
      'docProps/app.xml',
      `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Fieldbook</Application></Properties>`,
    ],
    [
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>${sheetNames
        .map((name, index) => `<sheet name="${name}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`)
        .join('')}</sheets><definedNames>${tables
        .map((table, index) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">'${sheetNames[index]}'!$A$1:$${columnName(Math.max(0, table.columns.length - 1))}$${table.rows.length + 1}</definedName>`)
        .join('')}</definedNames></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map((_, index) => `<Relationship Id="rId${index + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`)
        .join('')}<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rId${sheets.length + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ],
    ['xl/styles.xml', STYLES],
    ...sheets.map((xml, index): [string, string] => [`xl/worksheets/sheet${index + 1}.xml`, xml]),
    ['xl/sharedStrings.xml', strings.xml()],
  ];
  const entries: ZipEntry[] = parts.map(([name, xml]) => ({ name, data: utf8(xml) }));
  // Level 4: nearly the size of the default, noticeably faster on large workbooks.
  return zipFiles(entries, compressor, options.createdAt, 4);
}

/** The workbook of an export document, as the desktop and the hub both write it: its four tables, one sheet each. */
export function renderDocumentXlsx(doc: ExportDocument, createdAt: Date, compressor: Compressor): Uint8Array {
  return renderXlsx([doc.tables.entries, doc.tables.findings, doc.tables.dependencies, doc.tables.files], { title: doc.title, createdAt }, compressor);
}
