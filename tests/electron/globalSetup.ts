import { lookup, SKIP_REASON } from './electronApp';

/** Says once, up front, why the whole suite is about to skip. */
// eslint-disable-next-line no-restricted-exports -- Playwright loads globalSetup through its default export.
export default function globalSetup(): void {
  if (!lookup.binary) console.log(`Skipping the Electron suite: ${SKIP_REASON}`);
}
