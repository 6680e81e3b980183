import { create } from 'zustand';
import type { CallError, HomeSummary } from '../../../shared/contract';
import { api, toCallError } from '../../api/client';

interface HomeStore {
  summary: HomeSummary | null;
  error: CallError | null;
  /** True when entries changed since the summary was fetched. */
  stale: boolean;
  load(): Promise<void>;
  entriesChanged(): void;
}

export const useHomeStore = create<HomeStore>()((set) => ({
  summary: null,
  error: null,
  stale: true,
  async load() {
    set({ stale: false });
    try {
      set({ summary: await api.call('home.summary', {}), error: null });
    } catch (error) {
      set({ error: toCallError(error) });
    }
  },
  entriesChanged() {
    set({ stale: true });
  },
}));
