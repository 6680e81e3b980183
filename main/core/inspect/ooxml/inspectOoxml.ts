import { CompoundFile } from '../cfb/compoundFile';
import { PersonalDataTally } from '../detect/personalData';
import type { InspectContext } from '../inspectContext';
import type { FileFormat, SheetFacts } from '../../../../shared/inspection';
import { fail, InspectionFailure } from '../limits';
import { analyseVba } from '../vba/analyseVba';
import { readXlsbWorkbook, XlsbSharedStrings, XlsbSheetScanner } from '../xlsb/biff12';
import { child, decodeXml } from '../xml/xmlTree';
import { ZipPackage, type ZipEntry } from '../zip/zipPackage';
import { readConnections } from './connectionsPart';
import { readDocumentProperties, readSensitivityLabels } from './documentProperties';
import { readOptionalXmlPart, readRelationships, readXmlPart, type Relationship } from './packageParts';
import { classifySharedStrings } from './sharedStrings';
import { SheetScanner } from './sheetScanner';
import { readWorkbookXml, type WorkbookInfo } from './workbookInfo';

const OOXML_EXTENSIONS = new Set(['xlsx', 'xlsm', 'xltx', 'xltm', 'xlam', 'xlsb']);

const SHEET_KINDS: Record<string, SheetFacts['kind']> = {
  worksheet: 'worksheet',
  chartsheet: 'chartsheet',
  dialogsheet: 'dialogsheet',
  xlMacrosheet: 'macrosheet',
  xlIntlMacrosheet: 'macrosheet',
};

/** Excel workbooks in zip packages: xlsx, xlsm, xltx, xltm, xlam (Transitional and Strict) and xlsb. */
export async function inspectOoxml(context: InspectContext): Promise<void> {
  const { result, limits } = context;
  const warnings = result.warnings;
  const zip = ZipPackage.open(context.path, limits);
  try {
    const packageRels = readRelationships(zip, '', limits, warnings) ?? [];
    let workbookPart = packageRels.find((r) => r.type === 'officeDocument' && !r.external)?.target;
    if (!workbookPart || !zip.find(workbookPart)) workbookPart = ['xl/workbook.xml', 'xl/workbook.bin'].find((name) => zip.find(name));
    if (!workbookPart && !OOXML_EXTENSIONS.has(context.extension)) {
      // Some other zip package (Apple Numbers, Word, a plain archive): size, dates and hash only.
      result.format = 'other';
      if (context.extension === 'numbers') result.warnings.push('Apple Numbers documents are not read yet; Fieldbook knows only the size, dates and fingerprint.');
      return;
    }
    if (!workbookPart) {
      if (zip.find('mimetype') || zip.find('content.xml')) fail('unsupported', 'This is an OpenDocument package with an unexpected name; Fieldbook did not find a spreadsheet in it.');
      fail('corrupt', 'The package has no workbook part: it is not an Excel workbook, or it is damaged.');
    }
    const workbookEntry = zip.find(workbookPart)!;
    const binary = workbookEntry.name.toLowerCase().endsWith('.bin');
    result.format = packageFormat(zip, workbookEntry.name, binary, context.extension, limits, warnings);

    const info: WorkbookInfo = binary
      ? readXlsbWorkbook(zip.read(workbookEntry, 64 * 1024 * 1024))
      : readWorkbookXml(readXmlPart(zip, workbookEntry.name, limits)!);
    const workbookRels = readRelationships(zip, workbookEntry.name, limits, warnings);
    if (!workbookRels) warnings.push('The workbook has no relationships part; sheets were matched to their parts by number.');
    const rels = new Map((workbookRels ?? []).map((r) => [r.id, r]));
    result.properties = readDocumentProperties(zip, packageRels, limits, warnings);
    result.sensitivityLabels = readSensitivityLabels(zip, packageRels, limits, warnings);
    result.definedNames = info.definedNames;
    result.workbookProtected = info.protected;

    const tally = new PersonalDataTally();
    const sharedKinds = await readSharedKinds(zip, workbookRels ?? [], binary, warnings);
    let total = 0;
    for (const sheet of info.sheets) {
      const rel = rels.get(sheet.relId);
      const part = rel && !rel.external ? zip.find(rel.target) : zip.find(`xl/worksheets/sheet${sheet.sheetId}.${binary ? 'bin' : 'xml'}`);
      const kind = (rel && SHEET_KINDS[rel.type]) ?? 'worksheet';
      const facts: SheetFacts = { name: sheet.name, state: sheet.state, kind, protected: false, formulaCount: null };
      if (part) {
        try {
          const scanned = await scanSheet(zip, part, binary, sheet.name, kind === 'chartsheet' ? null : tally, sharedKinds);
          facts.formulaCount = scanned.formulaCount;
          facts.protected = scanned.protected;
          total += scanned.formulaCount;
        } catch (error) {
          if (!(error instanceof InspectionFailure) || error.code === 'too_large' || error.code === 'zip_bomb') throw error;
          warnings.push(`The sheet "${sheet.name}" could not be read: ${error.message}`);
        }
      } else {
        warnings.push(`The sheet "${sheet.name}" has no part in the package.`);
      }
      result.sheets.push(facts);
    }
    // The total of what could be read; sheets that could not be read keep formulaCount null and a warning.
    result.formulaCount = total;
    result.personalData = tally.findings();

    result.externalLinks = readExternalLinks(zip, workbookRels ?? [], context, warnings);
    const connectionsRel = (workbookRels ?? []).find((r) => r.type === 'connections');
    const connectionsTree = connectionsRel ? readOptionalXmlPart(zip, connectionsRel.target, limits, warnings, 16 * 1024 * 1024) : null;
    if (connectionsTree) {
      const found = readConnections(connectionsTree);
      result.connections = found.connections;
      result.secrets.push(...found.secrets);
      result.powerQuery = found.powerQuery;
    }
    if (!result.powerQuery) result.powerQuery = await hasDataMashup(zip);
    const names = zip.names();
    result.pivotTables = names.filter((n) => /^xl\/pivotTables\/[^/]+\.(xml|bin)$/i.test(n)).length;
    result.xlmMacroSheets = names.filter((n) => /^xl\/macrosheets\/[^/]+\.(xml|bin)$/i.test(n)).length;

    const vbaPart = (workbookRels ?? []).find((r) => r.type === 'vbaProject' && !r.external)?.target ?? 'xl/vbaProject.bin';
    const vbaEntry = zip.find(vbaPart);
    if (vbaEntry) readVba(zip, vbaEntry, context);
  } finally {
    zip.close();
  }
}

