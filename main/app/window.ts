/**
 * The one place a Fieldbook window is created. The security settings are written out
 * literally at the `new BrowserWindow(...)` call so reviewers and Electronegativity
 * (scripts/electronegativity.js) see exactly what the window gets. The constructor is passed
 * in, so tests/unit/electron-window.test.ts checks the options in Node with a stand-in class.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { MIN_SIZE, type InitialWindowBounds } from './windowState';

export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

export interface FieldbookWindowOptions {
  preloadPath: string;
  bounds: InitialWindowBounds;
}

export function createFieldbookWindow<W>(BrowserWindow: WindowConstructor<W>, options: FieldbookWindowOptions): W {
  const { bounds } = options;
  return new BrowserWindow({
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Fieldbook',
    show: false, // shown on ready-to-show, so no white flash
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      // Reviewed for Electronegativity's "review every preload" reminder: preload.ts exposes three
      // checked functions and nothing of Node or Electron; scripts/electronegativity.js lists the review.
      preload: options.preloadPath, // eng-disable PRELOAD_JS_CHECK
      // Checklist 2–4: no Node in the page, the preload in its own world, the OS sandbox on.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      // Checklist 6, 8, 9: web security on, no mixed content, no experimental features.
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Checklist 10–12: no Blink features enabled; no <webview>; middle-click (auxclick)
      // cannot open links around the window-open handler.
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  });
}
