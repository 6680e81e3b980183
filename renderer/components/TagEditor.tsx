import { useId, useState } from 'react';
import { Icon } from './Icon';

interface TagEditorProps {
  tags: string[];
  onChange: (tags: string[]) => void;
  suggestions: string[];
  error?: string;
}

/** Tags as removable chips, with suggestions from tags already in use. Enter or a comma adds one. */
export function TagEditor({ tags, onChange, suggestions, error }: TagEditorProps) {
  const id = useId();
  const [pending, setPending] = useState('');

  function add(text: string): void {
    const tag = text.trim().replace(/,+$/, '').trim();
    setPending('');
    if (tag === '' || tags.some((existing) => existing.toLowerCase() === tag.toLowerCase())) return;
    onChange([...tags, tag]);
  }

  return (
    <fieldset className="field fieldset" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field-label">Tags</legend>
      {tags.length > 0 && (
        <ul className="chips" aria-label="Tags on this entry">
          {tags.map((tag) => (
            <li key={tag} className="chip">
              <span>{tag}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove tag ${tag}`}
                title="Remove"
                onClick={() => onChange(tags.filter((existing) => existing !== tag))}
              >
                <Icon name="close" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="list-editor-row">
        <input
          className="input"
          type="text"
          aria-label="Add a tag"
          placeholder="e.g. finance, month-end"
          list={`${id}-suggestions`}
          value={pending}
          autoComplete="off"
          onChange={(event) => {
            const text = event.target.value;
            if (text.endsWith(',')) add(text);
            else setPending(text);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add(pending);
            }
          }}
          onBlur={() => add(pending)}
        />
        <button type="button" className="button button-quiet" onClick={() => add(pending)} disabled={pending.trim() === ''}>
          Add
        </button>
      </div>
      <datalist id={`${id}-suggestions`}>
        {suggestions
          .filter((tag) => !tags.includes(tag))
          .map((tag) => (
            <option key={tag} value={tag} />
          ))}
      </datalist>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
