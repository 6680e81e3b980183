import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openFieldbook } from '../../main/core/fieldbook';
import { SCHEMA_VERSION } from '../../main/core/store/migrations';
import { rawRequest } from './helpers/http';
import { fieldbookBin as bin, repoRoot as root, runFieldbook as fieldbook, runOnReadOnlyDisk } from './helpers/fieldbookCommand';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();


async function startServe(dataDir: string) {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const url = await new Promise<URL>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /^Fieldbook is running at (\S+)$/m.exec(out);
      if (match) resolve(new URL(match[1]!));
    });
    child.on('exit', (code) => reject(new Error(`serve exited early with ${code}: ${err}`)));
  });
  return { child, url, stderr: () => err };
}

beforeAll(() => {
  if (!existsSync(join(root, 'out', 'main', 'cli.js'))) throw new Error('The CLI is not built: run "npm run build" first (npm test does).');
});

describe('the fieldbook command', () => {
  it('explains itself with --help', () => {
    const { code, stdout } = fieldbook(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('fieldbook serve [--port N]');
    expect(stdout).toContain('fieldbook demo [--entries N]');
    expect(stdout).toContain('--data-dir DIR');
  });

  it('says what went wrong with an unknown command or a bad option', () => {
    expect(fieldbook(['frobnicate'])).toMatchObject({ code: 64, stderr: expect.stringContaining('Unknown command: frobnicate') });
    expect(fieldbook(['demo', '--entries', 'lots'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--entries must be a whole number') });
  });

  it('fills a fieldbook with a realistic, linked sample', () => {
    const dataDir = tempDir();
    const { code, stdout } = fieldbook(['demo', '--entries', '40', '--data-dir', dataDir]);
    expect(code).toBe(0);
    expect(stdout).toContain('Added 40 sample entries');
    const book = openFieldbook({ dataDir });
    const entries = book.entries.all();
    expect(entries).toHaveLength(40);
    expect(new Set(entries.map((entry) => entry.kind)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(entries.map((entry) => entry.owner)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(entries.map((entry) => entry.criticality)).size).toBeGreaterThanOrEqual(4);
    expect(entries.some((entry) => entry.dependsOn.some((link) => link.type === 'entry'))).toBe(true);
    expect(entries.some((entry) => entry.dataCategories.includes('personal'))).toBe(true);
    book.close();
  });

  it('uses the data folder named by FIELDBOOK_DATA_DIR', () => {
    const dataDir = tempDir();
    expect(fieldbook(['demo', '--entries', '3'], { FIELDBOOK_DATA_DIR: dataDir }).code).toBe(0);
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(true);
  });

  it('serves Fieldbook on loopback and stops cleanly', async () => {
    const { child, url } = await startServe(tempDir());
    expect(url.hostname).toBe('127.0.0.1');
    const response = await rawRequest(Number(url.port), { path: url.pathname + url.search });
    expect(response.status).toBe(303);
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });

  it('refuses a damaged database with a clear message and leaves it untouched', () => {
    const dataDir = tempDir();
    const garbage = Buffer.from('not a database\n'.repeat(300));
    writeFileSync(join(dataDir, DATABASE_FILE), garbage);
    const { code, stderr } = fieldbook(['demo', '--data-dir', dataDir]);
    expect(code).toBe(2);
    expect(stderr).toContain('is damaged or is not a Fieldbook database');
    expect(stderr).toContain('left the file untouched');
    expect(readFileSync(join(dataDir, DATABASE_FILE)).equals(garbage)).toBe(true);
  });

  it('refuses a database from a newer version with a clear message', () => {
    const dataDir = tempDir();
    const db = new BetterSqlite3(join(dataDir, DATABASE_FILE));
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    const { code, stderr } = fieldbook(['demo', '--data-dir', dataDir]);
    expect(code).toBe(2);
    expect(stderr).toContain('written by a newer version of Fieldbook');
    expect(stderr).toContain('Update Fieldbook');
  });

  it('still opens the window when the database cannot be used, so the reason shows there too', async () => {
    const dataDir = tempDir();
    const garbage = Buffer.from('not a database\n'.repeat(300));
    writeFileSync(join(dataDir, DATABASE_FILE), garbage);
    const { child, url, stderr } = await startServe(dataDir);
    expect(stderr()).toContain('is damaged or is not a Fieldbook database');
    const response = await rawRequest(Number(url.port), {
      method: 'POST',
      path: '/api/call/entries.list',
      headers: { 'content-type': 'application/json', 'x-fieldbook-token': url.searchParams.get('token')! },
      body: '{}',
    });
    expect(response.status).toBe(503);
    expect(JSON.parse(response.body).error).toMatchObject({ code: 'store_corrupt', hint: expect.stringContaining('untouched') });
    child.kill('SIGTERM');
    expect(readFileSync(join(dataDir, DATABASE_FILE)).equals(garbage)).toBe(true);
  });

  it('reports a fieldbook on a read-only disk clearly, and leaves it as it was', () => {
    const dataDir = tempDir();
    expect(fieldbook(['demo', '--entries', '2', '--data-dir', dataDir]).code).toBe(0);
    const before = readFileSync(join(dataDir, DATABASE_FILE));
    const { code, stderr } = runOnReadOnlyDisk(dataDir, ['demo', '--entries', '1', '--data-dir', dataDir]);
    expect(stderr).toContain('read-only');
    expect(stderr).toContain('Choose a data folder you can write to');
    expect(code).toBe(2);
    expect(readFileSync(join(dataDir, DATABASE_FILE)).equals(before)).toBe(true);
  });

  it('reports an empty folder on a read-only disk clearly', () => {
    const dataDir = tempDir();
    const { code, stderr } = runOnReadOnlyDisk(dataDir, ['demo', '--data-dir', join(dataDir, 'fieldbook')]);
    expect(stderr).toContain('read-only');
    expect(code).toBe(2);
  });

  it('pack check passes a sound pack and names the rule and position of a broken one', () => {
    const dir = tempDir();
    expect(fieldbook(['pack', 'check', join(root, 'packs', 'baseline.yaml')])).toMatchObject({ code: 0, stdout: expect.stringContaining('all expressions check') });
    const broken = readFileSync(join(root, 'packs', 'baseline.yaml'), 'utf8').replace('check: entry.owner.size() > 1', 'check: entry.owner.size( > 1');
    writeFileSync(join(dir, 'broken.yaml'), broken);
    const { code, stderr } = fieldbook(['pack', 'check', join(dir, 'broken.yaml')]);
    expect(code).toBe(1);
    expect(stderr).toContain('rule owner-named, check:');
    expect(stderr).toMatch(/\^/);
  });

  it('pack keygen and pack sign make a signature the app accepts', () => {
    const dir = tempDir();
    expect(fieldbook(['pack', 'keygen', '--out', join(dir, 'keys')]).code).toBe(0);
    const pack = join(dir, 'pack.yaml');
    writeFileSync(pack, readFileSync(join(root, 'packs', 'baseline.yaml'), 'utf8').replace('id: fieldbook.baseline', 'id: contoso.it'));
    expect(fieldbook(['pack', 'sign', pack, '--key', join(dir, 'keys', 'publisher.key')])).toMatchObject({ code: 0, stdout: expect.stringContaining('.sig') });
    const book = openFieldbook({ dataDir: join(dir, 'data') });
    book.guidelines.trustPublisher('Contoso IT', readFileSync(join(dir, 'keys', 'publisher.pub'), 'utf8').trim());
    const imported = book.guidelines.importPack({ text: readFileSync(pack, 'utf8'), signature: readFileSync(`${pack}.sig`, 'utf8'), unsignedOwn: false });
    expect(imported).toMatchObject({ id: 'contoso.it', trust: 'signed' });
    book.close();
  });
});
