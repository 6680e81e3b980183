import { expect, test } from './fixtures';
import { addEntry, expectSaved, setProfile } from './helpers';

test('she writes down three tools, and everything she types is kept', async ({ page, fieldbook }) => {
  void fieldbook;
  await setProfile(page, 'Maria Keller', 'Finance');

  // 1. The pricing workbook.
  await addEntry(page, 'Pricing workbook', 'Spreadsheet');
  await expect(page.getByLabel('Owner', { exact: true }), 'the owner comes from her profile').toHaveValue('Maria Keller');
  await expect(page.getByLabel('Team', { exact: true })).toHaveValue('Finance');
  await page.getByLabel('What does it do?').fill('Prices every customer quote from the list price and volume discounts.');
  await page.getByLabel('Business process').fill('Sales quoting');
  await page.getByLabel('Add a backup owner').fill('Tom Weber');
  await page.getByLabel('Add a backup owner').press('Enter');
  await page.getByLabel('Who uses it').fill('Sales desk');
  await page.getByLabel('Number of users').fill('12');
  await page.getByLabel('How often it is used').selectOption({ label: 'Daily' });
  await page.getByLabel('Add a location').fill('\\\\fs01\\finance\\pricing');
  await page.getByLabel('Add a location').press('Enter');
  await page.getByLabel('Add a file').fill('Pricing_v7.xlsm');
  await page.getByLabel('Add a file').press('Enter');
  await page.getByLabel('Customer data').check();
  await page.getByLabel('Financial data').check();
  await page.getByLabel('Sensitivity').selectOption({ label: 'Confidential' });
  await page.getByLabel('How critical is it?').selectOption({ label: 'High' });
  await page
    .getByLabel('If this stopped working for a day, what would happen?')
    .fill('No quotes could be sent; sales would price by hand.');
  await page.getByLabel('How is it backed up?').fill('On the team share, which IT backs up every night.');
  await page.getByLabel('Last reviewed').fill('2026-10-01');
  await page.getByLabel('Add a tag').fill('pricing');
  await page.getByLabel('Add a tag').press('Enter');
  await page.getByLabel('Add a tag').fill('month-end');
  await page.getByLabel('Add a tag').press('Enter');
  await expectSaved(page);

  // 2. The returns database.
  await addEntry(page, 'Returns database', 'Database');
  await page.getByLabel('What does it do?').fill('Tracks customer returns from receipt to credit note.');
  await page.getByLabel('Personal data').check();
  await page.getByLabel('Sensitivity').selectOption({ label: 'Restricted' });
  await page.getByLabel('How critical is it?').selectOption({ label: 'Medium' });
  await page.getByLabel('Stage').selectOption({ label: 'Being replaced' });
  await expectSaved(page);

  // 3. The Monday merge script, which needs the workbook and the SAP export.
  await addEntry(page, 'Monday merge script', 'Script');
  await page.getByLabel('What does it do?').fill('Merges the CRM export with the ERP open orders every Monday.');
  const dependsOn = page.getByRole('combobox', { name: 'Add something it depends on' });
  await dependsOn.fill('Pricing');
  await page.getByRole('option', { name: /Pricing workbook/ }).click();
  await dependsOn.fill('SAP export');
  await page.getByRole('option', { name: /Add “SAP export” as an official system/ }).click();
  await page.getByLabel('How are changes made?').fill('Changes are tested on a copy first.');
  await page.getByLabel('Add a tag').fill('weekly');
  await page.getByLabel('Add a tag').press('Enter');
  await expectSaved(page);

  // Reloading the page shows everything she typed, kept.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Monday merge script' })).toBeVisible();
  const links = page.getByRole('list', { name: 'Depends on' });
  await expect(links.getByRole('link', { name: 'Pricing workbook' })).toBeVisible();
  await expect(links).toContainText('SAP export');
  await expect(page.getByRole('list', { name: 'Tags on this entry' })).toContainText('weekly');
  await expect(page.getByLabel('How are changes made?')).toHaveValue('Changes are tested on a copy first.');

  // The workbook, opened through the link, has kept every field and knows what it feeds.
  await links.getByRole('link', { name: 'Pricing workbook' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pricing workbook' })).toBeVisible();
  await expect(page.getByLabel('Owner', { exact: true })).toHaveValue('Maria Keller');
  await expect(page.getByLabel('Backup owner 1')).toHaveValue('Tom Weber');
  await expect(page.getByLabel('What does it do?')).toHaveValue(
    'Prices every customer quote from the list price and volume discounts.',
  );
  await expect(page.getByLabel('Business process')).toHaveValue('Sales quoting');
  await expect(page.getByLabel('Who uses it')).toHaveValue('Sales desk');
  await expect(page.getByLabel('Number of users')).toHaveValue('12');
  await expect(page.getByLabel('How often it is used')).toHaveValue('daily');
  await expect(page.getByLabel('Location 1')).toHaveValue('\\\\fs01\\finance\\pricing');
  await expect(page.getByLabel('File 1')).toHaveValue('Pricing_v7.xlsm');
  await expect(page.getByLabel('Customer data')).toBeChecked();
  await expect(page.getByLabel('Financial data')).toBeChecked();
  await expect(page.getByLabel('Personal data')).not.toBeChecked();
  await expect(page.getByLabel('Sensitivity')).toHaveValue('confidential');
  await expect(page.getByLabel('How critical is it?')).toHaveValue('high');
  await expect(page.getByLabel('If this stopped working for a day, what would happen?')).toHaveValue(
    'No quotes could be sent; sales would price by hand.',
  );
  await expect(page.getByLabel('How is it backed up?')).toHaveValue('On the team share, which IT backs up every night.');
  await expect(page.getByLabel('Last reviewed')).toHaveValue('2026-10-01');
  await expect(page.getByRole('list', { name: 'Tags on this entry' })).toContainText('pricing');
  await expect(page.getByRole('list', { name: 'Tags on this entry' })).toContainText('month-end');
  await expect(page.getByText('Also linked from entries that say they depend on this one:')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Monday merge script' })).toBeVisible();

  // And the list has all three.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Fieldbook' }).click();
  await expect(page.getByRole('status').filter({ hasText: '3 tools' })).toBeVisible();
  const returns = page.getByRole('option', { name: 'Returns database' });
  await expect(returns).toBeVisible();
  await returns.click();
  await expect(page.getByLabel('Stage')).toHaveValue('being-replaced');
  await expect(page.getByLabel('Sensitivity')).toHaveValue('restricted');
});
