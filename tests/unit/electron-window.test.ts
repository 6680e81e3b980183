/**
 * The options every Fieldbook window is created with (main/app/window.ts), checked in Node
 * with a stand-in BrowserWindow class that only records them. Not a substitute for the
 * Electron suite in tests/electron/, which checks the running window from the outside.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createFieldbookWindow } from '../../main/app/window';

class StandInBrowserWindow {
  constructor(readonly options: BrowserWindowConstructorOptions) {}
}

describe('a Fieldbook window', () => {
  const window = createFieldbookWindow(StandInBrowserWindow, {
    preloadPath: '/app/out/preload/preload.cjs',
    bounds: { x: 10, y: 20, width: 1200, height: 800, isMaximized: false },
  });

  it('is isolated, sandboxed and without Node, with web security on', () => {
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('enables no Blink features and sets no extra command-line arguments', () => {
    expect(window.options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(window.options.webPreferences).not.toHaveProperty('additionalArguments');
  });

  it('opens hidden at the remembered place, to be shown when ready', () => {
    expect(window.options).toMatchObject({ x: 10, y: 20, width: 1200, height: 800, show: false, title: 'Fieldbook' });
  });
});
