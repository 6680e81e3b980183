import { create } from 'zustand';
import type { CallError, DeletedEntry } from '../../../shared/contract';
import { api, toCallError } from '../../api/client';

interface DeletedEntriesStore {
  /** Null until loaded. */
  items: DeletedEntry[] | null;
  error: CallError | null;
  /** What is being done right now: bringing one back, or deleting for good. */
  busy: 'restoring' | 'purging' | null;
  load(): Promise<void>;
  restore(id: string): Promise<boolean>;
  /** Deletes the given deleted entries for good. Returns how many went, or null when it failed. */
  purge(ids: string[]): Promise<number | null>;
}

/** The deleted entries Settings lists, to bring back or to delete for good. */
export const useDeletedEntriesStore = create<DeletedEntriesStore>()((set, get) => ({
  items: null,
  error: null,
  busy: null,

  async load() {
    try {
      set({ items: await api.call('entries.deleted', {}), error: null });
    } catch (error) {
      set({ error: toCallError(error) });
    }
  },

  async restore(id) {
    set({ busy: 'restoring', error: null });
    try {
      await api.call('entries.restore', { id });
      await get().load();
      return true;
    } catch (error) {
      set({ error: toCallError(error) });
      return false;
    } finally {
      set({ busy: null });
    }
  },

  async purge(ids) {
    set({ busy: 'purging', error: null });
    try {
      const { purged } = await api.call('entries.purge', { ids });
      await get().load();
      return purged;
    } catch (error) {
      set({ error: toCallError(error) });
      return null;
    } finally {
      set({ busy: null });
    }
  },
}));
