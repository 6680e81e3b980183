import { writeFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { createEntries, findingGroup, openEntryAt, openGuidelines, unfoldGroup } from './helpers';

/** A pack of her own with a rule that can be answered in either of two ways. */
const PACK = `fieldbookPack: 1
id: acme.continuity
name: ACME continuity guidelines
version: 1.0.0
publisher: ACME IT
date: 2026-11-25
rules:
  - id: stands-alone
    title: What the tool reads from is known
    question: Does it stand on its own, without exports, files or databases it reads from?
    severity: recommended
    category: Continuity
    why: When the people changing a system know your tool reads from it, they can warn you first.
    how:
      - List what it reads from under "Depends on", or say that it stands alone.
    alternativeInputs:
      - [dependsOn, answers.standsAlone]
    choices: ["yes", "no"]
    check: >-
      entry.dependsOn.size() > 0 ||
      ("standsAlone" in entry.answers && entry.answers.standsAlone == "yes")
`;

test('a guideline that can be answered in two ways says one answer is enough, and takes either', async ({ page, fieldbook }, testInfo) => {
  void fieldbook;
  const [id] = await createEntries(page, [{ name: 'Holiday planner', kind: 'spreadsheet', owner: 'Tom Weber' }]);
  const pack = testInfo.outputPath('continuity.yaml');
  await writeFile(pack, PACK, 'utf8');
  await openGuidelines(page);
  await page.getByLabel('Pack file (.yaml)').setInputFiles(pack);
  await page.getByRole('checkbox', { name: 'This is my own pack (unsigned)' }).check();
  await page.getByRole('button', { name: 'Import pack' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported “ACME continuity guidelines”' })).toBeVisible();

  await openEntryAt(page, id!, 'guidelines');
  const finding = findingGroup(page, 'Needs info').getByRole('button', { name: /What the tool reads from is known/ });
  await finding.click();
  const body = page.locator(`#${await finding.getAttribute('aria-controls')}`);
  await expect(body).toContainText('One answer is enough: give it here, or fill in “Depends on” on the Details tab.');
  const choices = body.getByRole('group', { name: 'Does it stand on its own, without exports, files or databases it reads from?' });
  await choices.getByRole('radio', { name: 'Yes' }).check();
  await body.getByRole('button', { name: 'Save answer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is met now' })).toContainText('What the tool reads from is known');
  await unfoldGroup(page, 'Met');
  await expect(findingGroup(page, 'Met').getByRole('button', { name: /What the tool reads from is known/ })).toBeVisible();
});
