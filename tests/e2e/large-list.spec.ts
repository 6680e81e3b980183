import { expect, test } from './fixtures';
import { listRows, openList } from './helpers';

test.use({ seedEntries: 10_000 });

test('a fieldbook of 10,000 entries lists them all while rendering only the rows on screen', async ({ page, fieldbook }) => {
  void fieldbook;
  await openList(page);
  await expect(page.getByRole('status').filter({ hasText: '10,000 tools' })).toBeVisible();
  // The count can be announced a frame before the virtual list has measured itself and drawn rows.
  await expect(listRows(page).nth(5)).toBeVisible();
  expect(await listRows(page).count()).toBeLessThan(100);

  // Jump to the end: the last rows are fetched and shown, and announce their position.
  await page.getByRole('listbox', { name: 'Tools' }).focus();
  await page.keyboard.press('End');
  const last = page.getByRole('listbox', { name: 'Tools' }).locator('[aria-posinset="10000"]');
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(last).toHaveAttribute('aria-setsize', '10000');
  await expect(last).not.toContainText('Loading…');
  expect(await listRows(page).count()).toBeLessThan(100);

  // Searching still narrows the list.
  await page.getByRole('searchbox', { name: 'Search your fieldbook' }).fill('Pricing');
  await expect(page.getByRole('status').filter({ hasText: /tools? found/ })).toBeVisible();
});
