import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { SortField } from '../../../shared/contract';
import { SORT_FIELDS } from '../../../shared/vocabulary';
import { CRITICALITY_LEVELS, ENTRY_KINDS, LIFECYCLE_STAGES, SENSITIVITY_LEVELS } from '../../../shared/vocabulary';
import {
  CRITICALITY_LABELS,
  KIND_LABELS,
  LIFECYCLE_LABELS,
  SENSITIVITY_LABELS,
} from '../../../shared/labels';
import { Icon } from '../../components/Icon';
import { useTagsStore } from '../tags/tagsStore';
import { isNarrowed, type ListFilters } from './listState';
import { useListStore } from './listStore';

const SORT_WORDS: Record<SortField, { label: string; asc: string; desc: string; first: 'asc' | 'desc' }> = {
  name: { label: 'Name', asc: 'A to Z', desc: 'Z to A', first: 'asc' },
  updated: { label: 'Last updated', asc: 'oldest first', desc: 'newest first', first: 'desc' },
  criticality: { label: 'Criticality', asc: 'lowest first', desc: 'highest first', first: 'desc' },
  kind: { label: 'Kind', asc: 'A to Z', desc: 'Z to A', first: 'asc' },
  owner: { label: 'Owner', asc: 'A to Z', desc: 'Z to A', first: 'asc' },
};

const SORT_OPTIONS = SORT_FIELDS.flatMap((field) => {
  const words = SORT_WORDS[field];
  const order: ('asc' | 'desc')[] = words.first === 'asc' ? ['asc', 'desc'] : ['desc', 'asc'];
  return order.map((direction) => ({ value: `${field}:${direction}`, label: `${words.label}, ${words[direction]}` }));
});

interface SingleFilterProps<T extends string> {
  label: string;
  anyLabel: string;
  values: readonly T[];
  labels: Record<T, string>;
  selected: readonly T[];
  onChange: (values: T[]) => void;
}

/** One filter as a plain select: "Any kind", "Spreadsheet", … */
function SingleFilter<T extends string>({ label, anyLabel, values, labels, selected, onChange }: SingleFilterProps<T>) {
  const id = useId();
  return (
    <div className="filter">
      <label className="filter-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className={selected.length > 0 ? 'input select is-active' : 'input select'}
        value={selected[0] ?? ''}
        onChange={(event) => {
          const value = values.find((candidate) => candidate === event.target.value);
          onChange(value === undefined ? [] : [value]);
        }}
      >
        <option value="">{anyLabel}</option>
        {values.map((value) => (
          <option key={value} value={value}>
            {labels[value]}
          </option>
        ))}
      </select>
    </div>
  );
}

interface FilterBarProps {
  onArrowDown: () => void;
  onEnter: () => void;
}

/** The search box, the filters and the sort order. */
export function FilterBar({ onArrowDown, onEnter }: FilterBarProps) {
  const filters = useListStore((store) => store.filters);
  const setQuery = useListStore((store) => store.setQuery);
  const setFilters = useListStore((store) => store.setFilters);
  const clearSearchAndFilters = useListStore((store) => store.clearSearchAndFilters);
  const searchFocusPending = useListStore((store) => store.searchFocusPending);
  const searchFocused = useListStore((store) => store.searchFocused);
  const tags = useTagsStore((store) => store.tags);
  const tagsStale = useTagsStore((store) => store.stale);
  const loadTags = useTagsStore((store) => store.load);
  const searchRef = useRef<HTMLInputElement>(null);
  const sortId = useId();

  useEffect(() => {
    if (tagsStale) void loadTags();
  }, [tagsStale, loadTags]);

  useEffect(() => {
    if (searchFocusPending && searchRef.current) {
      searchRef.current.focus();
      searchRef.current.select();
      searchFocused();
    }
  }, [searchFocusPending, searchFocused]);

  const tagValues = tags.map((tag) => tag.tag);
  // A tag filter stays selectable even when no entry carries the tag any more.
  for (const tag of filters.tags) if (!tagValues.includes(tag)) tagValues.push(tag);
  const tagLabels = Object.fromEntries(tagValues.map((tag) => [tag, tag])) as Record<string, string>;

  function onSearchKey(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Escape') {
      if (filters.query !== '') {
        event.preventDefault();
        setQuery('');
      }
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      onArrowDown();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onEnter();
    }
  }

  const narrowed = isNarrowed(filters);
  return (
    <div className="filter-bar">
      <div className="search-row">
        <div className="search">
          <Icon name="search" className="search-icon" />
          <input
            ref={searchRef}
            className="input search-input"
            type="search"
            aria-label="Search your fieldbook"
            placeholder="Search names, purposes, owners, tags…"
            title="Search (Ctrl+F or /). Escape clears it."
            aria-keyshortcuts="Control+F /"
            value={filters.query}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onSearchKey}
          />
        </div>
        <div className="sort">
          <label className="sort-label" htmlFor={sortId}>
            Sort by
          </label>
          <select
            id={sortId}
            className="input select"
            value={`${filters.sortBy}:${filters.sortDirection}`}
            onChange={(event) => {
              const [sortBy, sortDirection] = event.target.value.split(':') as [
                ListFilters['sortBy'],
                ListFilters['sortDirection'],
              ];
              setFilters({ sortBy, sortDirection });
            }}
          >
            {SORT_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="filters" role="group" aria-label="Filters">
        <SingleFilter
          label="Kind"
          anyLabel="Any kind"
          values={ENTRY_KINDS}
          labels={KIND_LABELS}
          selected={filters.kinds}
          onChange={(kinds) => setFilters({ kinds })}
        />
        <SingleFilter
          label="Criticality"
          anyLabel="Any criticality"
          values={CRITICALITY_LEVELS}
          labels={CRITICALITY_LABELS}
          selected={filters.criticalities}
          onChange={(criticalities) => setFilters({ criticalities })}
        />
        <SingleFilter
          label="Sensitivity"
          anyLabel="Any sensitivity"
          values={SENSITIVITY_LEVELS}
          labels={SENSITIVITY_LABELS}
          selected={filters.sensitivities}
          onChange={(sensitivities) => setFilters({ sensitivities })}
        />
        <SingleFilter
          label="Stage"
          anyLabel="Any stage"
          values={LIFECYCLE_STAGES}
          labels={LIFECYCLE_LABELS}
          selected={filters.lifecycles}
          onChange={(lifecycles) => setFilters({ lifecycles })}
        />
        <SingleFilter
          label="Tag"
          anyLabel="Any tag"
          values={tagValues}
          labels={tagLabels}
          selected={filters.tags}
          onChange={(selected) => setFilters({ tags: selected })}
        />
        {narrowed && (
          <button type="button" className="button button-quiet filter-clear" onClick={clearSearchAndFilters}>
            Clear all
          </button>
        )}
      </div>
    </div>
  );
}
