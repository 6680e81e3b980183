import { SaxesParser } from 'saxes';
import { classifyString, PersonalDataTally } from '../detect/personalData';
import type { InspectContext } from '../inspectContext';
import type { SheetFacts } from '../../../../shared/inspection';
import { fail, InspectionFailure } from '../limits';
import { descendants, localName } from '../xml/xmlTree';
import { ZipPackage } from '../zip/zipPackage';
import { readOptionalXmlPart } from '../ooxml/packageParts';

const MAX_REPEAT = 1_048_576;

/** OpenDocument spreadsheets (ods): sheets, visibility, protection, formulas, names, macros. */
export async function inspectOds(context: InspectContext): Promise<void> {
  const { result, limits } = context;
  const zip = ZipPackage.open(context.path, limits);
  try {
    result.format = 'ods';
    const manifest = readOptionalXmlPart(zip, 'META-INF/manifest.xml', limits, result.warnings, 4 * 1024 * 1024);
    if (manifest && descendants(manifest, 'encryption-data').length > 0) {
      result.encrypted = true;
      result.warnings.push('The spreadsheet is encrypted with a password. Fieldbook can see that, and nothing more.');
      return;
    }
    const meta = readOptionalXmlPart(zip, 'meta.xml', limits, result.warnings, 4 * 1024 * 1024);
    if (meta) {
      const text = (name: string) => descendants(meta, name)[0]?.text.trim() || null;
      result.properties = {
        author: text('initial-creator'),
        lastModifiedBy: text('creator'),
        created: text('creation-date'),
        modified: text('date'),
        application: text('generator'),
        company: null,
      };
    }
    const content = zip.find('content.xml');
    if (!content) fail('corrupt', 'The OpenDocument package has no content.xml.');
    await readContent(zip, content, context);
    const basicModules = zip
      .names()
      .filter((n) => /^Basic\/[^/]+\/[^/]+\.xml$/i.test(n) && !/script-l[bc]\.xml$/i.test(n))
      .map((n) => n.split('/')[2]!.replace(/\.xml$/i, ''));
    if (basicModules.length > 0) {
      result.vba.present = true;
      result.vba.modules = basicModules.map((name) => ({ name, type: 'module' as const }));
    }
  } finally {
    zip.close();
  }
}

async function readContent(zip: ZipPackage, entry: NonNullable<ReturnType<ZipPackage['find']>>, context: InspectContext): Promise<void> {
  const { result } = context;
  const hiddenStyles = new Set<string>();
  const tally = new PersonalDataTally();
  let styleName: string | null = null;
  let sheet: SheetFacts | null = null;
  let row = 0;
  let column = 0;
  let rowRepeat = 1;
  let cell: { string: boolean; repeat: number; text: string; depth: number } | null = null;
  let depth = 0;
  const parser = new SaxesParser({ position: false });
  parser.on('doctype', () => fail('xml_entities', 'content.xml declares its own XML entities, which office suites never write; Fieldbook did not expand them.'));
  parser.on('opentag', (tag) => {
    depth++;
    const name = localName(tag.name);
    const attrs = tag.attributes as Record<string, string>;
    switch (name) {
      case 'style':
        styleName = attrs['style:family'] === 'table' ? (attrs['style:name'] ?? null) : null;
        break;
      case 'table-properties':
        if (styleName && attrs['table:display'] === 'false') hiddenStyles.add(styleName);
        break;
      case 'table':
        if (depth > 4) break;
        sheet = {
          name: attrs['table:name'] ?? '',
          state: hiddenStyles.has(attrs['table:style-name'] ?? '') ? 'hidden' : 'visible',
          kind: 'worksheet',
          protected: attrs['table:protected'] === 'true',
          formulaCount: 0,
        };
        result.sheets.push(sheet);
        tally.startSheet();
        row = 0;
        break;
      case 'table-row':
        rowRepeat = Math.min(MAX_REPEAT, Number(attrs['table:number-rows-repeated'] ?? 1) || 1);
        column = 0;
        break;
      case 'table-cell':
      case 'covered-table-cell': {
        const repeat = Math.min(MAX_REPEAT, Number(attrs['table:number-columns-repeated'] ?? 1) || 1);
        if (attrs['table:formula'] && sheet) sheet.formulaCount = (sheet.formulaCount ?? 0) + repeat * rowRepeat;
        cell = { string: attrs['office:value-type'] === 'string', repeat, text: '', depth };
        break;
      }
      case 'named-range':
      case 'named-expression':
        result.definedNames.push({ name: attrs['table:name'] ?? '', scope: sheet && depth > 3 ? sheet.name : null });
        break;
      case 'data-pilot-table':
        result.pivotTables++;
        break;
      case 'table-source':
        if (attrs['xlink:href']) result.externalLinks.push({ target: attrs['xlink:href'] });
        break;
      default:
        break;
    }
    if (tag.isSelfClosing) close(name);
  });
  const close = (name: string) => {
    if ((name === 'table-cell' || name === 'covered-table-cell') && cell) {
      if (sheet && cell.text !== '') {
        const flags = cell.string ? classifyString(cell.text) : 0;
        tally.cell(sheet.name, row, column, flags, true);
      }
      column += cell.repeat;
      cell = null;
    } else if (name === 'table-row') row += rowRepeat;
    else if (name === 'table') sheet = null;
    else if (name === 'p' && cell && cell.text.length < 4096) cell.text += cell.text ? '\n' : '';
    depth--;
  };
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) close(localName(tag.name));
  });
  parser.on('text', (text) => {
    if (cell && cell.text.length < 4096) cell.text += text;
  });
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of zip.stream(entry)) parser.write(decoder.decode(chunk, { stream: true }));
    parser.write(decoder.decode()).close();
  } catch (error) {
    if (error instanceof InspectionFailure) throw error;
    fail('corrupt', `content.xml is not well-formed XML (${(error as Error).message.split('\n')[0]}).`);
  }
  result.formulaCount = result.sheets.reduce((sum, s) => sum + (s.formulaCount ?? 0), 0);
  result.personalData = tally.findings();
}
