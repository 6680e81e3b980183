import type { Behaviour, InspectionResult, PersonalDataKind } from '../../../shared/inspection';

const BEHAVIOUR_WORDS: Record<Behaviour, string> = {
  'reads-files': 'read files',
  'writes-files': 'write files',
  'sends-email': 'send email',
  'runs-programs': 'run other programs',
  'reaches-web': 'reach the web',
  'connects-to-databases': 'connect to databases',
  'changes-other-workbooks': 'change other workbooks',
};

const DATA_WORDS: Record<PersonalDataKind, [string, string]> = {
  email: ['e-mail addresses', 'e-mail addresses'],
  phone: ['phone numbers', 'phone numbers'],
  iban: ['IBANs', 'IBANs'],
  card: ['card numbers', 'card numbers'],
  nationalId: ['national identifiers', 'national identifiers'],
};

const number = (n: number) => n.toLocaleString('en');
const plural = (n: number, one: string, many = `${one}s`) => `${number(n)} ${n === 1 ? one : many}`;

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function shortDate(iso: string | null): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function shorten(target: string): string {
  return target.length > 60 ? `${target.slice(0, 57)}…` : target;
}

/** What Fieldbook found, in plain words, as a person would say it. */
export function describeInspection(result: InspectionResult): string {
  if (result.error) return `Could not read it: ${result.error.message}`;
  const parts: string[] = [];
  if (result.encrypted) parts.push('encrypted with a password, so Fieldbook can say nothing more about what is inside');
  if (result.sheets.length > 0) {
    const hidden = result.sheets.filter((s) => s.state === 'hidden').length;
    const veryHidden = result.sheets.filter((s) => s.state === 'veryHidden').length;
    const extra = [hidden ? `${number(hidden)} hidden` : '', veryHidden ? `${number(veryHidden)} very hidden` : ''].filter(Boolean);
    parts.push(`${plural(result.sheets.length, 'sheet')}${extra.length ? `, ${extra.join(', ')}` : ''}`);
  }
  if (result.formulaCount) parts.push(plural(result.formulaCount, 'formula'));
  if (result.tables.length > 0) parts.push(plural(result.tables.length, 'table'));
  if (result.queries.length > 0) parts.push(plural(result.queries.length, 'saved query', 'saved queries'));
  if (result.linkedTables.length > 0) parts.push(`${plural(result.linkedTables.length, 'linked table')} (from ${shorten(result.linkedTables[0]!.target)}${result.linkedTables.length > 1 ? ', …' : ''})`);
  const isScript = result.text !== null && result.format !== 'csv';
  const behaviours = result.vba.behaviours.map((b) => BEHAVIOUR_WORDS[b]);
  if (result.vba.present || (isScript && behaviours.length > 0)) {
    const what = isScript ? 'code' : 'macros';
    const when = result.vba.autoRun.length > 0 ? `${what} that run by themselves (${list(result.vba.autoRun.slice(0, 3))})` : what;
    parts.push(behaviours.length > 0 ? `${when} that ${list(behaviours)}` : when);
  }
  if (result.xlmMacroSheets > 0) parts.push(`${plural(result.xlmMacroSheets, 'Excel 4.0 macro sheet')}`);
  if (result.externalLinks.length > 0) {
    parts.push(`links to ${plural(result.externalLinks.length, 'other file')} (${shorten(result.externalLinks[0]!.target)}${result.externalLinks.length > 1 ? ', …' : ''})`);
  }
  for (const connection of result.connections.slice(0, 3)) {
    const kind = connection.kind === 'power-query' ? 'a Power Query' : `an ${connection.kind.toUpperCase()} connection`.replace(/^an ([^AEIOU])/, 'a $1');
    parts.push(`${kind}${connection.target ? ` to ${shorten(connection.target)}` : ''}${connection.hasSavedPassword ? ' with a saved password' : ''}`);
  }
  if (result.connections.length > 3) parts.push(`${number(result.connections.length - 3)} more connections`);
  if (result.pivotTables > 0) parts.push(plural(result.pivotTables, 'pivot table'));
  const kinds = [...new Set(result.personalData.map((p) => p.kind))];
  if (kinds.length > 0) {
    const columns = (kind: PersonalDataKind) => new Set(result.personalData.filter((p) => p.kind === kind).map((p) => `${p.sheet}\u0000${p.column}`)).size;
    parts.push(list(kinds.map((kind) => `${columns(kind) === 1 ? 'a column' : `${number(columns(kind))} columns`} of ${DATA_WORDS[kind][0]}`)));
  }
  if (result.secrets.length > 0) parts.push(`${plural(result.secrets.length, 'password or key', 'passwords or keys')} written in it (${result.secrets[0]!.location})`);
  if (result.sensitivityLabels.length > 0) parts.push(`labelled ${list(result.sensitivityLabels.map((l) => l.name ?? l.id))}`);
  if (result.workbookProtected) parts.push('workbook structure protected');
  if (result.text && result.format === 'csv') {
    const t = result.text;
    const delimiter = t.delimiter === '\t' ? 'tab' : t.delimiter === null ? 'no' : `"${t.delimiter}"`;
    parts.push(`${t.encoding}${t.bom ? ' with BOM' : ''} text, ${delimiter}-separated, ${plural(t.rows ?? 0, 'row')}${t.hasHeader ? ' with a header' : ''}`);
  } else if (result.text) {
    parts.push(`${plural(result.text.lines, 'line')} of ${result.text.encoding} text`);
  }
  const changed = shortDate(result.properties.modified);
  const by = result.properties.lastModifiedBy ?? result.properties.author;
  if (changed || by) parts.push(`last changed${changed ? ` on ${changed}` : ''}${by ? ` by ${by}` : ''}`);
  if (parts.length === 0) parts.push(`${result.format === 'other' ? 'a file' : `a ${result.format} file`} of ${plural(result.bytes, 'byte')}`);
  const sentence = parts.join('; ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1) + '.';
}
