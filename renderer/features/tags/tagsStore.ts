import { create } from 'zustand';
import { api } from '../../api/client';

export interface TagCount {
  tag: string;
  count: number;
}

interface TagsStore {
  tags: TagCount[];
  stale: boolean;
  load(): Promise<void>;
  entriesChanged(): void;
}

/** The tags in use, for the filter and for suggestions while tagging. */
export const useTagsStore = create<TagsStore>()((set) => ({
  tags: [],
  stale: true,
  async load() {
    set({ stale: false });
    try {
      set({ tags: await api.call('tags.list', {}) });
    } catch {
      // Tag suggestions are a convenience; the list and form show their own errors.
    }
  },
  entriesChanged() {
    set({ stale: true });
  },
}));
