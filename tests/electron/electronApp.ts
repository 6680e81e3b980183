import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronBinary, PROJECT_ROOT } from '../../scripts/electron-binary.js';

export const lookup = findElectronBinary();

/** The one line every test shows when it skips. */
export const SKIP_REASON = process.env.ELECTRON_OVERRIDE_DIST_PATH
  ? `No Electron binary on this machine (${lookup.reason ?? 'unknown'}); the Electron suite runs where Electron can be downloaded.`
  : 'No Electron binary on this machine (node_modules/electron/dist is empty and ELECTRON_OVERRIDE_DIST_PATH is unset); ' +
    'the Electron suite runs where Electron can be downloaded.';

export interface LaunchedFieldbook {
  app: ElectronApplication;
  page: Page;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * Starts the built app (the project folder: package.json "main" is out/main/main.js) with a
 * fresh data folder. Runs against the unpackaged app: Playwright needs the Node inspector,
 * which the packaged app's fuses switch off.
 */
export async function launchFieldbook(): Promise<LaunchedFieldbook> {
  if (!lookup.binary) throw new Error(SKIP_REASON);
  if (!existsSync(join(PROJECT_ROOT, 'out', 'main', 'main.js'))) {
    throw new Error('Fieldbook is not built: run `npm run build` before the Electron suite.');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'fieldbook-electron-'));
  const env: Record<string, string> = { ...(process.env as Record<string, string>), FIELDBOOK_DATA_DIR: dataDir };
  delete env.ELECTRON_RUN_AS_NODE;
  // Containers without a usable Chromium sandbox helper can opt out of the OS sandbox
  // (Electron's own renderer sandbox — no Node in the page or preload — stays on).
  const extraArgs = process.env.FIELDBOOK_ELECTRON_NO_SANDBOX === '1' ? ['--no-sandbox'] : [];
  const app = await electron.launch({ executablePath: lookup.binary, args: [PROJECT_ROOT, ...extraArgs], env, cwd: PROJECT_ROOT });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return {
    app,
    page,
    dataDir,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
