import { useEffect, useId, useRef, useState } from 'react';
import type { EntrySummary } from '../../../shared/entry';
import { KIND_LABELS } from '../../../shared/labels';
import { api } from '../../api/client';
import type { PickedEntry } from './exportState';

const SEARCH_DEBOUNCE_MS = 80;
const SEARCH_LIMIT = 8;

interface EntryPickerProps {
  picked: PickedEntry | null;
  onPick: (entry: PickedEntry | null) => void;
}

/**
 * Finds one entry by typing part of its name (ARIA 1.2 combobox with a listbox popup, like the
 * dependency editor). Typing something else than the picked name lets go of the pick.
 */
export function EntryPicker({ picked, onPick }: EntryPickerProps) {
  const id = useId();
  const listId = `${id}-options`;
  const hintId = `${id}-hint`;
  const [text, setText] = useState(picked?.name ?? '');
  const [results, setResults] = useState<EntrySummary[]>([]);
  const [searched, setSearched] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);

  const typed = text.trim();
  const searching = open && typed !== '' && (picked === null || typed !== picked.name);
  const expanded = searching && results.length > 0;
  const activeIndex = Math.min(active, results.length - 1);

  useEffect(() => {
    if (!searching) {
      setResults([]);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      api.call('entries.list', { query: typed, limit: SEARCH_LIMIT }).then(
        (page) => {
          if (cancelled) return;
          setResults(page.items);
          setSearched(typed);
        },
        () => {
          if (cancelled) return;
          setResults([]);
          setSearched(typed);
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [typed, searching]);

  function pick(entry: EntrySummary): void {
    onPick({ id: entry.id, name: entry.name });
    setText(entry.name);
    setResults([]);
    setOpen(false);
    setActive(0);
    inputRef.current?.focus();
  }

  const nothingFound = searching && searched === typed && results.length === 0;

  return (
    <div className="field export-entry-picker">
      <label className="field-label" htmlFor={id}>
        Which entry
      </label>
      <div className="combobox">
        <input
          ref={inputRef}
          id={id}
          className="input"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-describedby={hintId}
          aria-activedescendant={expanded && activeIndex >= 0 ? `${id}-option-${activeIndex}` : undefined}
          placeholder="Type part of its name"
          value={text}
          autoComplete="off"
          onChange={(event) => {
            const next = event.target.value;
            setText(next);
            setOpen(true);
            setActive(0);
            if (picked !== null && next.trim() !== picked.name) onPick(null);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' && results.length > 0) {
              event.preventDefault();
              setOpen(true);
              setActive((activeIndex + 1) % results.length);
            } else if (event.key === 'ArrowUp' && results.length > 0) {
              event.preventDefault();
              setOpen(true);
              setActive((activeIndex - 1 + results.length) % results.length);
            } else if (event.key === 'Enter') {
              event.preventDefault();
              const chosen = results[activeIndex];
              if (expanded && chosen) pick(chosen);
            } else if (event.key === 'Escape' && expanded) {
              event.preventDefault();
              event.stopPropagation();
              setOpen(false);
            }
          }}
        />
        <ul className="combobox-options" role="listbox" id={listId} aria-label="Entries that match" hidden={!expanded}>
          {expanded &&
            results.map((entry, index) => (
              <li
                key={entry.id}
                id={`${id}-option-${index}`}
                role="option"
                aria-selected={index === activeIndex}
                className={index === activeIndex ? 'combobox-option is-active' : 'combobox-option'}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(entry)}
                onMouseMove={() => setActive(index)}
              >
                <span className="option-name">{entry.name}</span>
                <span className="option-meta">{KIND_LABELS[entry.kind]}</span>
              </li>
            ))}
        </ul>
      </div>
      <p className="field-hint" id={hintId} aria-live="polite">
        {nothingFound
          ? `No entry matches “${typed}”. Try another word.`
          : picked === null
            ? 'Search your entries, then pick one from the list.'
            : `Exporting “${picked.name}”.`}
      </p>
    </div>
  );
}
