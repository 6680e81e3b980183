import { expect, test } from './fixtures';
import { createEntries, listRows, openList } from './helpers';

test('an entry added elsewhere (another window, the command line) appears in the open list and on Home', async ({
  page,
  fieldbook,
}) => {
  void fieldbook;
  await createEntries(page, [{ name: 'Pricing workbook', kind: 'spreadsheet' }]);
  await openList(page);
  await expect(listRows(page)).toHaveCount(1);

  // Created through the API, not through this page: the page learns of it from the event stream.
  await createEntries(page, [{ name: 'Returns database', kind: 'database' }]);
  await expect(listRows(page)).toHaveCount(2);
  await expect(page.getByRole('option', { name: 'Returns database' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await expect(
    page.getByRole('list', { name: 'At a glance' }).getByRole('listitem').filter({ hasText: 'Tools written down' }),
  ).toContainText('2');
});
