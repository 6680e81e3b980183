import { create } from 'zustand';
import type { CallError, InspectedFile } from '../../../shared/contract';
import { api, toCallError } from '../../api/client';
import { useFindingsStore } from '../findings/findingsStore';
import { readSentence } from './filesState';

/** After a saved change to the file list, wait this long for more typing before reading. */
export const READ_AFTER_SAVE_MS = 700;

interface FilesStore {
  entryId: string | null;
  /** What was found in the entry's files, as last read; null while loading. */
  files: InspectedFile[] | null;
  loadError: CallError | null;
  /** True while Fieldbook reads the files. */
  reading: boolean;
  /** A read that did not go through (the call failed, not the file). */
  readError: CallError | null;
  /** Which files have their details open. */
  expanded: Record<string, boolean>;
  /** What the last read did, in words, for screen readers. */
  announcement: string;
  open(entryId: string): Promise<void>;
  close(): void;
  load(): Promise<void>;
  /** Reads the files now; `force` reads even those that did not change. Returns whether it went through. */
  read(options?: { force?: boolean }): Promise<boolean>;
  /** The saved list of files changed: read the new ones soon (several saves in a row cause one read). */
  savedFilesChanged(): void;
  toggle(path: string): void;
  /** Facts or findings changed somewhere (a file changed on disk): show the current facts. */
  changed(ids?: readonly string[]): void;
}

let readTimer: ReturnType<typeof setTimeout> | undefined;
let reloadTimer: ReturnType<typeof setTimeout> | undefined;
let running: Promise<boolean> | null = null;
let queued: { force: boolean } | null = null;

export const useFilesStore = create<FilesStore>()((set, get) => {
  async function readNow(entryId: string, force: boolean): Promise<boolean> {
    set({ reading: true, readError: null });
    try {
      const files = await api.call('files.refresh', { id: entryId, force });
      if (get().entryId !== entryId) return false;
      set({ files, reading: false, announcement: readSentence(files) });
      // The facts changed, so the guidelines that wait for the file can answer now.
      useFindingsStore.getState().changed([entryId]);
      return true;
    } catch (error) {
      if (get().entryId === entryId) set({ reading: false, readError: toCallError(error) });
      return false;
    }
  }

  return {
    entryId: null,
    files: null,
    loadError: null,
    reading: false,
    readError: null,
    expanded: {},
    announcement: '',

    async open(entryId) {
      if (get().entryId === entryId && get().files !== null) return;
      clearTimeout(readTimer);
      clearTimeout(reloadTimer);
      set({ entryId, files: null, loadError: null, reading: false, readError: null, expanded: {}, announcement: '' });
      await get().load();
    },

    close() {
      clearTimeout(readTimer);
      clearTimeout(reloadTimer);
      queued = null;
      set({ entryId: null, files: null, loadError: null, reading: false, readError: null, expanded: {}, announcement: '' });
    },

    async load() {
      const entryId = get().entryId;
      if (!entryId) return;
      try {
        const files = await api.call('files.list', { id: entryId });
        if (get().entryId === entryId) set({ files, loadError: null });
      } catch (error) {
        if (get().entryId === entryId) set({ loadError: toCallError(error) });
      }
    },

    async read(options = {}) {
      const entryId = get().entryId;
      if (!entryId) return false;
      clearTimeout(readTimer);
      const force = options.force ?? false;
      // One read at a time; a request made meanwhile runs once after it (forced if any asked so).
      if (running) {
        queued = { force: force || (queued?.force ?? false) };
        return running;
      }
      running = readNow(entryId, force);
      try {
        return await running;
      } finally {
        running = null;
        const next = queued;
        queued = null;
        if (next && get().entryId === entryId) void get().read(next);
      }
    },

    savedFilesChanged() {
      if (!get().entryId) return;
      clearTimeout(readTimer);
      readTimer = setTimeout(() => void get().read(), READ_AFTER_SAVE_MS);
    },

    toggle(path) {
      set((state) => ({ expanded: { ...state.expanded, [path]: !state.expanded[path] } }));
    },

    changed(ids) {
      const entryId = get().entryId;
      if (!entryId || (ids && !ids.includes(entryId)) || get().reading) return;
      clearTimeout(reloadTimer);
      reloadTimer = setTimeout(() => void get().load(), 150);
    },
  };
});
