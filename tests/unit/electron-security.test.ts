/**
 * Window and session hardening (main/app/security.ts), run in Node against hand-made
 * stand-ins for webContents and session. The stand-ins record what Electron would be told;
 * they are NOT a substitute for the Electron suite in tests/electron/.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  handleNavigation,
  handleWindowOpen,
  hardenSession,
  hardenWebContents,
  isSafeExternalUrl,
  type HardenableSession,
  type HardenableWebContents,
} from '../../main/app/security';

function preventable() {
  const event = { preventDefault: vi.fn() };
  return event;
}

/** Let openExternalIfSafe's deferred call run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('links to the outside world', () => {
  it.each([
    'https://example.com/guide',
    'http://intranet.local/page',
    'mailto:it-support@example.com',
  ])('%s may be opened in the browser or mail client', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'vscode://file/etc/passwd',
    'app://fieldbook/index.html',
    'https://user:password@example.com/',
    'https:',
    'not a url',
    '',
    'data:text/html,<script>alert(1)</script>',
  ])('%j is never handed to the operating system', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it('non-strings are never handed to the operating system', () => {
    expect(isSafeExternalUrl(undefined)).toBe(false);
    expect(isSafeExternalUrl({ toString: () => 'https://example.com' })).toBe(false);
  });
});

describe('navigation', () => {
  it('moving between Fieldbook pages is allowed', () => {
    const event = preventable();
    const openExternal = vi.fn();
    handleNavigation(event, 'app://fieldbook/index.html#/entries', openExternal);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('navigating the window to a web page is prevented, and the page opens in the browser instead', async () => {
    const event = preventable();
    const openExternal = vi.fn();
    handleNavigation(event, 'https://example.com/help', openExternal);
    await settle();
    expect(event.preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith('https://example.com/help');
  });

  it.each(['file:///etc/passwd', 'app://fieldbook.evil.com/', 'app://evil/', 'javascript:alert(1)', 'chrome://settings'])(
    'navigating to %s is prevented and nothing is opened',
    async (url) => {
      const event = preventable();
      const openExternal = vi.fn();
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      handleNavigation(event, url, openExternal);
      await settle();
      expect(event.preventDefault).toHaveBeenCalled();
      expect(openExternal).not.toHaveBeenCalled();
      warn.mockRestore();
    },
  );
});

describe('new windows', () => {
  it('a new window is always denied; a safe link goes to the browser', async () => {
    const openExternal = vi.fn();
    expect(handleWindowOpen({ url: 'https://example.com/' }, openExternal)).toEqual({ action: 'deny' });
    await settle();
    expect(openExternal).toHaveBeenCalledWith('https://example.com/');
  });

  it('a new window for app:// or file:// is denied and nothing is opened', async () => {
    const openExternal = vi.fn();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(handleWindowOpen({ url: 'app://fieldbook/index.html' }, openExternal)).toEqual({ action: 'deny' });
    expect(handleWindowOpen({ url: 'file:///C:/Windows/System32/calc.exe' }, openExternal)).toEqual({ action: 'deny' });
    await settle();
    expect(openExternal).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('hardening every web contents', () => {
  function fakeWebContents() {
    const listeners = new Map<string, (event: never) => void>();
    let windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
    const contents = {
      on: (name: string, listener: (event: never) => void) => void listeners.set(name, listener),
      setWindowOpenHandler: (handler: (details: { url: string }) => { action: 'deny' }) => {
        windowOpenHandler = handler;
      },
    } as unknown as HardenableWebContents;
    const emit = (name: string, url = '') => {
      const event = { preventDefault: vi.fn(), url };
      listeners.get(name)?.(event as never);
      return event;
    };
    return { contents, emit, listeners, openWindow: (url: string) => windowOpenHandler?.({ url }) };
  }

  it('navigation, redirects, frame navigation and webviews are all guarded', () => {
    const { contents, emit, listeners, openWindow } = fakeWebContents();
    const openExternal = vi.fn();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    hardenWebContents(contents, openExternal);

    expect([...listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);
    expect(emit('will-navigate', 'file:///etc/passwd').preventDefault).toHaveBeenCalled();
    expect(emit('will-redirect', 'http://evil.example/').preventDefault).toHaveBeenCalled();
    expect(emit('will-frame-navigate', 'https://evil.example/').preventDefault).toHaveBeenCalled();
    expect(emit('will-navigate', 'app://fieldbook/index.html').preventDefault).not.toHaveBeenCalled();
    expect(emit('will-attach-webview').preventDefault).toHaveBeenCalled();
    expect(openWindow('https://example.com/')).toEqual({ action: 'deny' });
    warn.mockRestore();
  });
});

describe('permissions', () => {
  it('every permission request and check is denied, devices and screen capture included', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      setDisplayMediaRequestHandler: vi.fn(),
    } satisfies HardenableSession;
    hardenSession(session);

    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0];
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0];
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0];
    const displayMedia = session.setDisplayMediaRequestHandler.mock.calls[0]?.[0];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(check({}, permission, 'app://fieldbook', {}), permission).toBe(false);
    }
    expect(device({ deviceType: 'usb', origin: 'app://fieldbook' })).toBe(false);
    const streams = vi.fn();
    displayMedia({}, streams);
    expect(streams).toHaveBeenCalledWith(null);
  });
});
