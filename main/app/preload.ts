/**
 * The sandboxed preload (built to out/preload/preload.cjs). It may require only `electron`,
 * so it stays tiny: the bridge logic lives in bridge.ts and is tested in Node.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createFieldbookBridge } from './bridge';

/**
 * Where a dropped or picked file lives. Pages no longer see File.path, and only a preload may ask
 * webUtils; anything that is not a file on disk gives '' (webUtils throws for a non-File).
 */
function pathForFile(file: object): string {
  try {
    return webUtils.getPathForFile(file as File);
  } catch {
    return '';
  }
}

contextBridge.exposeInMainWorld('fieldbook', Object.freeze({ ...createFieldbookBridge(ipcRenderer), pathForFile }));
