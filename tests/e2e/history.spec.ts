import { expect, test } from './fixtures';
import { addEntry, expectSaved } from './helpers';

test('History shows each change: when, what, and the old and new value', async ({ page, fieldbook }) => {
  void fieldbook;
  await addEntry(page, 'Pricing workbook', 'Spreadsheet');
  await page.getByLabel('What does it do?').fill('Prices every quote.');
  await expectSaved(page);
  await page.getByLabel('How critical is it?').selectOption({ label: 'High' });
  await expectSaved(page);
  await page.getByLabel('What does it do?').fill('Prices every customer quote.');
  await expectSaved(page);

  await page.getByRole('tab', { name: 'History' }).click();
  const revisions = page.getByRole('list', { name: 'Revisions, newest first' }).getByRole('listitem').filter({
    has: page.locator('time'),
  });
  await expect(revisions).toHaveCount(4);

  const newest = revisions.nth(0);
  await expect(newest).toContainText('Changed');
  await expect(newest).toContainText('What it does');
  await expect(newest).toContainText('Prices every quote.');
  await expect(newest).toContainText('Prices every customer quote.');
  await expect(newest.locator('time')).toHaveAttribute('datetime', new RegExp(`^${new Date().getUTCFullYear()}-`));

  const criticality = revisions.nth(1);
  await expect(criticality).toContainText('Criticality');
  await expect(criticality).toContainText('(empty)');
  await expect(criticality).toContainText('High');

  const oldest = revisions.nth(3);
  await expect(oldest).toContainText('Created');
  await expect(oldest).toContainText('Pricing workbook');
});
