import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, type Page } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '../..');

/** Runs the built `fieldbook` command (setup as IT or the user would do it, outside the app). */
export function fieldbookCommand(...args: string[]) {
  return promisify(execFile)(process.execPath, [resolve(ROOT, 'bin/fieldbook.js'), ...args], { cwd: ROOT });
}


/** Waits until the entry form says everything typed is stored. */
export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
}

/** Adds an entry through the New entry dialog; the entry form is open afterwards. */
export async function addEntry(page: Page, name: string, kind: string): Promise<void> {
  await page.getByRole('button', { name: 'New entry' }).click();
  const dialog = page.getByRole('dialog', { name: 'New entry' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Kind').selectOption({ label: kind });
  await dialog.getByRole('button', { name: 'Add tool' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** Sets the profile in Settings (it prefills the owner of new entries). */
export async function setProfile(page: Page, name: string, team: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Your team').fill(team);
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
}

/** Opens the Fieldbook list from the sidebar. */
export async function openList(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Fieldbook' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fieldbook' })).toBeVisible();
}

/** The options of the virtual list (only the rows currently rendered). */
export function listRows(page: Page) {
  return page.getByRole('listbox', { name: 'Tools' }).getByRole('option');
}

/** Everything a test may set on an entry it creates directly (setup only; the UI is what is tested). */
export interface EntrySeed {
  name: string;
  kind?: string;
  [field: string]: unknown;
}

/**
 * Creates entries through the same API the page uses, with the page's connection cookie.
 * For setting up a test quickly; the behaviour under test always goes through the UI.
 */
export async function createEntries(page: Page, entries: EntrySeed[]): Promise<string[]> {
  return page.evaluate(async (seeds) => {
    const ids: string[] = [];
    for (const fields of seeds) {
      const response = await fetch('/api/call/entries.create', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fields }),
      });
      const result = (await response.json()) as { ok: boolean; value?: { id: string }; error?: { message: string } };
      if (!result.ok || !result.value) throw new Error(`Could not create ${fields.name}: ${result.error?.message}`);
      ids.push(result.value.id);
    }
    return ids;
  }, entries);
}

/** Opens one entry at one of its tabs by address, as a link from Home would. */
export async function openEntryAt(page: Page, id: string, tab: 'guidelines' | 'history' | null = null): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, tab ? `#/entries/${id}/${tab}` : `#/entries/${id}`);
  await expect(page.getByRole('tab', { name: tab === null ? 'Details' : new RegExp(`^${tab}`, 'i'), selected: true })).toBeVisible();
}

/** A group of findings on the open entry's Guidelines tab ("Not met yet", "Needs info", "Met", …). */
export function findingGroup(page: Page, title: string) {
  return page.getByRole('region', { name: new RegExp(`^${title}\\b`) });
}

/** Unfolds a group of findings (Met and Does not apply start folded). */
export async function unfoldGroup(page: Page, title: string): Promise<void> {
  const toggle = findingGroup(page, title).getByRole('button', { name: new RegExp(`^${title}\\b`) });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

/** Opens the Guidelines screen from the sidebar. */
export async function openGuidelines(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Guidelines' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Guidelines' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Packs in force' })).toBeVisible();
}

/** A small pack of our own, as IT (or she) would write it. */
export const TEAM_PACK = `fieldbookPack: 1
id: acme.finance
name: ACME finance guidelines
version: 1.0.0
publisher: ACME IT
date: 2026-11-25
rules:
  - id: team-named
    title: The tool names the team that runs it
    question: Which team runs this tool?
    severity: recommended
    category: Ownership
    why: When the owner is away, people ask the team. A tool without a team is hard to find help for.
    how:
      - Write down the team that runs the tool.
    inputs: [team]
    check: entry.team.size() > 1
`;
