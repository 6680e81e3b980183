/**
 * Remembers the window's size, position and maximized state between runs.
 * main.ts stores it with electron-store in the data folder (window-state.json); the
 * decisions (what is a usable saved state, is it still on a screen) are plain functions,
 * tested in Node (tests/unit/electron-window-state.test.ts).
 */

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rectangle;
  isMaximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 720, height: 480 } as const;

/** What the window should open with: a size always, a position only if it is on a screen. */
export interface InitialWindowBounds {
  width: number;
  height: number;
  x?: number;
  y?: number;
  isMaximized: boolean;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function readRectangle(value: unknown): Rectangle | null {
  if (!value || typeof value !== 'object') return null;
  const { x, y, width, height } = value as Record<string, unknown>;
  if (!isFiniteNumber(x) || !isFiniteNumber(y) || !isFiniteNumber(width) || !isFiniteNumber(height)) return null;
  return { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) };
}

/** The visible area two rectangles share. */
function overlapArea(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/**
 * Turns whatever was saved (possibly nothing, or a hand-edited file) into safe bounds for the
 * current screens. A window whose saved place is off every screen (a monitor was unplugged)
 * opens centred instead; sizes are clamped to the largest screen and the minimum size.
 */
export function initialWindowBounds(saved: unknown, workAreas: readonly Rectangle[]): InitialWindowBounds {
  const record = saved && typeof saved === 'object' ? (saved as Record<string, unknown>) : {};
  const isMaximized = record.isMaximized === true;
  const bounds = readRectangle(record.bounds);
  const largest = workAreas.reduce<Rectangle | null>(
    (best, area) => (!best || area.width * area.height > best.width * best.height ? area : best),
    null,
  );
  const maxWidth = largest ? Math.max(MIN_SIZE.width, largest.width) : Number.POSITIVE_INFINITY;
  const maxHeight = largest ? Math.max(MIN_SIZE.height, largest.height) : Number.POSITIVE_INFINITY;
  const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

  if (!bounds) {
    return {
      width: clamp(DEFAULT_SIZE.width, MIN_SIZE.width, maxWidth),
      height: clamp(DEFAULT_SIZE.height, MIN_SIZE.height, maxHeight),
      isMaximized,
    };
  }
  const width = clamp(bounds.width, MIN_SIZE.width, maxWidth);
  const height = clamp(bounds.height, MIN_SIZE.height, maxHeight);
  const placed = { x: bounds.x, y: bounds.y, width, height };
  // Keep the saved position only if a good part of the window (its title bar region at
  // least) is on some screen.
  const visible = workAreas.some((area) => overlapArea(placed, area) >= Math.min(width * height * 0.25, 200 * 100));
  return visible ? { ...placed, isMaximized } : { width, height, isMaximized };
}

/** The parts of BrowserWindow we read. */
export interface TrackableWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  isMinimized(): boolean;
  isDestroyed(): boolean;
}

export interface WindowStateStore {
  set(key: 'windowState', value: WindowState): void;
}

/** Saves the state shortly after moves and resizes, and once more when the window closes. */
export function trackWindowState(
  window: TrackableWindow,
  store: WindowStateStore,
  options: { delayMs?: number; log?: (message: string) => void } = {},
): void {
  const delayMs = options.delayMs ?? 500;
  const log = options.log ?? console.warn;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed() || window.isMinimized()) return;
    try {
      store.set('windowState', { bounds: window.getNormalBounds(), isMaximized: window.isMaximized() });
    } catch (error) {
      // Losing the window position is not worth interrupting the user for.
      log(`Could not remember the window position: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  };

  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', save);
  window.on('unmaximize', save);
  window.on('close', save);
}
