import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { seedDemo, startHost, stopHost, type RunningHost } from './fieldbookHost';

export interface Fieldbook {
  /** The data folder this test's fieldbook lives in. */
  dataDir: string;
  /** The address the host printed, with its connection token. */
  url: string;
  /**
   * Stops the host and starts a new one on the same data folder, then opens the new address.
   * `whileStopped` runs in between (for example, to damage the database on purpose).
   */
  restart(whileStopped?: (dataDir: string) => Promise<void>): Promise<void>;
}

interface Options {
  /** Sample entries written with `fieldbook demo` before the host starts (0: an empty fieldbook). */
  seedEntries: number;
}

/**
 * Every test gets a fresh data folder and its own `fieldbook serve`, with the page already
 * open on it. A Content Security Policy violation or an uncaught error in the page fails the test.
 */
export const test = base.extend<Options & { fieldbook: Fieldbook }>({
  seedEntries: [0, { option: true }],
  fieldbook: async ({ page, seedEntries }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`Uncaught error in the page: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        problems.push(`CSP: ${message.text()}`);
      }
    });

    const dataDir = await mkdtemp(join(tmpdir(), 'fieldbook-e2e-'));
    if (seedEntries > 0) await seedDemo(dataDir, seedEntries);
    let host: RunningHost = await startHost(dataDir);
    const fieldbook: Fieldbook = {
      dataDir,
      url: host.url,
      async restart(whileStopped) {
        await stopHost(host);
        await whileStopped?.(dataDir);
        host = await startHost(dataDir);
        fieldbook.url = host.url;
        await openApp(page, host.url);
      },
    };
    try {
      await openApp(page, host.url);
      await use(fieldbook);
    } finally {
      await stopHost(host);
      await rm(dataDir, { recursive: true, force: true });
    }
    expect(problems, 'the page logged CSP violations or uncaught errors').toEqual([]);
  },
});

export { expect };

async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('main')).toBeVisible();
}
