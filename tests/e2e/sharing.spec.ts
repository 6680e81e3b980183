import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createEntries, expectSaved } from './helpers';
import { hubApi, hubCommand, startHub, stopHub, type RunningHub } from './sharingHub';

/**
 * Sharing with IT through the real UI in Chromium, against a real `fieldbook-hub serve` (SQLite)
 * and the real browser host. What the hub holds is read back through its API with an IT staff
 * token, as IT's web view would.
 */

let hub: RunningHub;
let staffToken: string;

test.beforeAll(async () => {
  hub = await startHub();
  staffToken = await hubCommand(hub, ['staff', 'add', 'Ines']);
});

test.afterAll(async () => {
  await stopHub(hub);
});

async function expectNoViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  expect(results.violations).toEqual([]);
}

async function openSharing(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sharing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sharing' })).toBeVisible();
}

async function connect(page: Page, code: string): Promise<void> {
  await openSharing(page);
  await page.getByLabel('Hub address').fill(hub.url);
  await page.getByLabel('Enrollment code').fill(code);
  await page.getByLabel('A name for this computer').fill('Anna’s laptop');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('region', { name: 'IT’s hub' })).toContainText(hub.url);
  await expect(page.getByRole('region', { name: 'IT’s hub' }).getByRole('status')).toContainText('Up to date');
}

