/**
 * "Choose a folder…" in the desktop app (main/app/chooseFolder.ts), checked in Node with a
 * stand-in for Electron's dialog that records how it was opened and answers as the system dialog
 * would. Electron cannot run on these machines; the router part runs for real.
 */
import type { OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import { describe, expect, it } from 'vitest';
import { CHOOSE_FOLDER_OPTIONS, createFolderChooser, type FolderDialog } from '../../main/app/chooseFolder';
import { createApiRouter } from '../../main/api/router';
import { openFieldbook } from '../../main/core/fieldbook';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();

/** Stand-in for Electron's dialog: records each opening (with or without a parent window) and gives the next answer. */
function standInDialog(answer: OpenDialogReturnValue) {
  const openings: { parent: object | null; options: OpenDialogOptions }[] = [];
  const dialog: FolderDialog = {
    async showOpenDialog(first: object, second?: OpenDialogOptions) {
      openings.push(second ? { parent: first, options: second } : { parent: null, options: first as OpenDialogOptions });
      return answer;
    },
  };
  return { dialog, openings };
}

describe('choosing a folder in the desktop app', () => {
  it('opens the folder dialog over the window she is using, for one folder and never files, and gives its path', async () => {
    const window = { id: 1 };
    const { dialog, openings } = standInDialog({ canceled: false, filePaths: ['/home/anna/Team share'] });
    const choose = createFolderChooser(dialog, () => window);
    expect(await choose()).toBe('/home/anna/Team share');
    expect(openings).toEqual([{ parent: window, options: CHOOSE_FOLDER_OPTIONS }]);
    expect(CHOOSE_FOLDER_OPTIONS.properties).toContain('openDirectory');
    for (const notWanted of ['openFile', 'multiSelections', 'createDirectory', 'promptToCreate'] as const) {
      expect(CHOOSE_FOLDER_OPTIONS.properties).not.toContain(notWanted);
    }
  });

  it('gives nothing when she closes the dialog, and opens it on its own when no window has focus', async () => {
    const { dialog, openings } = standInDialog({ canceled: true, filePaths: [] });
    expect(await createFolderChooser(dialog, () => null)()).toBeNull();
    expect(openings).toEqual([{ parent: null, options: CHOOSE_FOLDER_OPTIONS }]);
  });

  it('goes through the API: the desktop router answers with the folder; a browser tab gets a clear error saying what to do', async () => {
    const fieldbook = openFieldbook({ dataDir: tempDir() });
    const { dialog } = standInDialog({ canceled: false, filePaths: ['C:\\Users\\anna\\Documents'] });
    const desktop = createApiRouter(fieldbook, { chooseFolder: createFolderChooser(dialog, () => ({})) });
    expect(await desktop.call('files.chooseFolder', {})).toEqual({ ok: true, value: { folder: 'C:\\Users\\anna\\Documents' } });

    const tab = createApiRouter(fieldbook);
    expect(await tab.call('files.chooseFolder', {})).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Choosing a folder from a dialog works in the desktop app only.',
        hint: 'Paste the folder’s path into the Folder field instead.',
      },
    });
    fieldbook.close();
  });
});
