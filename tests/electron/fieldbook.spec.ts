/**
 * Fieldbook in real Electron: the window loads from app://fieldbook, the page is isolated and
 * sandboxed as seen from outside, and an entry made through window.fieldbook reaches the store
 * and the UI. Skips (with the reason) where no Electron binary exists.
 */
import { expect, test } from '@playwright/test';
import { launchFieldbook, lookup, SKIP_REASON, type LaunchedFieldbook } from './electronApp';

test.skip(!lookup.binary, SKIP_REASON);

let fieldbook: LaunchedFieldbook;

test.beforeEach(async () => {
  fieldbook = await launchFieldbook();
});

test.afterEach(async () => {
  await fieldbook?.close();
});

test('the window opens on the home view, served from app://fieldbook', async () => {
  const { page } = fieldbook;
  expect(new URL(page.url()).origin).toBe('app://fieldbook');
  await expect(page).toHaveTitle(/Fieldbook/);
  await expect(page.getByRole('main')).toBeVisible();
});

test('the page has no Node and sees only two functions on window.fieldbook', async () => {
  const seen = await fieldbook.page.evaluate(() => {
    const scope = window as unknown as Record<string, unknown>;
    const bridge = scope.fieldbook as Record<string, unknown>;
    return {
      require: typeof scope.require,
      process: typeof scope.process,
      module: typeof scope.module,
      ipcRenderer: typeof scope.ipcRenderer,
      electron: typeof scope.electron,
      bridge: Object.entries(bridge).map(([key, value]) => [key, typeof value]),
    };
  });
  expect(seen).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    ipcRenderer: 'undefined',
    electron: 'undefined',
    bridge: [
      ['call', 'function'],
      ['on', 'function'],
      ['pathForFile', 'function'],
    ],
  });
});

test('every page response carries the Content-Security-Policy', async () => {
  const csp = await fieldbook.page.evaluate(async () => (await fetch('app://fieldbook/index.html')).headers.get('content-security-policy'));
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
});

test('an entry created through window.fieldbook is stored and shows up in the window', async () => {
  const { page } = fieldbook;
  const created = await page.evaluate(() => {
    const bridge = (window as unknown as { fieldbook: import('../../shared/contract').FieldbookBridge }).fieldbook;
    return bridge.call('entries.create', { fields: { name: 'Electron suite workbook', kind: 'spreadsheet' } });
  });
  expect(created).toMatchObject({ ok: true, value: { name: 'Electron suite workbook' } });

  const listed = await page.evaluate(() => {
    const bridge = (window as unknown as { fieldbook: import('../../shared/contract').FieldbookBridge }).fieldbook;
    return bridge.call('entries.list', { query: 'Electron suite' });
  });
  expect(listed).toMatchObject({ ok: true, value: { total: 1 } });
  await expect(page.getByText('Electron suite workbook').first()).toBeVisible();
});

test('an unknown method is refused by the preload before it reaches the main process', async () => {
  const result = await fieldbook.page.evaluate(() => {
    const bridge = (window as unknown as { fieldbook: { call: (method: string, input: unknown) => Promise<unknown> } }).fieldbook;
    return bridge.call('entries.dropAll', {});
  });
  expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
});

test('the window cannot be navigated away from Fieldbook or open new windows', async () => {
  const { app, page } = fieldbook;
  const denied = await page.evaluate(() => window.open('app://fieldbook/index.html') === null);
  expect(denied).toBe(true); // setWindowOpenHandler said deny
  await page.evaluate(() => {
    window.location.href = 'file:///etc/passwd';
  });
  await page.waitForLoadState('domcontentloaded');
  expect(new URL(page.url()).origin).toBe('app://fieldbook');
  expect(app.windows()).toHaveLength(1);
});
