// Small workbooks and scripts written for the inspection tests (never copied from the corpus).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';

export interface SheetSpec {
  name: string;
  state?: 'hidden' | 'veryHidden';
  /** Rows of cells; strings go to shared strings, numbers stay numbers, "=…" becomes a formula. */
  rows: (string | number | null)[][];
  protected?: boolean;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  connections?: string;
  customProperties?: string;
  externalLinkTarget?: string;
  extraParts?: Record<string, string>;
}

const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function column(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Writes a minimal but valid xlsx with the given sheets and parts. */
export function writeWorkbook(dir: string, name: string, spec: WorkbookSpec): string {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const files: Zippable = {};
  const rels: string[] = [];
  const overrides: string[] = [];
  spec.sheets.forEach((sheet, i) => {
    const rows = sheet.rows
      .map((cells, r) => {
        const xml = cells
          .map((value, c) => {
            const ref = `${column(c)}${r + 1}`;
            if (value === null) return '';
            if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
            if (value.startsWith('=')) return `<c r="${ref}"><f>${escapeXml(value.slice(1))}</f><v>0</v></c>`;
            if (!stringIndex.has(value)) {
              stringIndex.set(value, strings.length);
              strings.push(value);
            }
            return `<c r="${ref}" t="s"><v>${stringIndex.get(value)}</v></c>`;
          })
          .join('');
        return `<row r="${r + 1}">${xml}</row>`;
      })
      .join('');
    const protection = sheet.protected ? '<sheetProtection sheet="1" objects="1"/>' : '';
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>${protection}</worksheet>`,
    );
    rels.push(`<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
    overrides.push(`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
  });
  files['xl/sharedStrings.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${escapeXml(s)}</t></si>`).join('')}</sst>`,
  );
  rels.push('<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>');
  if (spec.connections) {
    files['xl/connections.xml'] = strToU8(spec.connections);
    rels.push('<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/connections" Target="connections.xml"/>');
  }
  if (spec.externalLinkTarget) {
    files['xl/externalLinks/externalLink1.xml'] = strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><externalBook r:id="rId1"/></externalLink>',
    );
    files['xl/externalLinks/_rels/externalLink1.xml.rels'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="${escapeXml(spec.externalLinkTarget)}" TargetMode="External"/></Relationships>`,
    );
    rels.push('<Relationship Id="rIdE" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/>');
  }
  const sheets = spec.sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('');
  files['xl/workbook.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets}</sheets></workbook>`,
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  const packageRels = ['<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'];
  if (spec.customProperties) {
    files['docProps/custom.xml'] = strToU8(spec.customProperties);
    packageRels.push('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>');
  }
  files['_rels/.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${packageRels.join('')}</Relationships>`);
  files['[Content_Types].xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join('')}</Types>`,
  );
  for (const [part, text] of Object.entries(spec.extraParts ?? {})) files[part] = strToU8(text);
  const path = join(dir, name);
  writeFileSync(path, zipSync(files));
  return path;
}

export function writeText(dir: string, name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
