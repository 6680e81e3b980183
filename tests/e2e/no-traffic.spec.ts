import { copyFile, mkdtemp, mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHost, stopHost } from './fieldbookHost';

/**
 * Trust before reporting: a whole session of Fieldbook work without a hub makes no connection
 * except on loopback. The Fieldbook process runs with a spy (netSpy.mjs) that records every
 * outgoing connection and name lookup, in the main thread and in the inspection workers.
 */

const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus');
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

interface SpyRecord {
  kind: 'tcp' | 'ipc' | 'lookup' | 'udp';
  host?: string;
  thread: string;
}

async function call(page: Page, method: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  return page.evaluate(
    async ({ method, input }) => {
      const response = await fetch(`/api/call/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
      return response.json();
    },
    { method, input },
  );
}

async function spyRecords(logFile: string): Promise<SpyRecord[]> {
  const text = await readFile(logFile, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as SpyRecord);
}

test('a whole session without a hub connects to nothing but loopback', async ({ page }) => {
  test.setTimeout(120_000);
  const dataDir = await mkdtemp(join(tmpdir(), 'fieldbook-no-traffic-'));
  const logFile = join(dataDir, 'net-spy.log');
  const files = join(dataDir, 'team-share');
  await mkdir(files);
  for (const name of ['oletools/autostart-encrypt-standardpassword.xlsm', 'mdb-reader/V1997.mdb', 'detect-secrets/each_secret.py']) {
    await copyFile(join(CORPUS, name), join(files, name.split('/')[1]!));
  }
  const host = await startHost(dataDir, { nodeArgs: ['--import', resolve(import.meta.dirname, 'netSpy.mjs')], env: { FIELDBOOK_NET_SPY_LOG: logFile } });
  try {
    await page.goto(host.url);
    await expect(page.getByRole('navigation')).toBeVisible();

    // Document: entries with files Fieldbook reads; edit, delete and restore one.
    const preview = await call(page, 'files.preview', { paths: [join(files, 'autostart-encrypt-standardpassword.xlsm')] });
    expect(preview.ok).toBe(true);
    const created = await call(page, 'entries.create', { fields: { name: 'Pricing', kind: 'spreadsheet', files: [join(files, 'autostart-encrypt-standardpassword.xlsm')] } });
    const id = (created.value as { id: string }).id;
    await call(page, 'entries.create', { fields: { name: 'Returns', kind: 'database', files: [join(files, 'V1997.mdb')] } });
    await call(page, 'entries.update', { id, changes: { purpose: 'Prices for the sales team', criticality: 'high' } });
    expect((await call(page, 'files.refresh', { id, force: true })).ok).toBe(true);
    await call(page, 'entries.delete', { id });
    await call(page, 'entries.restore', { id });

    // Check: findings, the guidelines in force.
    expect((await call(page, 'guidelines.findings', { id })).ok).toBe(true);
    expect((await call(page, 'guidelines.rules', {})).ok).toBe(true);

    // Find tools in a folder, and wait for the scan to end.
    const scan = (await call(page, 'discover.start', { folder: files })).value as { scanId: string };
    await expect.poll(async () => ((await call(page, 'discover.results', { scanId: scan.scanId })).value as { status: { state: string } }).status.state, { timeout: 30_000 }).not.toBe('running');

    // Export every text format, and import the JSON back.
    for (const format of ['md', 'html', 'csv', 'json']) expect((await call(page, 'export.render', { format })).ok).toBe(true);
    const json = (await call(page, 'export.render', { format: 'json' })).value as { content: string };
    expect((await call(page, 'import.preview', { text: json.content })).ok).toBe(true);

    // Every screen of the app, and the sharing overview while not connected.
    for (const route of ['#/', '#/entries', '#/guidelines', '#/discover', '#/export', '#/sharing', '#/settings']) {
      await page.goto(`${host.url.split('?')[0]}${route}`);
      await expect(page.getByRole('main')).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
    expect(((await call(page, 'sharing.overview', {})).value as { status: { state: string } }).status.state).toBe('not-connected');

    const records = await spyRecords(logFile);
    const elsewhere = records.filter((record) => (record.kind === 'tcp' || record.kind === 'lookup' ? !LOOPBACK.has(record.host ?? '') : record.kind === 'udp'));
    expect(elsewhere, 'connections other than loopback').toEqual([]);

    // The spy does see traffic: connecting to a hub (a name that cannot resolve) is the first
    // time Fieldbook looks beyond this machine, and only because the user asked.
    const connect = await call(page, 'sharing.connect', { url: 'https://hub.example.invalid', code: 'ABCD-EFGH', deviceName: 'laptop' });
    expect(connect.error?.code).toBe('hub_unavailable');
    const after = await spyRecords(logFile);
    expect(after.some((record) => record.kind === 'lookup' && record.host === 'hub.example.invalid')).toBe(true);
  } finally {
    await stopHost(host);
    await rm(dataDir, { recursive: true, force: true });
  }
});
