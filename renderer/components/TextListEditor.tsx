import { useId, useState } from 'react';
import { Icon } from './Icon';

interface TextListEditorProps {
  /** The group's name, e.g. "Backup owners". */
  legend: string;
  /** One item's name, e.g. "Backup owner": used for "Backup owner 2" and "Add a backup owner". */
  itemName: string;
  items: string[];
  onChange: (items: string[]) => void;
  addLabel: string;
  placeholder?: string;
  hint?: string;
  error?: string;
}

/**
 * A list of short texts (people, paths, files). Each row can be edited in place; the last row
 * adds a new one on Enter, on the Add button, or when focus leaves it, so typed text is never dropped.
 */
export function TextListEditor({ legend, itemName, items, onChange, addLabel, placeholder, hint, error }: TextListEditorProps) {
  const id = useId();
  const [pending, setPending] = useState('');

  function add(): void {
    const text = pending.trim();
    if (text === '') return;
    onChange([...items, text]);
    setPending('');
  }

  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="field fieldset list-editor" aria-describedby={describedBy}>
      <legend className="field-label">{legend}</legend>
      {items.length > 0 && (
        <ul className="list-editor-items">
          {items.map((item, index) => (
            <li key={index} className="list-editor-row">
              <input
                className="input"
                type="text"
                aria-label={`${itemName} ${index + 1}`}
                value={item}
                autoComplete="off"
                spellCheck={false}
                onChange={(event) => onChange(items.map((old, at) => (at === index ? event.target.value : old)))}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove ${item.trim() || `${itemName.toLowerCase()} ${index + 1}`}`}
                title="Remove"
                onClick={() => onChange(items.filter((_, at) => at !== index))}
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
          aria-label={addLabel}
          placeholder={placeholder}
          value={pending}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setPending(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
          onBlur={add}
        />
        <button type="button" className="button button-quiet" onClick={add} disabled={pending.trim() === ''}>
          Add
        </button>
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </fieldset>
  );
}
