import { describe, expect, it } from 'vitest';
import type { EntrySummary } from '../../shared/entry';
import {
  applyFilters,
  applyPage,
  applyPageError,
  editFilters,
  initialListState,
  invalidate,
  isNarrowed,
  itemAt,
  markRequested,
  moveSelection,
  PAGE_SIZE,
  pagesToFetch,
  selectIndex,
  toListQuery,
  type ListState,
} from '../../renderer/features/list/listState';

function summary(index: number): EntrySummary {
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    name: `Tool ${index}`,
    kind: 'spreadsheet',
    owner: 'Anna',
    team: 'Finance',
    criticality: null,
    sensitivity: null,
    lifecycle: 'in-use',
    tags: [],
    updatedAt: '2026-11-20T10:00:00.000Z',
  };
}

function page(pageIndex: number, total: number) {
  const offset = pageIndex * PAGE_SIZE;
  const count = Math.max(0, Math.min(PAGE_SIZE, total - offset));
  return { total, offset, items: Array.from({ length: count }, (_, at) => summary(offset + at)) };
}

/** A list that has loaded its first page of `total` entries. */
function loaded(total: number): ListState {
  const state = markRequested(initialListState(), [0]);
  return applyPage(state, state.generation, 0, page(0, total));
}

describe('the fieldbook list state', () => {
  it('asks for the first page before it knows how many entries there are', () => {
    expect(pagesToFetch(initialListState(), 0, 30)).toEqual([0]);
  });

  it('does not ask twice for a page that is on its way', () => {
    const state = markRequested(initialListState(), [0]);
    expect(pagesToFetch(state, 0, 30)).toEqual([]);
  });

  it('knows the total and the rows once the first page arrives', () => {
    const state = loaded(1_000);
    expect(state.total).toBe(1_000);
    expect(itemAt(state, 0)?.name).toBe('Tool 0');
    expect(itemAt(state, PAGE_SIZE)).toBeUndefined();
  });

  it('asks only for the pages of the rows on screen when scrolling far down', () => {
    const state = loaded(10_000);
    expect(pagesToFetch(state, 5_000, 5_030)).toEqual([25]);
    expect(pagesToFetch(state, 390, 410)).toEqual([1, 2]);
  });

  it('never asks for pages past the end', () => {
    const state = loaded(250);
    expect(pagesToFetch(state, 240, 400)).toEqual([1]);
  });

  it('ignores a page that answers an older search', () => {
    let state = loaded(1_000);
    const oldGeneration = state.generation;
    state = applyFilters(editFilters(state, { query: 'pricing' }));
    const after = applyPage(state, oldGeneration, 1, page(1, 1_000));
    expect(after).toBe(state);
  });

  it('keeps the old rows on screen until the first page of new results arrives, then drops them', () => {
    let state = loaded(1_000);
    state = applyPage(markRequested(state, [1]), state.generation, 1, page(1, 1_000));
    state = applyFilters(editFilters(state, { query: 'pricing' }));
    expect(itemAt(state, 0)?.name).toBe('Tool 0');
    expect(pagesToFetch(state, 0, 30)).toEqual([0]);
    state = applyPage(markRequested(state, [0]), state.generation, 0, { total: 3, offset: 0, items: [summary(7), summary(8), summary(9)] });
    expect(state.total).toBe(3);
    expect(itemAt(state, 0)?.name).toBe('Tool 7');
    expect(state.pages[1]).toBeUndefined();
  });

  it('fetches the visible pages again after entries changed, without emptying the list first', () => {
    let state = loaded(1_000);
    state = invalidate(state);
    expect(itemAt(state, 5)?.name).toBe('Tool 5');
    expect(pagesToFetch(state, 0, 30)).toEqual([0]);
  });

  it('keeps the error of a failed page and lets it be asked for again', () => {
    let state = markRequested(initialListState(), [0]);
    const error = { code: 'internal' as const, message: 'Something went wrong.', hint: 'Try again.' };
    state = applyPageError(state, state.generation, 0, error);
    expect(state.error).toEqual(error);
    expect(pagesToFetch(state, 0, 30)).toEqual([0]);
  });

  it('moving down with nothing highlighted highlights the first row', () => {
    expect(moveSelection(loaded(5), 1).selectedIndex).toBe(0);
  });

  it('moving down from the last row keeps the last row selected', () => {
    const state = selectIndex(loaded(5), 4);
    expect(moveSelection(state, 1).selectedIndex).toBe(4);
  });

  it('moving up from the first row keeps the first row selected', () => {
    const state = selectIndex(loaded(5), 0);
    expect(moveSelection(state, -1).selectedIndex).toBe(0);
  });

  it('a page down never goes past the end of the list', () => {
    expect(moveSelection(selectIndex(loaded(30), 25), 12).selectedIndex).toBe(29);
  });

  it('an empty list has nothing to highlight', () => {
    expect(moveSelection(loaded(0), 1).selectedIndex).toBe(-1);
  });

  it('a new search clears the highlight', () => {
    const state = applyFilters(editFilters(selectIndex(loaded(5), 3), { query: 'x' }));
    expect(state.selectedIndex).toBe(-1);
  });

  it('sorting alone does not count as narrowing the list', () => {
    expect(isNarrowed({ ...initialListState().filters, sortBy: 'updated', sortDirection: 'desc' })).toBe(false);
    expect(isNarrowed({ ...initialListState().filters, tags: ['month-end'] })).toBe(true);
    expect(isNarrowed({ ...initialListState().filters, query: '   ' })).toBe(false);
  });

  it('asks the store for one page of the applied search, filters and sort', () => {
    const state = applyFilters(editFilters(initialListState(), { query: ' pricing ', kinds: ['script'], sortBy: 'owner' }));
    expect(toListQuery(state.applied, 2)).toMatchObject({
      query: 'pricing',
      kinds: ['script'],
      sortBy: 'owner',
      sortDirection: 'asc',
      offset: 2 * PAGE_SIZE,
      limit: PAGE_SIZE,
    });
  });
});
