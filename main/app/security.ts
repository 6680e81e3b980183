/**
 * Window and session hardening, written against small structural stand-ins so the
 * decisions are tested in Node (tests/unit/electron-security.test.ts). main.ts passes the
 * real Electron objects. Only `import type` from electron here.
 *
 * Electron security checklist (https://www.electronjs.org/docs/latest/tutorial/security),
 * and where each item is handled:
 *  1 secure content only ........... the app window loads only app://fieldbook, the hidden PDF print
 *                                   window one script-free local file (printToPdf.ts); CSP blocks the rest
 *  2 no Node integration ........... window.ts: nodeIntegration(+InWorker/SubFrames) false
 *  3 context isolation ............. window.ts: contextIsolation true
 *  4 sandbox ........................ app.enableSandbox() in main.ts + window.ts sandbox true
 *  5 permission handlers ........... hardenSession: request/check/device handlers deny everything
 *  6 webSecurity ................... window.ts: webSecurity true
 *  7 Content-Security-Policy ....... protocol.ts sets it on every app:// response
 *  8 allowRunningInsecureContent ... window.ts: false
 *  9 experimental features ......... window.ts: false
 * 10 enableBlinkFeatures ........... never set (window.ts disables Auxclick instead)
 * 11 <webview> allowpopups ......... window.ts webviewTag false, will-attach-webview prevented
 * 12 <webview> options ............. will-attach-webview prevented (no webviews at all)
 * 13 navigation .................... will-navigate / will-frame-navigate / will-redirect: app:// only
 * 14 new windows ................... setWindowOpenHandler → deny
 * 15 shell.openExternal ............ only parsed http(s)/mailto URLs (isSafeExternalUrl), checked
 *                                    here and again at the one call site in main.ts
 * 16 current Electron .............. package.json pins a current major (45)
 * 17 IPC sender validation ......... ipc.ts checks event.senderFrame on every call
 * 18 no file:// .................... app:// protocol with an allow-listed root (protocol.ts)
 * 19 fuses ......................... electron-builder.yml electronFuses, all set explicitly
 * 20 no Electron APIs to the page .. preload exposes two functions only (bridge.ts)
 */
import { isAppUrl, parseUrl } from './appUrl';

const EXTERNAL_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

/**
 * True for URLs we may hand to the operating system: parsed (never string prefixes),
 * http(s) with a host and no credentials, or mailto with an address. Everything else
 * (file:, javascript:, smb:, custom app handlers, ...) is refused.
 */
export function isSafeExternalUrl(raw: unknown): boolean {
  const url = parseUrl(raw);
  if (!url || !EXTERNAL_PROTOCOLS.has(url.protocol)) return false;
  if (url.protocol === 'mailto:') return url.pathname.length > 0;
  return url.hostname.length > 0 && url.username === '' && url.password === '';
}

export type OpenExternal = (url: string) => Promise<void> | void;

/** Opens `raw` in the user's browser / mail client if it is safe; returns whether it did. */
export function openExternalIfSafe(raw: unknown, openExternal: OpenExternal, log: (message: string) => void = console.warn): boolean {
  if (!isSafeExternalUrl(raw)) {
    log(`Fieldbook did not open an external link: ${String(raw).slice(0, 200)}`);
    return false;
  }
  const url = new URL(raw as string).toString();
  Promise.resolve()
    .then(() => openExternal(url))
    .catch((error: unknown) => log(`Could not open ${url}: ${error instanceof Error ? error.message : String(error)}`));
  return true;
}

export interface PreventableEvent {
  preventDefault(): void;
}

/**
 * `will-navigate` / `will-frame-navigate` / `will-redirect`: stay on app://fieldbook.
 * A safe external link is handed to the browser instead of being opened in the window.
 */
export function handleNavigation(event: PreventableEvent, targetUrl: string, openExternal: OpenExternal): void {
  if (isAppUrl(targetUrl)) return;
  event.preventDefault();
  openExternalIfSafe(targetUrl, openExternal);
}

/** `setWindowOpenHandler`: never a new Electron window; safe links go to the browser. */
export function handleWindowOpen(details: { url: string }, openExternal: OpenExternal): { action: 'deny' } {
  openExternalIfSafe(details.url, openExternal);
  return { action: 'deny' };
}

/** The parts of `WebContents` hardenWebContents touches. */
export interface HardenableWebContents {
  on(event: 'will-navigate' | 'will-frame-navigate', listener: (event: PreventableEvent & { url: string }) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent & { url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Applied from `app.on('web-contents-created')` to every web contents, ours or not. */
export function hardenWebContents(contents: HardenableWebContents, openExternal: OpenExternal): void {
  contents.on('will-navigate', (event) => handleNavigation(event, event.url, openExternal));
  contents.on('will-frame-navigate', (event) => handleNavigation(event, event.url, openExternal));
  contents.on('will-redirect', (event) => handleNavigation(event, event.url, openExternal));
  // Fieldbook has no <webview>; refuse any attempt to attach one.
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details) => handleWindowOpen(details, openExternal));
}

export const denyPermissionRequest = (_webContents: unknown, _permission: string, callback: (granted: boolean) => void): void =>
  callback(false);
export const denyPermissionCheck = (): boolean => false;
export const denyDevicePermission = (): boolean => false;

/** The parts of `Session` hardenSession touches. */
export interface HardenableSession {
  setPermissionRequestHandler(handler: typeof denyPermissionRequest): void;
  setPermissionCheckHandler(handler: typeof denyPermissionCheck): void;
  setDevicePermissionHandler(handler: typeof denyDevicePermission): void;
  setDisplayMediaRequestHandler(handler: (request: unknown, callback: (streams: null) => void) => void): void;
}

/** Fieldbook needs no camera, microphone, location, notifications, devices or screen capture. */
export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.setDevicePermissionHandler(denyDevicePermission);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
}
