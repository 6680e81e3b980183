import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FilePreview } from '../../shared/contract';
import { MAX_COPY_BYTES } from '../../shared/droppedCopy';
import { createApiRouter } from '../../main/api/router';
import { openFieldbook, type Fieldbook } from '../../main/core/fieldbook';
import { previewCopy } from '../../main/core/files/previewCopy';
import { inspectInThread } from '../../main/core/inspect/inspectInThread';
import { startBrowserHost, type BrowserHost } from '../../main/host/browserHost';
import { rawRequest } from './helpers/http';
import { writeWorkbook } from './inspect-fixtures';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();
const open: Fieldbook[] = [];
afterEach(async () => {
  for (const book of open.splice(0)) {
    await book.files.close();
    book.close();
  }
});

function customerWorkbook(): Buffer {
  const path = writeWorkbook(tempDir(), 'source.xlsx', {
    sheets: [{ name: 'Customers', rows: [['Name', 'Email'], ['Anna Berg', 'anna.berg@example.com'], ['Jon Moe', 'jon.moe@example.org']] }],
  });
  return readFileSync(path);
}

const asCopy = (name: string, bytes: Buffer) => ({ name, bytes: bytes.length, base64: bytes.toString('base64') });
const copiesLeft = () => readdirSync(tmpdir()).filter((name) => name.startsWith('fieldbook-copy-'));

describe('a dropped file whose location is unknown is read from a private copy', () => {
  it('finds what is in it and suggests an entry, but names no location and no file to keep', async () => {
    const book = openFieldbook({ dataDir: tempDir() });
    open.push(book);
    const answer = await createApiRouter(book).call('files.previewCopy', asCopy('Customer list 2026.xlsx', customerWorkbook()));
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    const preview = answer.value as FilePreview;
    expect(preview.path).toBe('');
    expect(preview.result).toMatchObject({ path: 'Customer list 2026.xlsx', format: 'xlsx', error: null, fileModified: null });
    expect(preview.result.personalData).toEqual([{ kind: 'email', sheet: 'Customers', column: 'B', count: 2 }]);
    expect(preview.suggestion).toMatchObject({ name: 'Customer list 2026', kind: 'spreadsheet', files: [], locations: [] });
    expect(preview.summary).toMatch(/1 sheet/);
    expect(JSON.stringify(preview)).not.toContain('fieldbook-copy-');
  });

  it('writes the copy readable by this user only, and deletes it as soon as it was read', async () => {
    let seen: { path: string; fileMode: number; folderMode: number } | null = null;
    const preview = await previewCopy(async (path) => {
      seen = { path, fileMode: statSync(path).mode & 0o777, folderMode: statSync(dirname(path)).mode & 0o777 };
      return inspectInThread(path);
    }, asCopy('Pricing.xlsm', customerWorkbook()));
    expect(seen).not.toBeNull();
    const { path, fileMode, folderMode } = seen!;
    expect(dirname(dirname(path))).toBe(tmpdir());
    expect(path.endsWith('.xlsm')).toBe(true);
    expect(fileMode).toBe(0o600);
    expect(folderMode).toBe(0o700);
    expect(existsSync(dirname(path))).toBe(false);
    expect(preview.result.format).toBe('xlsm');
  });

  it('deletes the copy even when reading it fails', async () => {
    let folder = '';
    const before = copiesLeft();
    await expect(
      previewCopy(async (path) => {
        folder = dirname(path);
        throw new Error('the reader broke');
      }, asCopy('Broken.xlsx', Buffer.from('not a workbook'))),
    ).rejects.toThrow('the reader broke');
    expect(folder).not.toBe('');
    expect(existsSync(folder)).toBe(false);
    expect(copiesLeft()).toEqual(before);
  });

  it('keeps only a plain extension from the name: a name cannot place the copy anywhere else', async () => {
    let path = '';
    await previewCopy(async (copyPath) => {
      path = copyPath;
      return inspectInThread(copyPath);
    }, asCopy('..\u2215..\u2215evil.x$l', Buffer.from('a,b\n1,2\n')));
    expect(path).toBe(join(dirname(path), 'copy'));
  });
});

describe('a dropped copy that is not right gets a clear answer', () => {
  it('a copy that arrived cut short says so and what to do', async () => {
    const book = openFieldbook({ dataDir: tempDir() });
    open.push(book);
    const bytes = customerWorkbook();
    const answer = await createApiRouter(book).call('files.previewCopy', { name: 'Pricing.xlsx', bytes: bytes.length, base64: bytes.subarray(0, 100).toString('base64') });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input', message: `Only 100 of the ${bytes.length.toLocaleString('en')} bytes of “Pricing.xlsx” arrived.`, hint: 'Drop the file again, or type its path instead.' } });
  });

  it('a name with a folder in it, or a file over the size limit, is refused with the reason', async () => {
    const book = openFieldbook({ dataDir: tempDir() });
    open.push(book);
    const router = createApiRouter(book);
    const withFolder = await router.call('files.previewCopy', { name: 'C:\\Users\\anna\\Pricing.xlsx', bytes: 1, base64: 'eA==' });
    expect(withFolder).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!withFolder.ok && withFolder.error.message).toMatch(/file’s name only, without a folder/);
    const tooLarge = await router.call('files.previewCopy', { name: 'Huge.xlsx', bytes: MAX_COPY_BYTES + 1, base64: '' });
    expect(!tooLarge.ok && tooLarge.error.message).toMatch(/at most 100 MB\. Type the file’s path instead/);
  });

  it('an empty dropped file is read like any empty file: the result says it is empty', async () => {
    const book = openFieldbook({ dataDir: tempDir() });
    open.push(book);
    const answer = await createApiRouter(book).call('files.previewCopy', asCopy('Empty.xlsx', Buffer.alloc(0)));
    expect(answer).toMatchObject({ ok: true, value: { result: { error: { code: 'empty' } } } });
  });
});

describe('through the browser host', () => {
  let host: BrowserHost | null = null;
  afterEach(async () => {
    await host?.close();
    host = null;
  });

  it('a copy larger than the 1 MiB of an ordinary call is accepted, and read', async () => {
    const dir = tempDir();
    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Fieldbook</title>');
    const book = openFieldbook({ dataDir: join(dir, 'data') });
    open.push(book);
    host = await startBrowserHost({ router: createApiRouter(book), rendererDir });
    // 3 MiB of CSV rows: over the ordinary limit once in base64.
    const csv = Buffer.from('name,email\n' + 'Anna Berg,anna.berg@example.com\n'.repeat(100_000));
    const response = await rawRequest(host.port, {
      method: 'POST',
      path: '/api/call/files.previewCopy',
      headers: { cookie: `fieldbook-token-${host.port}=${host.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(asCopy('export.csv', csv)),
    });
    expect(response.status).toBe(200);
    const body = JSON.parse(response.body) as { ok: true; value: { result: { format: string; personalData: { count: number }[] } } };
    expect(body.value.result.format).toBe('csv');
    expect(body.value.result.personalData[0]?.count).toBe(100_000);
  });
});
