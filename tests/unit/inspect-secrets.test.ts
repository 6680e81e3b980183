import { describe, expect, it } from 'vitest';
import { parseConnectionString } from '../../main/core/inspect/detect/connectionString';
import { findSecrets } from '../../main/core/inspect/detect/secrets';
import { inspectInThread } from '../../main/core/inspect/inspectInThread';
import { writeText, writeWorkbook } from './inspect-fixtures';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();
const PASSWORD = 'Summer2024!secret';

describe('secrets: the kind and the place, never the value', () => {
  it('a password in a connection string is found and removed from what is kept', () => {
    const parsed = parseConnectionString(`Provider=SQLOLEDB;Data Source=SQLFIN01;Initial Catalog=Finance;User ID=report;Password=${PASSWORD}`);
    expect(parsed).toMatchObject({ server: 'SQLFIN01', database: 'Finance', hasPassword: true });
    expect(parsed.redacted).toBe('Provider=SQLOLEDB;Data Source=SQLFIN01;Initial Catalog=Finance;User ID=report;Password=***');
  });

  it('API keys (a GitHub token too), private keys and passwords in URLs are found, one finding per line', () => {
    const text = [
      'aws_access_key = "AKIAIOSFODNN7EXAMPLE"',
      'token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789AB"',
      '-----BEGIN RSA PRIVATE KEY-----',
      'url = "https://report:hunter2@intranet.example/api"',
      'greeting = "hello world"',
    ].join('\n');
    expect(findSecrets(text, null)).toEqual([
      { kind: 'api-key', location: 'line 1' },
      { kind: 'api-key', location: 'line 2' },
      { kind: 'private-key', location: 'line 3' },
      { kind: 'url-credentials', location: 'line 4' },
    ]);
  });

  it('a Python script with a database password says so, where, and what the script does — without the password', async () => {
    const script = `import pyodbc\nimport smtplib\nconn = pyodbc.connect("DRIVER={SQL Server};SERVER=SQLFIN01;DATABASE=Finance;UID=report;PWD=${PASSWORD}")\n`;
    const result = await inspectInThread(writeText(tempDir(), 'merge.py', script));
    expect(result.format).toBe('py');
    expect(result.vba.behaviours).toEqual(expect.arrayContaining(['connects-to-databases', 'sends-email']));
    expect(result.secrets).toContainEqual({ kind: 'connection-string-password', location: 'line 3' });
    expect(result.connections[0]).toMatchObject({ kind: 'odbc', target: 'server SQLFIN01, database Finance', hasSavedPassword: true });
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
  });

  it('PowerShell with a plain-text password and a web call is flagged', async () => {
    const script = `$p = ConvertTo-SecureString "${PASSWORD}" -AsPlainText -Force\nInvoke-RestMethod -Uri https://api.example/items\n`;
    const result = await inspectInThread(writeText(tempDir(), 'sync.ps1', script));
    expect(result.secrets).toContainEqual({ kind: 'password', location: 'line 1' });
    expect(result.vba.behaviours).toContain('reaches-web');
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
  });

  it('a workbook ODBC connection to SQLFIN01 with a saved password is reported, redacted', async () => {
    const connections = `<?xml version="1.0" encoding="UTF-8"?><connections xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><connection id="1" name="Sales" type="1" savePassword="1" refreshedVersion="6"><dbPr connection="DSN=Finance;SERVER=SQLFIN01;DATABASE=Sales;UID=report;PWD=${PASSWORD}" command="SELECT * FROM orders"/></connection></connections>`;
    const path = writeWorkbook(tempDir(), 'sales.xlsx', { sheets: [{ name: 'Data', rows: [['a']] }], connections });
    const result = await inspectInThread(path);
    expect(result.connections).toEqual([
      { name: 'Sales', kind: 'odbc', target: 'server SQLFIN01, database Sales', hasSavedPassword: true, connection: 'DSN=Finance;SERVER=SQLFIN01;DATABASE=Sales;UID=report;PWD=***' },
    ]);
    expect(result.secrets).toEqual([{ kind: 'connection-string-password', location: 'connection Sales' }]);
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
  });
});
