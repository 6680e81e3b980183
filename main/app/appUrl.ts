/**
 * Where the Fieldbook window's pages live. The renderer is served from a custom,
 * privileged `app://fieldbook/` origin (never `file://`), and everything that decides
 * "is this ours?" — navigation, IPC senders, event delivery — asks `isAppUrl`.
 *
 * Runs in the Electron main process and in Node tests: no electron import here.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'fieldbook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Parses `raw` with the URL parser (never string prefixes) and returns it, or null. */
export function parseUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 4096) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True only for URLs on exactly `app://fieldbook` (no other host, port or credentials). */
export function isAppUrl(raw: unknown): boolean {
  const url = parseUrl(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === ''
  );
}
