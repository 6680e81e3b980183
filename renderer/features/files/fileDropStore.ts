import { create } from 'zustand';
import type { CallError, FilePreview } from '../../../shared/contract';
import { toCallError } from '../../api/client';
import { navigate } from '../../app/navigation';
import { cleanPath } from '../../format/path';
import { useDiscoverStore } from '../discover/discoverStore';
import { planFilesDrop, type DroppedItem } from './dropPlan';
import { readCopy } from './readCopy';

/** A dropped file read from a copy, waiting for her to say where it lives. */
export interface PendingCopy {
  name: string;
  reading: boolean;
  preview: FilePreview | null;
  error: CallError | null;
  /** Where the file lives, as she typed it. */
  location: string;
}

interface FileDropStore {
  copy: PendingCopy | null;
  /** What was left aside from the last drop, and why. */
  notes: string[];
  /**
   * Files dropped or picked onto an entry's files: those with a known path are added at once
   * (`addFiles`), one without is read from a copy first; a lone folder starts Find tools.
   */
  dropped(items: DroppedItem[], listed: readonly string[], addFiles: (paths: string[]) => void): Promise<void>;
  setLocation(text: string): void;
  /** Adds the copy's file, at the location she gave, to the entry's files. */
  addCopy(addFiles: (paths: string[]) => void): void;
  dismiss(): void;
}

const CLEAR = { copy: null, notes: [] };

export const useFileDropStore = create<FileDropStore>()((set, get) => ({
  ...CLEAR,

  async dropped(items, listed, addFiles) {
    const plan = planFilesDrop(items, listed);
    if (plan.findTools) {
      set({ ...CLEAR });
      navigate({ view: 'discover' });
      const discover = useDiscoverStore.getState();
      discover.setFolder(plan.findTools);
      await discover.start();
      return;
    }
    const notes = [...plan.notes];
    if (plan.copies.length > 1) notes.push(`Fieldbook reads one dropped copy at a time: it read “${plan.copies[0]!.name}”. Drop the others after this one.`);
    if (plan.add.length > 0) addFiles(plan.add);
    const first = plan.copies[0];
    if (!first) {
      set({ notes });
      return;
    }
    set({ notes, copy: { name: first.name, reading: true, preview: null, error: null, location: '' } });
    try {
      const preview = await readCopy(first.file!);
      set((state) => (state.copy?.name === first.name ? { copy: { ...state.copy, reading: false, preview } } : {}));
    } catch (error) {
      set((state) => (state.copy?.name === first.name ? { copy: { ...state.copy, reading: false, error: toCallError(error) } } : {}));
    }
  },

  setLocation(text) {
    set((state) => (state.copy ? { copy: { ...state.copy, location: text } } : {}));
  },

  addCopy(addFiles) {
    const location = cleanPath(get().copy?.location ?? '');
    if (location === '') return;
    addFiles([location]);
    set({ ...CLEAR });
  },

  dismiss() {
    set({ ...CLEAR });
  },
}));
