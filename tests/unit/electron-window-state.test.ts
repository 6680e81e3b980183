/**
 * Window position memory (main/app/windowState.ts): plain functions, tested in Node with a
 * stand-in window and store. Not a substitute for the Electron suite in tests/electron/.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_SIZE,
  initialWindowBounds,
  MIN_SIZE,
  trackWindowState,
  type Rectangle,
  type TrackableWindow,
} from '../../main/app/windowState';

const laptop: Rectangle = { x: 0, y: 0, width: 1920, height: 1050 };
const monitorOnTheRight: Rectangle = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('where the window opens', () => {
  it('the first run opens at the default size, centred by Electron', () => {
    expect(initialWindowBounds(undefined, [laptop])).toEqual({ ...DEFAULT_SIZE, isMaximized: false });
  });

  it('a saved place on a connected screen is reused, maximized or not', () => {
    const saved = { bounds: { x: 2000, y: 100, width: 1400, height: 900 }, isMaximized: true };
    expect(initialWindowBounds(saved, [laptop, monitorOnTheRight])).toEqual({ x: 2000, y: 100, width: 1400, height: 900, isMaximized: true });
  });

  it('a saved place on a screen that is no longer connected opens centred, keeping the size', () => {
    const saved = { bounds: { x: 2000, y: 100, width: 1400, height: 900 }, isMaximized: false };
    expect(initialWindowBounds(saved, [laptop])).toEqual({ width: 1400, height: 900, isMaximized: false });
  });

  it('a tiny or huge saved size is brought back between the minimum and the largest screen', () => {
    expect(initialWindowBounds({ bounds: { x: 10, y: 10, width: 50, height: 20 } }, [laptop])).toMatchObject(MIN_SIZE);
    expect(initialWindowBounds({ bounds: { x: 0, y: 0, width: 9000, height: 9000 } }, [laptop])).toMatchObject({ width: 1920, height: 1050 });
  });

  it.each([null, 'garbage', { bounds: { x: 'a', y: 0, width: 10, height: 10 } }, { bounds: { x: NaN, y: 0, width: 800, height: 600 } }])(
    'a damaged saved state (%j) falls back to the defaults',
    (saved) => {
      expect(initialWindowBounds(saved, [laptop])).toEqual({ ...DEFAULT_SIZE, isMaximized: false });
    },
  );
});

describe('remembering the window', () => {
  afterEach(() => vi.useRealTimers());

  function fakeWindow() {
    const listeners = new Map<string, () => void>();
    const state = { bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: false, minimized: false };
    const window: TrackableWindow = {
      on: (event, listener) => void listeners.set(event, listener),
      getNormalBounds: () => state.bounds,
      isMaximized: () => state.maximized,
      isMinimized: () => state.minimized,
      isDestroyed: () => false,
    };
    return { window, state, fire: (event: string) => listeners.get(event)?.() };
  }

  it('moves are saved once, shortly after they stop, and again on close', () => {
    vi.useFakeTimers();
    const { window, state, fire } = fakeWindow();
    const store = { set: vi.fn() };
    trackWindowState(window, store, { delayMs: 500 });

    fire('move');
    fire('move');
    fire('resize');
    expect(store.set).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(store.set).toHaveBeenCalledTimes(1);
    expect(store.set).toHaveBeenLastCalledWith('windowState', { bounds: state.bounds, isMaximized: false });

    state.maximized = true;
    fire('close');
    expect(store.set).toHaveBeenLastCalledWith('windowState', { bounds: state.bounds, isMaximized: true });
  });

  it('a minimized window does not overwrite the saved place', () => {
    const { window, state, fire } = fakeWindow();
    const store = { set: vi.fn() };
    trackWindowState(window, store);
    state.minimized = true;
    fire('close');
    expect(store.set).not.toHaveBeenCalled();
  });

  it('a store that cannot be written is logged, not thrown at the user', () => {
    const { window, fire } = fakeWindow();
    const log = vi.fn();
    trackWindowState(window, { set: () => { throw new Error('read-only disk'); } }, { log });
    expect(() => fire('close')).not.toThrow();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('read-only disk'));
  });
});
