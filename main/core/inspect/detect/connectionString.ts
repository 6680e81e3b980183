/** Connection strings: find where they point and remove credentials before anything is kept. */

const CREDENTIAL_KEYS = /^(password|pwd|user password|jet oledb:database password|accountkey|sharedaccesskey|token|access token|client secret|secret|apikey|api key)$/i;

export interface ConnectionTarget {
  server: string | null;
  database: string | null;
  url: string | null;
  file: string | null;
  hasPassword: boolean;
  provider: string | null;
  redacted: string;
}

function splitPairs(connection: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const part of connection.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    pairs.push([part.slice(0, eq).trim(), part.slice(eq + 1).trim()]);
  }
  return pairs;
}

/** Removes user:password@ from URLs and credential-looking query parameters. */
export function redactUrl(url: string): string {
  return url
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi, '$1***:***@')
    .replace(/([?&](?:password|pwd|token|key|apikey|api_key|sig|signature|secret|access_token|code)=)[^&#\s]*/gi, '$1***');
}

export function parseConnectionString(raw: string): ConnectionTarget {
  const connection = raw.replace(/^(ODBC|OLEDB|TEXT|URL|FINDER);/i, '');
  const pairs = splitPairs(connection);
  const get = (...keys: string[]): string | null => {
    for (const [key, value] of pairs) if (keys.some((k) => k.toLowerCase() === key.toLowerCase()) && value !== '') return value.replace(/^"|"$/g, '');
    return null;
  };
  const hasPassword = pairs.some(([key, value]) => CREDENTIAL_KEYS.test(key) && value.replace(/"/g, '') !== '');
  const redacted = raw
    .split(';')
    .map((part) => {
      const eq = part.indexOf('=');
      if (eq < 0) return redactUrl(part);
      const key = part.slice(0, eq).trim();
      return CREDENTIAL_KEYS.test(key) && part.slice(eq + 1).trim() !== '' ? `${part.slice(0, eq)}=***` : redactUrl(part);
    })
    .join(';');
  const dataSource = get('Data Source', 'Server', 'Address', 'Addr', 'Network Address', 'Host', 'DBQ', 'DefaultDir');
  const isFile = dataSource !== null && /\.(mdb|accdb|xlsx?|xlsm|xlsb|csv|txt|db|sqlite|dbf)$/i.test(dataSource);
  return {
    server: isFile ? null : dataSource,
    database: get('Initial Catalog', 'Database', 'Dbname'),
    url: /^https?:\/\//i.test(raw.replace(/^URL;/i, '')) ? redactUrl(raw.replace(/^URL;/i, '')) : null,
    file: isFile ? dataSource : null,
    hasPassword,
    provider: get('Provider', 'Driver'),
    redacted,
  };
}

/** "server SQLFIN01, database Finance", a URL or a file, in plain words. */
export function describeTarget(target: ConnectionTarget, dsn: string | null): string {
  if (target.url) return target.url;
  if (target.file) return target.file;
  const parts: string[] = [];
  if (target.server) parts.push(`server ${target.server}`);
  if (target.database) parts.push(`database ${target.database}`);
  if (parts.length === 0 && dsn) parts.push(`data source ${dsn}`);
  return parts.join(', ');
}