function packageFormat(zip: ZipPackage, workbookPart: string, binary: boolean, extension: string, limits: InspectContext['limits'], warnings: string[]): FileFormat {
  let contentType = '';
  const types = readOptionalXmlPart(zip, '[Content_Types].xml', limits, warnings, 4 * 1024 * 1024);
  for (const override of child(types ?? undefined, 'Types')?.children ?? []) {
    if (override.name === 'Override' && (override.attrs.PartName ?? '').replace(/^\//, '').toLowerCase() === workbookPart.toLowerCase()) {
      contentType = override.attrs.ContentType ?? '';
    }
  }
  const byContent: FileFormat = binary
    ? 'xlsb'
    : /addin\.macroEnabled/i.test(contentType)
      ? 'xlam'
      : /template\.macroEnabled/i.test(contentType)
        ? 'xltm'
        : /sheet\.macroEnabled/i.test(contentType)
          ? 'xlsm'
          : /template\.main/i.test(contentType)
            ? 'xltx'
            : 'xlsx';
  if (OOXML_EXTENSIONS.has(extension)) return extension as FileFormat;
  warnings.push(`The file is named .${extension || '(no extension)'} but is an Excel ${byContent} package; it was read as what it is.`);
  return byContent;
}

async function readSharedKinds(zip: ZipPackage, rels: Relationship[], binary: boolean, warnings: string[]): Promise<Uint8Array | null> {
  const target = rels.find((r) => r.type === 'sharedStrings' && !r.external)?.target ?? `xl/sharedStrings.${binary ? 'bin' : 'xml'}`;
  const entry = zip.find(target);
  if (!entry) return null;
  try {
    if (entry.name.toLowerCase().endsWith('.bin')) {
      const strings = new XlsbSharedStrings();
      for await (const chunk of zip.stream(entry)) strings.write(chunk);
      return strings.finish();
    }
    return await classifySharedStrings(zip, entry);
  } catch (error) {
    if (!(error instanceof InspectionFailure) || error.code === 'too_large' || error.code === 'zip_bomb') throw error;
    warnings.push(`${error.message} Personal data in shared strings was not checked.`);
    return null;
  }
}

async function scanSheet(
  zip: ZipPackage,
  part: ZipEntry,
  binary: boolean,
  name: string,
  tally: PersonalDataTally | null,
  sharedKinds: Uint8Array | null,
): Promise<{ formulaCount: number; protected: boolean }> {
  const scanner = binary || part.name.toLowerCase().endsWith('.bin') ? new XlsbSheetScanner(name, tally, sharedKinds) : new SheetScanner(name, tally, sharedKinds);
  for await (const chunk of zip.stream(part)) scanner.write(chunk);
  return scanner.finish();
}

function readExternalLinks(zip: ZipPackage, rels: Relationship[], context: InspectContext, warnings: string[]): { target: string }[] {
  const links: { target: string }[] = [];
  for (const rel of rels.filter((r) => r.type === 'externalLink' && !r.external)) {
    const linkRels = readRelationships(zip, rel.target, context.limits, warnings) ?? [];
    const external = linkRels.filter((r) => r.external);
    let dde: string | null = null;
    if (rel.target.toLowerCase().endsWith('.xml')) {
      const tree = readOptionalXmlPart(zip, rel.target, context.limits, warnings, 16 * 1024 * 1024);
      const ddeLink = child(child(tree ?? undefined, 'externalLink'), 'ddeLink');
      if (ddeLink) dde = `DDE ${ddeLink.attrs.ddeService ?? ''} ${ddeLink.attrs.ddeTopic ?? ''}`.trim();
    }
    if (dde) links.push({ target: dde });
    for (const link of external) links.push({ target: link.target });
  }
  return links;
}

async function hasDataMashup(zip: ZipPackage): Promise<boolean> {
  for (const name of zip.names()) {
    if (!/^customXml\/item\d*\.xml$/i.test(name)) continue;
    const entry = zip.find(name)!;
    for await (const chunk of zip.stream(entry)) {
      if (/<DataMashup\b/.test(decodeXml(chunk.subarray(0, 4096)))) return true;
      break;
    }
  }
  return false;
}

function readVba(zip: ZipPackage, entry: ZipEntry, context: InspectContext): void {
  const { result, limits } = context;
  result.vba.present = true;
  try {
    const file = new CompoundFile(zip.read(entry, limits.maxWholeFileBytes));
    const facts = analyseVba(file);
    if (facts) {
      result.vba = facts.vba;
      result.secrets.push(...facts.secrets);
      result.warnings.push(...facts.warnings);
    }
  } catch (error) {
    if (!(error instanceof InspectionFailure)) throw error;
    result.warnings.push(`The VBA project could not be read: ${error.message}`);
  }
}
