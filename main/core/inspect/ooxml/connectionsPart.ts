import { describeTarget, parseConnectionString, redactUrl } from '../detect/connectionString';
import type { ConnectionFacts, SecretFinding } from '../../../../shared/inspection';
import { child, children, type XmlElement } from '../xml/xmlTree';

const KINDS: Record<string, ConnectionFacts['kind']> = {
  '1': 'odbc',
  '2': 'dao',
  '3': 'file',
  '4': 'web',
  '5': 'oledb',
  '6': 'text',
  '7': 'ado',
  '8': 'other',
};

/** xl/connections.xml: data connections with credentials removed, and saved passwords flagged. */
export function readConnections(tree: XmlElement): { connections: ConnectionFacts[]; secrets: SecretFinding[]; powerQuery: boolean } {
  const connections: ConnectionFacts[] = [];
  const secrets: SecretFinding[] = [];
  let powerQuery = false;
  for (const connection of children(child(tree, 'connections'), 'connection')) {
    const name = connection.attrs.name ?? `connection ${connection.attrs.id ?? connections.length + 1}`;
    const db = child(connection, 'dbPr');
    const web = child(connection, 'webPr');
    const text = child(connection, 'textPr');
    const olap = child(connection, 'olapPr');
    let kind = KINDS[connection.attrs.type ?? ''] ?? 'other';
    let target = '';
    let redacted: string | null = null;
    let hasPassword = connection.attrs.savePassword === '1' || connection.attrs.savePassword === 'true';
    if (db) {
      const parsed = parseConnectionString(db.attrs.connection ?? '');
      redacted = parsed.redacted;
      if (parsed.hasPassword) {
        hasPassword = true;
        secrets.push({ kind: 'connection-string-password', location: `connection ${name}` });
      }
      if (/Microsoft\.Mashup\.OleDb/i.test(parsed.provider ?? '')) {
        kind = 'power-query';
        powerQuery = true;
        const location = /Location=([^;]*)/i.exec(db.attrs.connection ?? '')?.[1];
        target = location ? `query ${location}` : 'Power Query';
      } else {
        const dsn = /DSN=([^;]*)/i.exec(db.attrs.connection ?? '')?.[1] ?? null;
        target = describeTarget(parsed, dsn) || (connection.attrs.sourceFile ?? '');
      }
      if (olap) kind = kind === 'other' ? 'olap' : kind;
    } else if (web) {
      target = redactUrl(web.attrs.url ?? '');
      redacted = target;
      kind = 'web';
    } else if (text) {
      target = text.attrs.sourceFile ?? '';
      kind = 'text';
    }
    if (!target && connection.attrs.odcFile) target = connection.attrs.odcFile;
    connections.push({ name, kind, target, hasSavedPassword: hasPassword, connection: redacted });
  }
  return { connections, secrets, powerQuery };
}
