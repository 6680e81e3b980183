import type { CallError, ListPage, ListQuery, SortField } from '../../../shared/contract';
import type { Criticality, EntryKind, EntrySummary, Lifecycle, Sensitivity } from '../../../shared/entry';

/** How many entries one request asks for. The contract allows up to 500. */
export const PAGE_SIZE = 200;

export interface ListFilters {
  query: string;
  kinds: EntryKind[];
  criticalities: Criticality[];
  sensitivities: Sensitivity[];
  lifecycles: Lifecycle[];
  tags: string[];
  sortBy: SortField;
  sortDirection: 'asc' | 'desc';
}

export const DEFAULT_FILTERS: ListFilters = {
  query: '',
  kinds: [],
  criticalities: [],
  sensitivities: [],
  lifecycles: [],
  tags: [],
  sortBy: 'name',
  sortDirection: 'asc',
};

export interface CachedPage {
  /** Which version of the results this page belongs to (see `generation`). */
  generation: number;
  items: EntrySummary[];
}

export interface ListState {
  /** What the search box and filter controls show right now. */
  filters: ListFilters;
  /** What the cached pages answer; lags `filters` by the search debounce. */
  applied: ListFilters;
  /** Bumped whenever cached pages stop being current (new filters, or entries changed). */
  generation: number;
  /** How many entries match; null until the first page arrived. */
  total: number | null;
  pages: Record<number, CachedPage>;
  /** Pages asked for, by the generation they were asked for. */
  requested: Record<number, number>;
  /** The highlighted row, or -1 when none is. */
  selectedIndex: number;
  error: CallError | null;
}

export function initialListState(): ListState {
  return {
    filters: DEFAULT_FILTERS,
    applied: DEFAULT_FILTERS,
    generation: 0,
    total: null,
    pages: {},
    requested: {},
    selectedIndex: -1,
    error: null,
  };
}

/** True when a search or any filter narrows the list (the sort order does not). */
export function isNarrowed(filters: ListFilters): boolean {
  return (
    filters.query.trim() !== '' ||
    filters.kinds.length > 0 ||
    filters.criticalities.length > 0 ||
    filters.sensitivities.length > 0 ||
    filters.lifecycles.length > 0 ||
    filters.tags.length > 0
  );
}

/** The controls changed; the results follow when `applyFilters` runs. */
export function editFilters(state: ListState, changes: Partial<ListFilters>): ListState {
  return { ...state, filters: { ...state.filters, ...changes } };
}

/**
 * Makes the current controls the query the list answers. Pages already on screen stay
 * until the first page of the new results arrives, so the list does not flash empty.
 */
export function applyFilters(state: ListState): ListState {
  return {
    ...state,
    applied: state.filters,
    generation: state.generation + 1,
    requested: {},
    selectedIndex: -1,
    error: null,
  };
}

/** Entries changed somewhere: the cached pages are out of date but stay visible until replaced. */
export function invalidate(state: ListState): ListState {
  return { ...state, generation: state.generation + 1, requested: {} };
}

export function pageOf(index: number): number {
  return Math.floor(index / PAGE_SIZE);
}

/** Which pages to ask for so that rows `first`..`last` can be shown with current results. */
export function pagesToFetch(state: ListState, first: number, last: number): number[] {
  const isCurrent = (page: number) =>
    state.pages[page]?.generation === state.generation || state.requested[page] === state.generation;
  if (state.total === null || state.total === 0) return isCurrent(0) ? [] : [0];
  const lastRow = Math.max(0, Math.min(last, state.total - 1));
  const firstRow = Math.max(0, Math.min(first, lastRow));
  const wanted: number[] = [];
  for (let page = pageOf(firstRow); page <= pageOf(lastRow); page += 1) {
    if (!isCurrent(page)) wanted.push(page);
  }
  return wanted;
}

export function markRequested(state: ListState, pages: number[]): ListState {
  if (pages.length === 0) return state;
  const requested = { ...state.requested };
  for (const page of pages) requested[page] = state.generation;
  return { ...state, requested };
}

/** A page arrived. Answers to an older generation are ignored. */
export function applyPage(state: ListState, generation: number, pageIndex: number, page: ListPage): ListState {
  if (generation !== state.generation) return state;
  const pages: Record<number, CachedPage> = {};
  for (const [key, cached] of Object.entries(state.pages)) {
    // Once current results arrive, older pages would only show rows that may no longer be there.
    if (cached.generation === generation) pages[Number(key)] = cached;
  }
  pages[pageIndex] = { generation, items: page.items };
  const requested = { ...state.requested };
  delete requested[pageIndex];
  const selectedIndex = Math.min(state.selectedIndex, page.total - 1);
  return { ...state, pages, requested, total: page.total, selectedIndex, error: null };
}

export function applyPageError(state: ListState, generation: number, pageIndex: number, error: CallError): ListState {
  if (generation !== state.generation) return state;
  const requested = { ...state.requested };
  delete requested[pageIndex];
  return { ...state, requested, error };
}

export function itemAt(state: Pick<ListState, 'total' | 'pages'>, index: number): EntrySummary | undefined {
  if (state.total === null || index < 0 || index >= state.total) return undefined;
  return state.pages[pageOf(index)]?.items[index % PAGE_SIZE];
}

/** Moves the highlight by `delta` rows, staying within the list. With no highlight, starts at the top. */
export function moveSelection(state: ListState, delta: number): ListState {
  if (state.total === null || state.total === 0) return state;
  const from = state.selectedIndex < 0 ? (delta > 0 ? -1 : 0) : state.selectedIndex;
  return selectIndex(state, from + delta);
}

export function selectIndex(state: ListState, index: number): ListState {
  if (state.total === null || state.total === 0) return state;
  const selectedIndex = Math.max(0, Math.min(state.total - 1, index));
  return selectedIndex === state.selectedIndex ? state : { ...state, selectedIndex };
}

/** The request for one page of the applied results. */
export function toListQuery(filters: ListFilters, pageIndex: number): ListQuery {
  return {
    query: filters.query.trim(),
    kinds: filters.kinds,
    criticalities: filters.criticalities,
    sensitivities: filters.sensitivities,
    lifecycles: filters.lifecycles,
    tags: filters.tags,
    sortBy: filters.sortBy,
    sortDirection: filters.sortDirection,
    offset: pageIndex * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}
