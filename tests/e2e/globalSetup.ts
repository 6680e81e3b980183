import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** Fails fast, with what to do, when the app has not been built. */
// eslint-disable-next-line no-restricted-exports -- Playwright loads globalSetup through its default export.
export default function globalSetup(): void {
  for (const file of ['out/main/cli.js', 'out/renderer/index.html']) {
    if (!existsSync(resolve(root, file))) {
      throw new Error(`${file} is missing. Run "npm run build" before the end-to-end tests.`);
    }
  }
}
