// The large workbook of the inspection benchmark, written without any spreadsheet library.
import { createWriteStream } from 'node:fs';
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/** 200,000 rows × 10 columns (8 values, 2 formulas), written as XML with fflate's streaming zip. */
export async function writeBigWorkbook(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  const zip = new Zip((error, chunk, final) => {
    if (error) throw error;
    out.write(chunk);
    if (final) out.end();
  });
  const small = (name: string, text: string) => {
    const file = new ZipPassThrough(name);
    zip.add(file);
    file.push(strToU8(text), true);
  };
  small('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>');
  small('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  small('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>');
  small('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>');
  const regions = ['North', 'South', 'East', 'West'];
  small('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${regions.length}" uniqueCount="${regions.length}">${regions.map((r) => `<si><t>${r}</t></si>`).join('')}</sst>`);
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
  zip.add(sheet);
  sheet.push(strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'));
  const batch: string[] = [];
  for (let r = 1; r <= rows; r++) {
    batch.push(
      `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="s"><v>${r % 4}</v></c><c r="C${r}"><v>${(r * 1.37).toFixed(2)}</v></c><c r="D${r}"><v>${r % 97}</v></c><c r="E${r}"><v>${(r * 0.113).toFixed(3)}</v></c><c r="F${r}"><v>${45000 + (r % 365)}</v></c><c r="G${r}"><v>${r * 7}</v></c><c r="H${r}"><v>${(r % 13) * 1.5}</v></c><c r="I${r}"><f>C${r}*D${r}</f><v>${((r * 1.37) * (r % 97)).toFixed(2)}</v></c><c r="J${r}"><f>I${r}+E${r}</f><v>0</v></c></row>`,
    );
    if (batch.length === 2000 || r === rows) {
      sheet.push(strToU8(batch.join('')));
      batch.length = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  sheet.push(strToU8('</sheetData></worksheet>'), true);
  zip.end();
  await done;
}