async function openEntrySharing(page: Page, id: string): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, `#/entries/${id}/sharing`);
  await expect(page.getByRole('tab', { name: 'Sharing', selected: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Sharing with IT' })).toBeVisible();
}

function shareState(page: Page) {
  return page.locator('.sharing-state');
}

const PRIVATE_NOTE = 'the margin trick in column K';
/** The button asking the hub now: "Check now" while all is well, "Try again now" after a failed attempt (a slow machine). */
const CHECK_NOW = /^(Check now|Try again now)$/;

test('connect, share with a preview, review changes, read IT’s comment, withdraw', async ({ page, fieldbook }) => {
  void fieldbook;
  const [id] = await createEntries(page, [
    { name: 'Pricing workbook', kind: 'spreadsheet', purpose: 'Prices every quote.', owner: 'Anna Berg', notes: PRIVATE_NOTE },
  ]);
  const code = await hubCommand(hub, ['enroll']);

  // Before connecting: nothing leaves, and the screen says so.
  await openSharing(page);
  await expect(page.getByRole('region', { name: 'Nothing leaves this computer yet' })).toBeVisible();
  await connect(page, code);
  await expect(page.getByRole('region', { name: 'IT’s hub' })).toContainText('only your user account can read');
  await expect(page.getByRole('region', { name: 'What you shared' })).toContainText('Nothing yet');

  // Share with a preview: the notes are private by default; she keeps the owner private too.
  await openEntrySharing(page, id!);
  await expect(shareState(page)).toHaveText('Not shared');
  await page.getByRole('button', { name: 'Share with IT…' }).click();
  const preview = page.getByRole('region', { name: 'What IT will receive' });
  const parts = preview.getByRole('list', { name: 'What IT will receive, part by part' });
  await expect(parts).toContainText('Prices every quote.');
  await expect(parts).toContainText('Anna Berg');
  await expect(parts).not.toContainText(PRIVATE_NOTE);
  await expect(preview.getByRole('checkbox', { name: 'Keep private: Notes' })).toBeChecked();
  await preview.getByRole('checkbox', { name: 'Keep private: Owner' }).check();
  await expect(parts).not.toContainText('Anna Berg');
  await expect(parts.getByRole('listitem').filter({ hasText: /^Owner/ })).toContainText('Kept private — not sent');
  await preview.getByText('The exact data sent').click();
  const previewed = JSON.parse(await preview.locator('pre').innerText()) as { fields: Record<string, unknown> };
  expect(previewed.fields.notes).toBeUndefined();
  expect(previewed.fields.owner).toBeUndefined();
  await preview.getByRole('button', { name: 'Send to IT' }).click();
  await expect(shareState(page)).toHaveText(/^Shared · sent \d/);

  // The hub holds exactly what the preview showed, without the private parts.
  let onHub = await hubApi(hub, 'GET', `/v1/entries/${id}`, staffToken);
  expect(onHub.status).toBe(200);
  expect(onHub.body.payload).toEqual(previewed);
  expect(JSON.stringify(onHub.body)).not.toContain(PRIVATE_NOTE);
  expect(JSON.stringify(onHub.body)).not.toContain('Anna Berg');

  // An edit waits as "changes not yet shared" until she reviews and sends it.
  await page.getByRole('tab', { name: 'Details' }).click();
  await page.getByLabel('What does it do?').fill('Prices every quote, with discounts.');
  await expectSaved(page);
  await page.getByRole('tab', { name: 'Sharing' }).click();
  await expect(shareState(page)).toHaveText('Changes not yet shared');
  expect((await hubApi(hub, 'GET', `/v1/entries/${id}`, staffToken)).body.payload.fields.purpose).toBe('Prices every quote.');
  await page.getByRole('button', { name: 'Review changes…' }).click();
  const changes = page.getByRole('list', { name: 'What changed since you last shared' });
  await expect(changes.getByRole('listitem')).toHaveCount(1);
  await expect(changes).toContainText('What it does');
  await expect(changes).toContainText('Was: Prices every quote.');
  await expect(changes).toContainText('Now: Prices every quote, with discounts.');
  await page.getByRole('button', { name: 'Send these changes' }).click();
  await expect(shareState(page)).toHaveText(/^Shared · sent \d/);
  onHub = await hubApi(hub, 'GET', `/v1/entries/${id}`, staffToken);
  expect(onHub.body.revision).toBe(2);
  expect(onHub.body.payload.fields.purpose).toBe('Prices every quote, with discounts.');
  expect(onHub.body.payload.fields.owner).toBeUndefined();

  // Home shows the share status in one line.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('region', { name: 'Sharing with IT' })).toContainText('Up to date');
  await expect(page.getByRole('region', { name: 'Sharing with IT' })).toContainText('1 entry shared');

  // IT replies; she asks the hub now and reads it on the Sharing screen and on the entry.
  expect((await hubApi(hub, 'POST', `/v1/entries/${id}/comments`, staffToken, { text: 'Could Ben be the backup owner?' })).status).toBe(201);
  await openSharing(page);
  await page.getByRole('button', { name: CHECK_NOW }).click();
  await expect(page.getByRole('region', { name: 'IT’s recent comments' })).toContainText('Could Ben be the backup owner?');
  await expect(page.getByRole('region', { name: 'What you shared' })).toContainText('1 comment from IT');
  await page.getByRole('region', { name: 'What you shared' }).getByRole('link', { name: 'Pricing workbook' }).click();
  await expect(page.getByRole('region', { name: 'IT’s comments' })).toContainText('Ines');
  await expect(page.getByRole('region', { name: 'IT’s comments' })).toContainText('Could Ben be the backup owner?');

  // Withdraw, after a question that says what the hub keeps: the hub deletes the content.
  await page.getByRole('button', { name: 'Withdraw…' }).click();
  const question = page.getByRole('group', { name: /Withdraw “Pricing workbook” from IT’s hub\?/ });
  await expect(question).toContainText('keeps only the fact that it was withdrawn');
  await question.getByRole('button', { name: 'Withdraw from IT’s hub' }).click();
  await expect(shareState(page)).toHaveText('Withdrawn');
  onHub = await hubApi(hub, 'GET', `/v1/entries/${id}`, staffToken);
  expect(onHub.body.withdrawn).toBe(true);
  expect(onHub.body.payload).toBeNull();
  await expect(page.getByRole('button', { name: 'Share with IT again…' })).toBeVisible();
});

test('a refused enrollment code says what happened and what to do, and nothing is connected', async ({ page, fieldbook }) => {
  void fieldbook;
  await openSharing(page);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByLabel('Hub address')).toBeFocused();
  await expect(page.getByText('Type the enrollment code IT gave you.')).toBeVisible();

  await page.getByLabel('Hub address').fill(hub.url);
  await page.getByLabel('Enrollment code').fill('WRONG-CODE');
  await page.getByLabel('A name for this computer').fill('Anna’s laptop');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Not connected.' });
  await expect(alert).toContainText('did not accept the enrollment code');
  await expect(alert).toContainText('ask IT for a new one');
  await expect(page.getByRole('region', { name: 'Nothing leaves this computer yet' })).toBeVisible();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the Sharing screen and an entry’s Sharing tab have no accessibility violations (${colorScheme})`, async ({ page, fieldbook }) => {
    void fieldbook;
    // Five axe scans and a dozen steps: more than the default minute on a busy 2-core machine.
    test.slow();
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    const [id] = await createEntries(page, [
      { name: 'Returns database', kind: 'database', purpose: 'Tracks returns.', criticality: 'high', dataCategories: ['customer'] },
    ]);
    await openSharing(page);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.getByText('Type the enrollment code IT gave you.')).toBeVisible();
    await expectNoViolations(page);

    await connect(page, await hubCommand(hub, ['enroll']));
    await openEntrySharing(page, id!);
    await expectNoViolations(page);
    await page.getByRole('button', { name: 'Share with IT…' }).click();
    const preview = page.getByRole('region', { name: 'What IT will receive' });
    await expect(preview.getByRole('list', { name: 'What IT will receive, part by part' })).toContainText('Tracks returns.');
    await preview.getByText('The exact data sent').click();
    await expectNoViolations(page);
    await preview.getByRole('button', { name: 'Send to IT' }).click();
    await expect(shareState(page)).toHaveText(/^Shared · sent \d/);

    await page.getByRole('tab', { name: 'Details' }).click();
    await page.getByLabel('What does it do?').fill('Tracks returns and refunds.');
    await expectSaved(page);
    await page.getByRole('tab', { name: 'Sharing' }).click();
    await page.getByRole('button', { name: 'Review changes…' }).click();
    await expect(page.getByRole('list', { name: 'What changed since you last shared' })).toBeVisible();
    await expectNoViolations(page);
    await page.getByRole('button', { name: 'Cancel' }).click();

    await hubApi(hub, 'POST', `/v1/entries/${id}/comments`, staffToken, { text: 'Thanks, this helps.' });
    await openSharing(page);
    await page.getByRole('button', { name: CHECK_NOW }).click();
    await expect(page.getByRole('region', { name: 'IT’s recent comments' })).toContainText('Thanks, this helps.');
    await page.getByRole('button', { name: 'Disconnect…' }).click();
    await expect(page.getByRole('group', { name: /Disconnect from IT’s hub\?/ })).toContainText('stays on IT’s hub until it is withdrawn');
    await expectNoViolations(page);

    await openEntrySharing(page, id!);
    await expect(page.getByRole('region', { name: 'IT’s comments' })).toContainText('Thanks, this helps.');
    await page.getByRole('button', { name: 'Withdraw…' }).click();
    await expectNoViolations(page);
  });
}
