import { expect, test } from './fixtures';
import { createEntries, listRows } from './helpers';

test('Ctrl+N starts a new entry and puts the cursor in its name', async ({ page, fieldbook }) => {
  void fieldbook;
  await page.keyboard.press('ControlOrMeta+n');
  const dialog = page.getByRole('dialog', { name: 'New entry' });
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await page.keyboard.type('Pricing workbook');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Pricing workbook' })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
});

test('"/" and Ctrl+F go to the search, Escape clears it, arrows move through the list', async ({ page, fieldbook }) => {
  void fieldbook;
  await createEntries(page, [
    { name: 'Archive macro', kind: 'spreadsheet' },
    { name: 'Budget model', kind: 'spreadsheet' },
    { name: 'Customer survey', kind: 'saas' },
  ]);

  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Search your fieldbook' });
  await expect(search).toBeFocused();
  await page.keyboard.type('budget');
  await expect(listRows(page)).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await expect(listRows(page)).toHaveCount(3);

  // Down from the search box goes into the list; Enter opens the highlighted tool.
  await page.keyboard.press('ArrowDown');
  const list = page.getByRole('listbox', { name: 'Tools' });
  await expect(list).toBeFocused();
  await expect(listRows(page).nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(listRows(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(listRows(page).nth(0)).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(listRows(page).nth(2), 'moving down from the last row keeps it highlighted').toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Budget model' })).toBeVisible();

  // Ctrl+F from an entry goes back to the search.
  await page.getByRole('heading', { level: 1, name: 'Budget model' }).click();
  await page.keyboard.press('ControlOrMeta+f');
  await expect(search).toBeFocused();
});

test('the shortcuts are listed in Settings', async ({ page, fieldbook }) => {
  void fieldbook;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const shortcuts = page.getByRole('region', { name: 'Keyboard shortcuts' });
  await expect(shortcuts.getByRole('row', { name: /New entry/ })).toBeVisible();
  await expect(shortcuts.getByRole('row', { name: /Search your fieldbook/ })).toBeVisible();
});
