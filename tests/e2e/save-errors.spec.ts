import { expect, test } from './fixtures';
import { addEntry, expectSaved } from './helpers';

test('a name the store refuses shows why, keeps the typed text, and other fields still save', async ({ page, fieldbook }) => {
  void fieldbook;
  await addEntry(page, 'Pricing workbook', 'Spreadsheet');
  const name = page.getByLabel('Name', { exact: true });

  await name.fill('');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('could not be saved');
  await expect(alert).toContainText('Give the tool a name.');
  await expect(name).toHaveValue('');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Not saved yet' })).toBeVisible();

  // Other fields keep saving while the name waits.
  await page.getByLabel('What does it do?').fill('Prices every quote.');
  await expect(alert).toContainText('Give the tool a name.');

  // Giving it a name again clears the message and saves.
  await name.fill('Quote pricing workbook');
  await expectSaved(page);
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.reload();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Quote pricing workbook');
  await expect(page.getByLabel('What does it do?')).toHaveValue('Prices every quote.');
});

test('when Fieldbook cannot be reached, the typed text stays and Try again saves it', async ({ page, fieldbook }) => {
  void fieldbook;
  await addEntry(page, 'Pricing workbook', 'Spreadsheet');
  await page.route('**/api/call/entries.update', (route) => route.abort('connectionrefused'));

  await page.getByLabel('Notes', { exact: true }).fill('Ask Tom about the freight macro.');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Fieldbook is not reachable.');
  await expect(alert).toContainText('What you typed stays here');
  await expect(page.getByLabel('Notes', { exact: true })).toHaveValue('Ask Tom about the freight macro.');

  await page.unroute('**/api/call/entries.update');
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expectSaved(page);

  await page.reload();
  await expect(page.getByLabel('Notes', { exact: true })).toHaveValue('Ask Tom about the freight macro.');
});

test('leaving an entry right after typing still saves what was typed', async ({ page, fieldbook }) => {
  void fieldbook;
  await addEntry(page, 'Pricing workbook', 'Spreadsheet');
  await page.getByLabel('What does it do?').fill('Prices every quote.');
  // No waiting for "All changes saved": leave at once.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Fieldbook' }).click();
  await page.getByRole('option', { name: 'Pricing workbook' }).click();
  await expect(page.getByLabel('What does it do?')).toHaveValue('Prices every quote.');
});

test('reloading right after typing still saves what was typed', async ({ page, fieldbook }) => {
  void fieldbook;
  await addEntry(page, 'Pricing workbook', 'Spreadsheet');
  await page.getByLabel('Notes', { exact: true }).fill('Written just before the reload.');
  await page.reload();
  await expect(page.getByLabel('Notes', { exact: true })).toHaveValue('Written just before the reload.');
});
