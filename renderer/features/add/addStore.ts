import { create } from 'zustand';
import type { CallError } from '../../../shared/contract';
import type { EntryKind } from '../../../shared/entry';
import { api, toCallError } from '../../api/client';

interface AddStore {
  open: boolean;
  busy: boolean;
  error: CallError | null;
  show(): void;
  hide(): void;
  /** Creates the entry and returns its id, or null when that did not work (the error is shown). */
  create(name: string, kind: EntryKind): Promise<string | null>;
}

export const useAddStore = create<AddStore>()((set) => ({
  open: false,
  busy: false,
  error: null,
  show() {
    set({ open: true, error: null });
  },
  hide() {
    set({ open: false, busy: false, error: null });
  },
  async create(name, kind) {
    set({ busy: true, error: null });
    try {
      const entry = await api.call('entries.create', { fields: { name: name.trim(), kind } });
      set({ open: false, busy: false });
      return entry.id;
    } catch (error) {
      set({ busy: false, error: toCallError(error) });
      return null;
    }
  },
}));
