/** The keyboard shortcuts, in one place: Settings lists them, the app handles them. */
export interface Shortcut {
  keys: string[];
  does: string;
}

export function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

export function shortcutList(mac: boolean): Shortcut[] {
  const mod = mac ? '⌘' : 'Ctrl';
  return [
    { keys: [`${mod}+N`], does: 'New entry' },
    { keys: [`${mod}+F`, '/'], does: 'Search your fieldbook' },
    { keys: ['Esc'], does: 'Clear the search (while in the search box)' },
    { keys: ['↑', '↓'], does: 'Move through the list' },
    { keys: ['Enter'], does: 'Open the highlighted tool' },
    { keys: ['Home', 'End'], does: 'Jump to the first or last tool' },
    { keys: [`${mod}+Z`], does: 'Undo a delete, right after it' },
  ];
}
