import { expect, test } from './fixtures';
import { addEntry, expectSaved, setProfile } from './helpers';

test('after restarting Fieldbook on the same data folder, everything is still there', async ({ page, fieldbook }) => {
  await setProfile(page, 'Maria Keller', 'Finance');
  await page.getByRole('radio', { name: 'Dark' }).check();
  await addEntry(page, 'Pricing workbook', 'Spreadsheet');
  await page.getByLabel('What does it do?').fill('Prices every quote.');
  await page.getByLabel('How critical is it?').selectOption({ label: 'Critical' });
  await page.getByLabel('Add a tag').fill('pricing');
  await page.getByLabel('Add a tag').press('Enter');
  await expectSaved(page);
  const firstUrl = fieldbook.url;

  await fieldbook.restart();
  expect(fieldbook.url, 'a restarted host has a new connection token').not.toBe(firstUrl);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Fieldbook' }).click();
  await page.getByRole('option', { name: 'Pricing workbook' }).click();
  await expect(page.getByLabel('What does it do?')).toHaveValue('Prices every quote.');
  await expect(page.getByLabel('Owner', { exact: true })).toHaveValue('Maria Keller');
  await expect(page.getByLabel('How critical is it?')).toHaveValue('critical');
  await expect(page.getByRole('list', { name: 'Tags on this entry' })).toContainText('pricing');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Your name')).toHaveValue('Maria Keller');
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
