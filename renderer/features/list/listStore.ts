import { create } from 'zustand';
import { api, toCallError } from '../../api/client';
import {
  applyFilters,
  applyPage,
  applyPageError,
  DEFAULT_FILTERS,
  editFilters,
  initialListState,
  invalidate,
  markRequested,
  moveSelection,
  pagesToFetch,
  selectIndex,
  toListQuery,
  type ListFilters,
  type ListState,
} from './listState';

/** Search-as-you-type waits this long after the last key before asking. */
export const SEARCH_DEBOUNCE_MS = 0;

interface ListActions {
  setQuery(query: string): void;
  setFilters(changes: Partial<Omit<ListFilters, 'query'>>): void;
  clearSearchAndFilters(): void;
  /** The rows on screen changed (or null: the list is not on screen). */
  showRange(range: { first: number; last: number } | null): void;
  moveSelection(delta: number): void;
  selectIndex(index: number): void;
  entriesChanged(): void;
  retry(): void;
}

interface ListStore extends ListState, ListActions {
  visible: { first: number; last: number } | null;
  /** Set to ask the search box to take focus (Ctrl/Cmd+F, "/"); the box clears it. */
  searchFocusPending: boolean;
  requestSearchFocus(): void;
  searchFocused(): void;
}

let searchTimer: ReturnType<typeof setTimeout> | undefined;

function sameFilters(a: ListFilters, b: ListFilters): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export const useListStore = create<ListStore>()((set, get) => {
  const update = (transition: (state: ListState) => ListState) => set((store) => transition(store));

  function fetchVisible(): void {
    const { visible } = get();
    if (visible === null) return;
    const wanted = pagesToFetch(get(), visible.first, visible.last);
    if (wanted.length === 0) return;
    update((state) => markRequested(state, wanted));
    const { generation, applied } = get();
    for (const page of wanted) {
      api.call('entries.list', toListQuery(applied, page)).then(
        (result) => update((state) => applyPage(state, generation, page, result)),
        (error: unknown) => update((state) => applyPageError(state, generation, page, toCallError(error))),
      );
    }
  }

  function applyNow(): void {
    clearTimeout(searchTimer);
    if (sameFilters(get().filters, get().applied) && get().total !== null) return;
    update(applyFilters);
    fetchVisible();
  }

  return {
    ...initialListState(),
    visible: null,
    searchFocusPending: false,
    requestSearchFocus() {
      set({ searchFocusPending: true });
    },
    searchFocused() {
      set({ searchFocusPending: false });
    },
    setQuery(query) {
      update((state) => editFilters(state, { query }));
      clearTimeout(searchTimer);
      searchTimer = setTimeout(applyNow, SEARCH_DEBOUNCE_MS);
    },
    setFilters(changes) {
      update((state) => editFilters(state, changes));
      applyNow();
    },
    clearSearchAndFilters() {
      update((state) => editFilters(state, { ...DEFAULT_FILTERS, sortBy: state.filters.sortBy, sortDirection: state.filters.sortDirection }));
      applyNow();
    },
    showRange(range) {
      set({ visible: range });
      fetchVisible();
    },
    moveSelection(delta) {
      update((state) => moveSelection(state, delta));
    },
    selectIndex(index) {
      update((state) => selectIndex(state, index));
    },
    entriesChanged() {
      update(invalidate);
      fetchVisible();
    },
    retry() {
      update(invalidate);
      fetchVisible();
    },
  };
});
