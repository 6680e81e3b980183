import { detectBehaviours, findAutoRun, type CodeLanguage } from '../detect/behaviours';
import { parseConnectionString, describeTarget } from '../detect/connectionString';
import { findSecrets } from '../detect/secrets';
import { SCRIPT_FORMATS } from '../formats';
import type { InspectContext } from '../inspectContext';
import type { ConnectionFacts, FileFormat } from '../../../../shared/inspection';
import { decodeText, lineFacts, readStart } from './decodeText';


const LANGUAGE: Partial<Record<FileFormat, CodeLanguage>> = { vba: 'vba', vbs: 'vba', py: 'python', ps1: 'powershell', sql: 'sql', r: 'r' };
const CONNECTION_STRING = /["'`]([^"'`\n]*(?:Provider|Driver|DSN|Data Source|Server)\s*=[^"'`\n]*;[^"'`\n]*)["'`]/gi;
const MAX_SCRIPT_BYTES = 16 * 1024 * 1024;

/** Scripts and code (VBA exports, VBScript, Python, PowerShell, SQL, R): what they do, secrets, connections. */
export function inspectScript(context: InspectContext): void {
  const { result } = context;
  const format = SCRIPT_FORMATS[context.extension] ?? 'other';
  result.format = format;
  const { bytes, partial } = readStart(context.path, MAX_SCRIPT_BYTES);
  const decoded = decodeText(bytes, partial);
  if (partial) result.warnings.push('Only the first 16 MiB of the script were read.');
  const { lineEndings, lines } = lineFacts(decoded.text);
  result.text = { encoding: decoded.encoding, bom: decoded.bom, lineEndings, lines, delimiter: null, hasHeader: null, rows: null };
  const language = LANGUAGE[format];
  if (!language) return;
  result.vba.behaviours = detectBehaviours(decoded.text, language);
  if (language === 'vba') {
    result.vba.present = format === 'vba';
    result.vba.autoRun = findAutoRun(decoded.text);
    const name = /Attribute VB_Name\s*=\s*"([^"]+)"/i.exec(decoded.text)?.[1];
    if (name) result.vba.modules = [{ name, type: context.extension === 'cls' ? 'class' : context.extension === 'frm' ? 'form' : 'module' }];
  }
  result.secrets = findSecrets(decoded.text, null);
  const connections: ConnectionFacts[] = [];
  for (const match of decoded.text.matchAll(CONNECTION_STRING)) {
    const parsed = parseConnectionString(match[1]!);
    const dsn = /DSN=([^;]*)/i.exec(match[1]!)?.[1] ?? null;
    const line = decoded.text.slice(0, match.index).split('\n').length;
    connections.push({
      name: `line ${line}`,
      kind: /odbc|driver=|dsn=/i.test(match[1]!) ? 'odbc' : /provider=/i.test(match[1]!) ? 'oledb' : 'other',
      target: describeTarget(parsed, dsn),
      hasSavedPassword: parsed.hasPassword,
      connection: parsed.redacted,
    });
    if (connections.length >= 200) break;
  }
  result.connections = connections;
}
