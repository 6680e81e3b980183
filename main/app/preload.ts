/**
 * The sandboxed preload (built to out/preload/preload.cjs). It may require only `electron`,
 * so it stays tiny: the bridge logic lives in bridge.ts and is tested in Node.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createFieldbookBridge } from './bridge';

contextBridge.exposeInMainWorld('fieldbook', createFieldbookBridge(ipcRenderer));
