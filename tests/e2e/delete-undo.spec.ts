import { expect, test } from './fixtures';
import { createEntries, listRows, openList } from './helpers';

test.beforeEach(async ({ page, fieldbook }) => {
  void fieldbook;
  await createEntries(page, [
    { name: 'Pricing workbook', kind: 'spreadsheet', purpose: 'Prices every quote.', owner: 'Maria Keller', tags: ['pricing'] },
    { name: 'Returns database', kind: 'database', purpose: 'Tracks customer returns.' },
  ]);
  await openList(page);
});

test('a deleted entry leaves the list, and Undo brings it back with its data', async ({ page }) => {
  await page.getByRole('option', { name: 'Pricing workbook' }).click();
  await page.getByRole('button', { name: 'Delete' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Fieldbook' })).toBeVisible();
  const toast = page.getByRole('region', { name: 'Notifications' }).getByRole('status');
  await expect(toast).toContainText('Deleted “Pricing workbook”.');
  await expect(listRows(page)).toHaveCount(1);
  await expect(page.getByRole('option', { name: 'Pricing workbook' })).toHaveCount(0);

  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(toast).toContainText('“Pricing workbook” is back.');
  await expect(listRows(page)).toHaveCount(2);

  await page.getByRole('option', { name: 'Pricing workbook' }).click();
  await expect(page.getByLabel('What does it do?')).toHaveValue('Prices every quote.');
  await expect(page.getByLabel('Owner', { exact: true })).toHaveValue('Maria Keller');
  await expect(page.getByRole('list', { name: 'Tags on this entry' })).toContainText('pricing');
});

test('Ctrl+Z right after a delete undoes it', async ({ page }) => {
  await page.getByRole('option', { name: 'Returns database' }).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('option', { name: 'Returns database' })).toHaveCount(0);
  // The list can follow the change event before the delete's own answer arrives; the delete is
  // done (and undoable) once its notification shows, as a person would see.
  await expect(page.getByRole('region', { name: 'Notifications' }).getByRole('status')).toContainText('Deleted “Returns database”.');

  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.getByRole('option', { name: 'Returns database' })).toBeVisible();
});
