import { useEffect, useId, useRef, useState } from 'react';
import type { EntryRef } from '../../../shared/contract';
import type { DependencyLink, EntrySummary } from '../../../shared/entry';
import { KIND_LABELS } from '../../../shared/labels';
import { api } from '../../api/client';
import { Icon } from '../../components/Icon';
import { routeHref } from '../../app/route';

interface DependencyEditorProps {
  legend: string;
  description: string;
  /** The combobox's label, e.g. "Add something this tool depends on". */
  addLabel: string;
  links: DependencyLink[];
  onChange: (links: DependencyLink[]) => void;
  selfId: string;
  names: Record<string, string>;
  onNamePicked: (id: string, name: string) => void;
  inferred: EntryRef[];
  inferredLabel: string;
  error?: string;
}

type Suggestion = { type: 'entry'; entry: EntrySummary } | { type: 'system'; name: string };

const SEARCH_DEBOUNCE_MS = 80;

/**
 * Links to other entries (picked by searching as you type) or named official systems
 * ("SAP export"). Follows the ARIA 1.2 combobox pattern with a listbox popup.
 */
export function DependencyEditor(props: DependencyEditorProps) {
  const { legend, description, addLabel, links, onChange, selfId, names, onNamePicked, inferred, inferredLabel, error } = props;
  const id = useId();
  const listId = `${id}-options`;
  const [text, setText] = useState('');
  const [results, setResults] = useState<EntrySummary[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);

  const linkedIds = new Set(links.flatMap((link) => (link.type === 'entry' ? [link.entryId] : [])));
  const typed = text.trim();
  const suggestions: Suggestion[] = [
    ...results
      .filter((entry) => entry.id !== selfId && !linkedIds.has(entry.id))
      .map((entry): Suggestion => ({ type: 'entry', entry })),
    ...(typed !== '' && !links.some((link) => link.type === 'system' && link.name.toLowerCase() === typed.toLowerCase())
      ? [{ type: 'system', name: typed } as Suggestion]
      : []),
  ];
  const expanded = open && suggestions.length > 0;
  const activeIndex = Math.min(active, suggestions.length - 1);

  useEffect(() => {
    if (typed === '') {
      setResults([]);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      api.call('entries.list', { query: typed, limit: 8 }).then(
        (page) => {
          if (!cancelled) setResults(page.items);
        },
        () => {
          if (!cancelled) setResults([]);
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [typed]);

  function pick(suggestion: Suggestion): void {
    if (suggestion.type === 'entry') {
      onNamePicked(suggestion.entry.id, suggestion.entry.name);
      onChange([...links, { type: 'entry', entryId: suggestion.entry.id }]);
    } else {
      onChange([...links, { type: 'system', name: suggestion.name }]);
    }
    setText('');
    setResults([]);
    setOpen(false);
    setActive(0);
    inputRef.current?.focus();
  }

  function linkName(link: DependencyLink): string {
    return link.type === 'system' ? link.name : (names[link.entryId] ?? 'An entry that is no longer here');
  }

  return (
    <fieldset className="field fieldset dependency-editor" aria-describedby={`${id}-description`}>
      <legend className="field-label">{legend}</legend>
      <p className="field-hint field-hint-top" id={`${id}-description`}>
        {description}
      </p>
      {links.length > 0 && (
        <ul className="links" aria-label={legend}>
          {links.map((link, index) => (
            <li key={link.type === 'entry' ? link.entryId : `system-${link.name}-${index}`} className="link-row">
              {link.type === 'entry' ? (
                <a className="link-name" href={routeHref({ view: 'entry', id: link.entryId })}>
                  <Icon name="link" />
                  {linkName(link)}
                </a>
              ) : (
                <span className="link-name">
                  {link.name}
                  <span className="badge badge-quiet">Official system</span>
                </span>
              )}
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove ${linkName(link)} from “${legend}”`}
                title="Remove"
                onClick={() => onChange(links.filter((_, at) => at !== index))}
              >
                <Icon name="close" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="combobox">
        <input
          ref={inputRef}
          className="input"
          type="text"
          role="combobox"
          aria-label={addLabel}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && activeIndex >= 0 ? `${id}-option-${activeIndex}` : undefined}
          placeholder="Search your entries, or type a system name"
          value={text}
          autoComplete="off"
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' && suggestions.length > 0) {
              event.preventDefault();
              setOpen(true);
              setActive((activeIndex + 1) % suggestions.length);
            } else if (event.key === 'ArrowUp' && suggestions.length > 0) {
              event.preventDefault();
              setOpen(true);
              setActive((activeIndex - 1 + suggestions.length) % suggestions.length);
            } else if (event.key === 'Enter') {
              event.preventDefault();
              const chosen = suggestions[activeIndex];
              if (expanded && chosen) pick(chosen);
            } else if (event.key === 'Escape') {
              if (expanded) {
                event.preventDefault();
                event.stopPropagation();
                setOpen(false);
              } else if (text !== '') {
                event.preventDefault();
                event.stopPropagation();
                setText('');
              }
            }
          }}
        />
        <ul className="combobox-options" role="listbox" id={listId} aria-label={`Suggestions for “${legend}”`} hidden={!expanded}>
          {expanded &&
            suggestions.map((suggestion, index) => (
              <li
                key={suggestion.type === 'entry' ? suggestion.entry.id : `system-${suggestion.name}`}
                id={`${id}-option-${index}`}
                role="option"
                aria-selected={index === activeIndex}
                className={index === activeIndex ? 'combobox-option is-active' : 'combobox-option'}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(suggestion)}
                onMouseMove={() => setActive(index)}
              >
                {suggestion.type === 'entry' ? (
                  <>
                    <span className="option-name">{suggestion.entry.name}</span>
                    <span className="option-meta">{KIND_LABELS[suggestion.entry.kind]}</span>
                  </>
                ) : (
                  <>
                    <span className="option-name">Add “{suggestion.name}” as an official system</span>
                    <span className="option-meta">Not an entry in your fieldbook</span>
                  </>
                )}
              </li>
            ))}
        </ul>
      </div>
      {error && <p className="field-error">{error}</p>}
      {inferred.length > 0 && (
        <div className="inferred">
          <p className="inferred-label">{inferredLabel}</p>
          <ul className="inferred-list">
            {inferred.map((ref) => (
              <li key={ref.id}>
                <a href={routeHref({ view: 'entry', id: ref.id })}>{ref.name}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}
