/**
 * "Choose a folder…" in the desktop app: the system's own folder dialog, over the window she is
 * using. main.ts hands this to the API router; a browser tab has none (it cannot learn a folder's
 * path). Electron's dialog and window lookup are passed in, so tests/unit/electron-choose-folder.test.ts
 * checks it in Node with stand-ins.
 */
import type { OpenDialogOptions, OpenDialogReturnValue } from 'electron';

export interface FolderDialog {
  showOpenDialog(window: object, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
}

export const CHOOSE_FOLDER_OPTIONS: OpenDialogOptions = {
  title: 'Choose a folder to look through',
  buttonLabel: 'Look through this folder',
  // One folder, never files; no "create folder" (Fieldbook only reads).
  properties: ['openDirectory', 'dontAddToRecent'],
};

export function createFolderChooser(dialog: FolderDialog, focusedWindow: () => object | null): () => Promise<string | null> {
  return async () => {
    const window = focusedWindow();
    const result = window ? await dialog.showOpenDialog(window, CHOOSE_FOLDER_OPTIONS) : await dialog.showOpenDialog(CHOOSE_FOLDER_OPTIONS);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
