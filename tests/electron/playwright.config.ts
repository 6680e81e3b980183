import { defineConfig } from '@playwright/test';

/**
 * The real Electron end-to-end suite (Playwright `_electron`). It needs an Electron binary
 * (node_modules/electron/dist, or ELECTRON_OVERRIDE_DIST_PATH); without one every test skips
 * with the reason, so `npm run test:electron` passes on build machines that cannot download
 * Electron. Run `npm run build` first: the suite launches out/main/main.js.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './globalSetup.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: '../../test-results/electron',
  use: { trace: 'retain-on-failure' },
});
