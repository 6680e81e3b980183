import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { EntrySummary } from '../../../shared/entry';
import { CRITICALITY_LABELS, KIND_LABELS, LIFECYCLE_LABELS } from '../../../shared/labels';
import { navigate } from '../../app/navigation';
import { useDocumentTitle } from '../../app/hooks/useDocumentTitle';
import { useFocusHeading } from '../../app/hooks/useFocusHeading';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { relativeTime } from '../../format/time';
import { useAddStore } from '../add/addStore';
import { FilterBar } from './FilterBar';
import { isNarrowed, itemAt } from './listState';
import { useListStore } from './listStore';

const ROW_HEIGHT = 64;

function optionId(index: number): string {
  return `entry-option-${index}`;
}

function EntryRow({ entry, index }: { entry: EntrySummary; index: number }) {
  const meta = [KIND_LABELS[entry.kind], entry.owner ? `Owner: ${entry.owner}` : 'No owner yet', entry.team]
    .filter(Boolean)
    .join(' · ');
  return (
    <>
      <div className="row-main">
        <span className="row-name" id={`${optionId(index)}-name`}>
          {entry.name}
        </span>
        <span className="row-meta" id={`${optionId(index)}-meta`}>
          {meta}
          <span className="row-updated"> · Updated {relativeTime(entry.updatedAt)}</span>
        </span>
      </div>
      <div className="row-badges" id={`${optionId(index)}-badges`}>
        {entry.criticality && (
          <span className={`badge badge-criticality-${entry.criticality}`}>{CRITICALITY_LABELS[entry.criticality]}</span>
        )}
        {entry.lifecycle !== 'in-use' && <span className="badge badge-quiet">{LIFECYCLE_LABELS[entry.lifecycle]}</span>}
        {entry.tags.slice(0, 3).map((tag) => (
          <span key={tag} className="badge badge-tag">
            {tag}
          </span>
        ))}
      </div>
    </>
  );
}

/** The fieldbook as a searchable, filterable list that stays smooth with thousands of entries. */
export function ListView() {
  const total = useListStore((store) => store.total);
  const pages = useListStore((store) => store.pages);
  const generation = useListStore((store) => store.generation);
  const applied = useListStore((store) => store.applied);
  const filters = useListStore((store) => store.filters);
  const error = useListStore((store) => store.error);
  const selectedIndex = useListStore((store) => store.selectedIndex);
  const showRange = useListStore((store) => store.showRange);
  const moveSelection = useListStore((store) => store.moveSelection);
  const selectIndex = useListStore((store) => store.selectIndex);
  const clearSearchAndFilters = useListStore((store) => store.clearSearchAndFilters);
  const retry = useListStore((store) => store.retry);
  const showAdd = useAddStore((store) => store.show);
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(isNarrowed(applied) ? 'Search results' : 'All tools');

  const count = total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const first = virtualItems[0]?.index ?? 0;
  const last = virtualItems[virtualItems.length - 1]?.index ?? 0;

  useEffect(() => {
    showRange({ first, last });
  }, [first, last, count, generation, showRange]);

  useEffect(() => () => showRange(null), [showRange]);

  // New search or filters: start at the top of the new results.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [applied]);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  useFocusHeading(headingRef);

  const state = { total, pages };
  const selected = selectedIndex >= 0 ? itemAt(state, selectedIndex) : undefined;

  function openEntry(entry: EntrySummary | undefined): void {
    if (entry) navigate({ view: 'entry', id: entry.id });
  }

  function focusList(): void {
    if (count === 0) return;
    if (selectedIndex < 0) selectIndex(0);
    listRef.current?.focus();
  }

  function onListKey(event: KeyboardEvent<HTMLDivElement>): void {
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, () => void> = {
      ArrowDown: () => moveSelection(1),
      ArrowUp: () => moveSelection(-1),
      PageDown: () => moveSelection(pageRows),
      PageUp: () => moveSelection(-pageRows),
      Home: () => selectIndex(0),
      End: () => selectIndex(count - 1),
      Enter: () => openEntry(selected),
    };
    const move = moves[event.key];
    if (move && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      move();
    }
  }

  const narrowed = isNarrowed(applied);
  let countText = '';
  if (total !== null) {
    const noun = total === 1 ? 'tool' : 'tools';
    countText = narrowed ? `${total.toLocaleString()} ${noun} found` : `${total.toLocaleString()} ${noun}`;
  }

  return (
    <div className="view view-list">
      <header className="view-header">
        <div>
          <h1 ref={headingRef} tabIndex={-1}>
            Fieldbook
          </h1>
          <p className="muted count" role="status">
            {countText}
          </p>
        </div>
      </header>
      <FilterBar
        onArrowDown={focusList}
        onEnter={() => openEntry(selected ?? itemAt(state, 0))}
      />
      {error && total !== null && <ErrorAlert error={error} title="Some of the list could not be loaded." onRetry={retry} />}
      {total === null && error && <ErrorAlert error={error} title="The list could not be loaded." onRetry={retry} />}
      {total === null && !error && <p className="muted list-loading">Loading your fieldbook…</p>}
      {total === 0 && narrowed && (
        <div className="empty-state">
          <h2>Nothing matches {filters.query.trim() ? `“${filters.query.trim()}”` : 'these filters'}</h2>
          <p className="muted">Try other words, or clear the search and filters to see every tool again.</p>
          <button type="button" className="button" onClick={clearSearchAndFilters}>
            Clear search and filters
          </button>
        </div>
      )}
      {total === 0 && !narrowed && (
        <div className="empty-state">
          <h2>No tools written down yet</h2>
          <p className="muted">
            Fieldbook is where you describe the workbooks, databases and scripts your team runs on, so nobody is left
            guessing when you are away.
          </p>
          <button type="button" className="button button-primary" onClick={showAdd}>
            <Icon name="plus" />
            Add your first tool
          </button>
        </div>
      )}
      <div ref={scrollRef} className="list-scroll" hidden={count === 0}>
        {count > 0 && (
          <div
            ref={listRef}
            className="entry-list"
            role="listbox"
            aria-label="Tools"
            tabIndex={0}
            aria-activedescendant={selectedIndex >= 0 ? optionId(selectedIndex) : undefined}
            onKeyDown={onListKey}
            onFocus={(event) => {
              if (event.target === event.currentTarget && selectedIndex < 0) selectIndex(0);
            }}
          >
            <div className="entry-list-inner" style={{ height: virtualizer.getTotalSize() }}>
              {virtualItems.map((row) => {
                const entry = itemAt(state, row.index);
                const isSelected = row.index === selectedIndex;
                const id = optionId(row.index);
                return (
                  <div
                    key={row.key}
                    id={id}
                    role="option"
                    aria-selected={isSelected}
                    aria-setsize={count}
                    aria-posinset={row.index + 1}
                    aria-labelledby={entry ? `${id}-name` : undefined}
                    aria-describedby={entry ? `${id}-meta ${id}-badges` : undefined}
                    aria-disabled={entry ? undefined : true}
                    className={isSelected ? 'entry-row is-selected' : 'entry-row'}
                    style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
                    onClick={() => {
                      selectIndex(row.index);
                      openEntry(entry);
                    }}
                  >
                    {entry ? (
                      <EntryRow entry={entry} index={row.index} />
                    ) : (
                      <span className="row-loading">Loading…</span>
                    )}
                  </div>
                );
              })}
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
