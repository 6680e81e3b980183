import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/**
 * IT staff use the hub's web view in Chromium: sign in with a staff token, filter the shared
 * portfolio, open an entry, comment. The hub is the real `fieldbook-hub serve` on a fresh SQLite
 * folder; a device enrolls and shares over the hub's HTTP API, as the desktop app does.
 */

const root = resolve(import.meta.dirname, '../..');
const hubBin = resolve(root, 'hub/bin/fieldbook-hub.js');
const READY = /Fieldbook hub is running at (http:\/\/127\.0\.0\.1:\d+)/;

async function hubCommand(dataDir: string, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [hubBin, ...args, '--data-dir', dataDir], { cwd: root, timeout: 30_000 });
  return stdout.trim();
}

function serveHub(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [hubBin, 'serve', '--port', '0', '--quiet', '--data-dir', dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`fieldbook-hub serve did not start within 20 s.\n${stderr}`));
    }, 20_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = READY.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePromise({ url: match[1], child });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`fieldbook-hub serve stopped before it was ready (exit code ${code}).\n${stderr}`));
    });
  });
}

async function stopHub(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolvePromise) => child.once('exit', () => resolvePromise()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

async function api(url: string, method: string, path: string, token: string | null, body?: unknown) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** axe with the WCAG 2.0/2.1/2.2 A and AA rules and best practices, in light and dark: zero violations allowed. */
async function expectNoViolations(page: Page): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    expect(results.violations, `axe in the ${colorScheme} scheme`).toEqual([]);
  }
}

test('IT signs in, filters the shared portfolio, opens an entry and comments; the device receives the comment', async ({ page }) => {
  if (!existsSync(resolve(root, 'out/main/hub.js'))) throw new Error('out/main/hub.js is missing. Run "npm run build" before the end-to-end tests.');
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`Uncaught error in the page: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`Console error: ${message.text()}`);
  });

  const dataDir = await mkdtemp(join(tmpdir(), 'fieldbook-hub-e2e-'));
  const staffToken = await hubCommand(dataDir, 'staff', 'add', 'Ines from IT');
  const code = await hubCommand(dataDir, 'enroll');
  const hub = await serveHub(dataDir);
  try {
    const device = (await api(hub.url, 'POST', '/v1/enroll', null, { code, deviceName: 'Anna’s laptop' })) as { token: string };
    const pricer = randomUUID();
    const share = (entryId: string, fields: Record<string, unknown>, findings?: unknown[]) =>
      api(hub.url, 'PUT', `/v1/entries/${entryId}`, device.token, {
        revision: 1,
        sharedAt: new Date().toISOString(),
        payload: { format: 'fieldbook.share/1', entryId, entryRevision: 4, updatedAt: new Date().toISOString(), fields, ...(findings ? { findings } : {}) },
      });
    await share(pricer, { name: 'Quote pricer', kind: 'spreadsheet', owner: 'Anna Berg', criticality: 'high', sensitivity: 'confidential' }, [
      { packId: 'fieldbook.baseline', packVersion: '1.0.0', ruleId: 'backup-owner', title: 'Important tools have a backup owner', severity: 'important', outcome: 'not-met', setAsideReason: null, setAsideUntil: null },
      { packId: 'fieldbook.baseline', packVersion: '1.0.0', ruleId: 'macros', title: 'Macros are signed', severity: 'recommended', outcome: 'set-aside', setAsideReason: 'Runs only on the finance share.', setAsideUntil: null },
    ]);
    await share(randomUUID(), { name: 'Staff rota', kind: 'spreadsheet', criticality: 'low', team: 'Warehouse' });
    await share(randomUUID(), { name: '<script>alert(1)</script> survey', kind: 'saas', criticality: 'medium' });

    await page.goto(hub.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to the Fieldbook hub' })).toBeVisible();
    await page.getByLabel('Staff token').fill('fbs_not-the-right-token-000000000000000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('This staff token is not valid');
    await expectNoViolations(page);

    await page.getByLabel('Staff token').fill(staffToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Shared portfolio' })).toBeVisible();
    await expect(page.getByText('Signed in as Ines from IT')).toBeVisible();
    const rows = page.getByRole('table').getByRole('row');
    await expect(rows).toHaveCount(4); // a header and three entries
    await expect(page.getByRole('rowheader', { name: '<script>alert(1)</script> survey' })).toBeVisible();
    await expectNoViolations(page);

    await page.getByLabel('Criticality').selectOption({ label: 'High' });
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page.getByRole('status')).toHaveText('1 of 3 shared entries match these filters.');
    await expect(rows).toHaveCount(2);
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await page.getByLabel('Only entries with guidelines not met yet or needing info').check();
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(rows).toHaveCount(2);
    await page.getByRole('searchbox', { name: 'Search' }).fill('warehouse');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page.getByRole('status')).toContainText('No shared entry matches these filters.');
    await page.getByRole('link', { name: 'Clear filters' }).click();

    await page.getByRole('link', { name: 'Quote pricer' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Quote pricer' })).toBeVisible();
    await expect(page.getByRole('row', { name: /Important tools have a backup owner.*Not met yet/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /Macros are signed.*Runs only on the finance share\./ })).toBeVisible();
    await expect(page.getByText('Revision 1 shared')).toBeVisible();
    await expectNoViolations(page);

    await page.getByLabel('Add a comment').fill('Could Marco be the backup owner? Happy to help set it up.');
    await page.getByRole('button', { name: 'Add comment' }).click();
    await expect(page.getByRole('status')).toContainText('Your comment was added.');
    await expect(page.getByRole('region', { name: 'Comments from IT' })).toContainText('Could Marco be the backup owner? Happy to help set it up.');
    await expectNoViolations(page);

    const changes = (await api(hub.url, 'GET', '/v1/changes?cursor=0', device.token)) as { changes: { kind: string; comment: { entryId: string; text: string; author: string } }[] };
    expect(changes.changes.map((change) => [change.comment.entryId, change.comment.author, change.comment.text])).toEqual([
      [pricer, 'Ines from IT', 'Could Marco be the backup owner? Happy to help set it up.'],
    ]);

    // The portfolio as one HTML document (the desktop's own renderer): opened as a file would be, and scanned too.
    const exported = await page.request.get(`${hub.url}/web/export.html`);
    expect(exported.status()).toBe(200);
    expect(exported.headers()['content-disposition']).toMatch(/^attachment; filename="fieldbook-hub-portfolio-.*\.html"$/);
    const portfolioPage = await page.context().newPage();
    await portfolioPage.setContent(await exported.text());
    await expect(portfolioPage.getByRole('heading', { level: 1, name: 'IT’s shared portfolio' })).toBeVisible();
    await expect(portfolioPage.getByRole('heading', { level: 2, name: '<script>alert(1)</script> survey' })).toBeVisible();
    await expectNoViolations(portfolioPage);
    await portfolioPage.close();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('status')).toHaveText('You are signed out.');
    await page.goto(`${hub.url}/web/`);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to the Fieldbook hub' })).toBeVisible();
  } finally {
    await stopHub(hub.child);
    await rm(dataDir, { recursive: true, force: true });
  }
  // The bad sign-in answers 401, which Chromium logs as a failed resource load: that one is expected.
  expect(problems.filter((problem) => !/status of 401/.test(problem))).toEqual([]);
});
