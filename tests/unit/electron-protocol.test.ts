/**
 * The app:// protocol handler (main/app/protocol.ts), run in Node with Node's own
 * Request/Response against a temporary renderer folder. Electron canonicalises URLs before
 * they reach `protocol.handle`; here the handler also gets the raw, uncanonicalised forms.
 * Not a substitute for the Electron suite in tests/electron/.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  createAppProtocolHandler,
  resolveAppRequest,
} from '../../main/app/protocol';

const SECRET = 'top secret outside the renderer folder';
let base: string;
let root: string;
let handle: ReturnType<typeof createAppProtocolHandler>;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'fieldbook-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Fieldbook</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log("hi")');
  writeFileSync(join(root, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(root, '.env'), 'SECRET=1');
  writeFileSync(join(base, 'secret.txt'), SECRET);
  mkdirSync(join(base, 'renderer-evil'));
  writeFileSync(join(base, 'renderer-evil', 'x.js'), SECRET);
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
  handle = createAppProtocolHandler({ root, log: () => undefined });
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

// A plain object, not Node's Request: Node refuses URLs with credentials, Electron may not.
const get = (url: string, method = 'GET') => handle({ url, method });

describe('files the app:// protocol serves', () => {
  it('serves index.html for the start URL and for the bare origin', async () => {
    for (const url of ['app://fieldbook/index.html', 'app://fieldbook/', 'app://fieldbook']) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('<title>Fieldbook</title>');
    }
  });

  it('serves scripts and styles with their content types', async () => {
    const script = await get('app://fieldbook/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const style = await get('app://fieldbook/assets/app.css?v=1#x');
    expect(style.status).toBe(200);
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers a missing file with 404, not with index.html (like the browser host)', async () => {
    expect((await get('app://fieldbook/assets/missing.js')).status).toBe(404);
    expect((await get('app://fieldbook/entries/123')).status).toBe(404);
    expect((await get('app://fieldbook/assets')).status).toBe(404); // a folder is not a file
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://fieldbook/index.html', 'POST')).status).toBe(405);
    const head = await get('app://fieldbook/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('the Content-Security-Policy header', () => {
  it('is the strict policy, on every response including errors', async () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
    for (const url of ['app://fieldbook/', 'app://fieldbook/assets/app.js', 'app://fieldbook/nope.js', 'app://evil/']) {
      const response = await get(url);
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
    }
  });
});

describe('requests the app:// protocol refuses', () => {
  it.each([
    'app://fieldbook/../../etc/passwd',
    'app://fieldbook/../secret.txt',
    'app://fieldbook/%2e%2e/%2e%2e/etc/passwd',
    'app://fieldbook/%2E%2E/secret.txt',
    'app://fieldbook/.%2e/secret.txt',
    'app://fieldbook/..%2f..%2fetc%2fpasswd',
    'app://fieldbook/..%2fsecret.txt',
    'app://fieldbook/%2e%2e%2fsecret.txt',
    'app://fieldbook/..%5csecret.txt',
    'app://fieldbook/assets/..%5c..%5csecret.txt',
    'app://fieldbook/%252e%252e/secret.txt',
    'app://fieldbook/..\\secret.txt',
    'app://fieldbook/%2fetc%2fpasswd',
    'app://fieldbook/C:%5cWindows%5cwin.ini',
    'app://fieldbook/assets/app.js%00.png',
    'app://fieldbook/../renderer-evil/x.js',
    'app://fieldbook/%E0%A4%A',
  ])('%s never serves anything outside the renderer folder', async (url) => {
    const response = await get(url);
    expect([400, 403, 404]).toContain(response.status);
    const body = await response.text();
    expect(body).not.toContain(SECRET);
    expect(body).not.toContain('root:');
  });

  it('refuses encoded separators and dot segments with 403 before touching the disk', () => {
    for (const url of [
      'app://fieldbook/..%2f..%2fetc%2fpasswd',
      'app://fieldbook/..%5csecret.txt',
      'app://fieldbook/%2e%2e%2fsecret.txt',
      'app://fieldbook/assets/app.js%00.png',
    ]) {
      expect(resolveAppRequest(url, root), url).toMatchObject({ kind: 'refused', status: 403 });
    }
  });

  it('keeps URL-normalised paths inside the renderer folder', () => {
    const resolution = resolveAppRequest('app://fieldbook/../../etc/passwd', root);
    expect(resolution).toEqual({ kind: 'file', filePath: join(root, 'etc', 'passwd') });
  });

  it.each([
    'app://evil/index.html',
    'app://fieldbook.evil/index.html',
    'app://evilfieldbook/index.html',
    'app://user@fieldbook/index.html',
    'app://user:pass@fieldbook/index.html',
    'app://fieldbook:8080/index.html',
    'app://localhost/index.html',
  ])('refuses other hosts: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('Fieldbook</title>');
  });

  it('refuses URLs that are not app:// at all', () => {
    expect(resolveAppRequest('https://fieldbook/index.html', root)).toMatchObject({ kind: 'refused', status: 400 });
    expect(resolveAppRequest('file:///etc/passwd', root)).toMatchObject({ kind: 'refused', status: 400 });
  });

  it('refuses dot-files such as .env', async () => {
    expect((await get('app://fieldbook/.env')).status).toBe(403);
  });

  it('refuses a symlink inside the renderer folder that points outside it', async () => {
    const response = await get('app://fieldbook/assets/link.txt');
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain(SECRET);
  });
});
