import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiRouter } from '../../main/api/router';
import { openFieldbook, type Fieldbook } from '../../main/core/fieldbook';
import { MAX_BODY_BYTES, startBrowserHost, type BrowserHost } from '../../main/host/browserHost';
import { rawRequest } from './helpers/http';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();
const running: { host: BrowserHost; book: Fieldbook }[] = [];
afterEach(async () => {
  for (const { host, book } of running.splice(0)) {
    await host.close();
    book.close();
  }
});

async function start() {
  const dir = tempDir();
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Fieldbook</title>');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer folder');
  const book = openFieldbook({ dataDir: join(dir, 'data') });
  const host = await startBrowserHost({ router: createApiRouter(book), rendererDir });
  running.push({ host, book });
  const cookie = `fieldbook-token-${host.port}=${host.token}`;
  const call = (method: string, input: unknown, headers: Record<string, string> = {}) =>
    rawRequest(host.port, {
      method: 'POST',
      path: `/api/call/${method}`,
      headers: { cookie, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(input),
    });
  return { host, book, cookie, call };
}

describe('the browser host is locked down', () => {
  it('listens on 127.0.0.1 only', async () => {
    const { host } = await start();
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  });

  it('refuses every request without the connection token', async () => {
    const { host } = await start();
    for (const path of ['/', '/index.html', '/api/events']) {
      expect((await rawRequest(host.port, { path })).status).toBe(401);
    }
    const call = await rawRequest(host.port, { method: 'POST', path: '/api/call/app.info', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(call.status).toBe(401);
  });

  it('refuses a wrong token', async () => {
    const { host } = await start();
    const response = await rawRequest(host.port, { headers: { cookie: `fieldbook-token-${host.port}=${'x'.repeat(32)}` } });
    expect(response.status).toBe(401);
    expect((await rawRequest(host.port, { path: '/?token=wrong' })).status).toBe(401);
  });

  it('trades the token in the link for an HttpOnly, same-site cookie and drops it from the address', async () => {
    const { host } = await start();
    const response = await rawRequest(host.port, { path: `/?token=${host.token}` });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/');
    expect(String(response.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict; Path=\//);
  });

  it('serves the app with its token, with a strict content security policy', async () => {
    const { host, cookie } = await start();
    const response = await rawRequest(host.port, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.body).toContain('<title>Fieldbook</title>');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a foreign Host header even with the token (DNS rebinding)', async () => {
    const { host, cookie } = await start();
    const response = await rawRequest(host.port, { headers: { cookie, host: `evil.example:${host.port}` } });
    expect(response.status).toBe(403);
  });

  it('refuses requests sent from another site', async () => {
    const { call } = await start();
    expect((await call('app.info', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await call('app.info', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('refuses an oversized body and changes nothing', async () => {
    const { call, book } = await start();
    const response = await call('entries.create', { fields: { name: 'x', kind: 'other', notes: 'n'.repeat(MAX_BODY_BYTES) } });
    expect(response.status).toBe(413);
    expect(book.entries.list({ query: '', kinds: [], criticalities: [], sensitivities: [], lifecycles: [], tags: [], sortBy: 'name', sortDirection: 'asc', offset: 0, limit: 10 }).total).toBe(0);
  });

  it('takes a large body only for restoring a backup', async () => {
    const { call } = await start();
    const big = { text: ' '.repeat(2 * MAX_BODY_BYTES) };
    expect((await call('entries.create', { fields: { name: 'x', kind: 'other' }, padding: big.text })).status).toBe(413);
    const preview = await call('import.preview', big);
    expect(preview.status).toBe(400);
    expect(JSON.parse(preview.body).error.code).toBe('invalid_input');
  });

  it('refuses a body that is not JSON', async () => {
    const { host, cookie } = await start();
    const form = await rawRequest(host.port, { method: 'POST', path: '/api/call/app.info', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect(form.status).toBe(415);
    const broken = await rawRequest(host.port, { method: 'POST', path: '/api/call/app.info', headers: { cookie, 'content-type': 'application/json' }, body: '{not json' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('does not serve files outside the app folder', async () => {
    const { host, cookie } = await start();
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt']) {
      const response = await rawRequest(host.port, { path, headers: { cookie } });
      expect(response.status, path).toBe(404);
      expect(response.body).not.toContain('outside the renderer folder');
    }
  });
});

describe('the API over HTTP', () => {
  it('answers a valid call', async () => {
    const { call } = await start();
    const response = await call('entries.create', { fields: { name: 'Pricing workbook', kind: 'spreadsheet' } });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { name: 'Pricing workbook', revision: 1 } });
  });

  it('an invalid request gets a clear error and changes nothing', async () => {
    const { call, book } = await start();
    const created = JSON.parse((await call('entries.create', { fields: { name: 'Budget', kind: 'spreadsheet' } })).body).value;
    const bad = await call('entries.update', { id: created.id, changes: { kind: 'spaceship' } });
    expect(bad.status).toBe(400);
    const error = JSON.parse(bad.body).error;
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/kind/);
    expect(error.hint).toMatch(/Nothing was changed/);
    expect(book.entries.get(created.id)).toEqual(created);
    expect((await call('entries.delete', { id: 'not-a-uuid' })).status).toBe(400);
    expect((await call('entries.nuke', {})).status).toBe(404);
  });

  it('pushes changes to open windows as server-sent events', async () => {
    const { host, cookie, call } = await start();
    const received = new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: host.port, path: '/api/events', headers: { cookie, host: `127.0.0.1:${host.port}` } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString('utf8');
          const at = text.indexOf('event: entries.changed');
          if (at >= 0 && text.includes('\n\n', at)) {
            resolve(text);
            req.destroy();
          }
        });
        res.once('data', () => void call('entries.create', { fields: { name: 'Merge script', kind: 'script' } }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(await received).toMatch(/event: entries\.changed\ndata: \{"ids":\["[0-9a-f-]{36}"\],"action":"created"\}/);
  });
});
