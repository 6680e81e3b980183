import { useId, useState, type ReactNode, type Ref } from 'react';

interface A11yProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FrameProps {
  label: string;
  hint?: string;
  error?: string;
  className?: string;
  children: (a11y: A11yProps) => ReactNode;
}

/** A label above a control, an optional hint below it, and the reason when a value was refused. */
export function FieldFrame({ label, hint, error, className, children }: FrameProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ');
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true as const } : {}),
      })}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  placeholder?: string;
  multiline?: boolean;
  rows?: number;
  className?: string;
  inputRef?: Ref<HTMLInputElement>;
  onBlur?: () => void;
  autoComplete?: string;
}

export function TextField(props: TextFieldProps) {
  const { label, value, onChange, hint, error, placeholder, multiline, rows = 3, className, inputRef, onBlur } = props;
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className}>
      {(a11y) =>
        multiline ? (
          <textarea
            {...a11y}
            className="input textarea"
            value={value}
            rows={rows}
            placeholder={placeholder}
            onChange={(event) => onChange(event.target.value)}
            onBlur={onBlur}
          />
        ) : (
          <input
            {...a11y}
            ref={inputRef}
            className="input"
            type="text"
            value={value}
            placeholder={placeholder}
            autoComplete={props.autoComplete ?? 'off'}
            spellCheck={false}
            onChange={(event) => onChange(event.target.value)}
            onBlur={onBlur}
          />
        )
      }
    </FieldFrame>
  );
}

export interface Option<T extends string> {
  value: T;
  label: string;
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T | null;
  options: readonly Option<T>[];
  onChange: (value: T | null) => void;
  /** When set, the field can be left empty, shown with these words. */
  emptyLabel?: string;
  hint?: string;
  error?: string;
  className?: string;
}

export function SelectField<T extends string>(props: SelectFieldProps<T>) {
  const { label, value, options, onChange, emptyLabel, hint, error, className } = props;
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className}>
      {(a11y) => (
        <select
          {...a11y}
          className="input select"
          value={value ?? ''}
          onChange={(event) => {
            const picked = options.find((option) => option.value === event.target.value);
            onChange(picked ? picked.value : null);
          }}
        >
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

interface NumberFieldProps {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  hint?: string;
  error?: string;
  className?: string;
}

/** A whole number, or empty. Text that is not a number yet stays in the box and is not saved. */
export function NumberField({ label, value, onChange, hint, error, className }: NumberFieldProps) {
  const [text, setText] = useState(value === null ? '' : String(value));
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    // The stored value changed from elsewhere: show it, unless it is what the text already says.
    setLastValue(value);
    if (parseWhole(text) !== value) setText(value === null ? '' : String(value));
  }
  const parsed = parseWhole(text);
  const localError = parsed === undefined ? 'Enter a whole number, like 12.' : undefined;
  return (
    <FieldFrame label={label} hint={hint} error={localError ?? error} className={className}>
      {(a11y) => (
        <input
          {...a11y}
          className="input input-number"
          type="text"
          inputMode="numeric"
          value={text}
          autoComplete="off"
          onChange={(event) => {
            setText(event.target.value);
            const next = parseWhole(event.target.value);
            if (next !== undefined) onChange(next);
          }}
        />
      )}
    </FieldFrame>
  );
}

/** null for empty, a number for digits, undefined for anything else. */
export function parseWhole(text: string): number | null | undefined {
  const trimmed = text.trim().replace(/[\s,.'’](?=\d{3}\b)/g, '');
  if (trimmed === '') return null;
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : undefined;
}

interface DateFieldProps {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  hint?: string;
  error?: string;
  className?: string;
}

export function DateField({ label, value, onChange, hint, error, className }: DateFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className}>
      {(a11y) => (
        <input
          {...a11y}
          className="input input-date"
          type="date"
          value={value ?? ''}
          onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
        />
      )}
    </FieldFrame>
  );
}

interface CheckboxGroupProps<T extends string> {
  legend: string;
  options: readonly Option<T>[];
  values: readonly T[];
  onChange: (values: T[]) => void;
  hint?: string;
  error?: string;
}

export function CheckboxGroup<T extends string>({ legend, options, values, onChange, hint, error }: CheckboxGroupProps<T>) {
  const id = useId();
  return (
    <fieldset className="field fieldset" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="field-label">{legend}</legend>
      {hint && (
        <p className="field-hint field-hint-top" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className="checkbox-grid">
        {options.map((option) => (
          <label key={option.value} className="checkbox">
            <input
              type="checkbox"
              checked={values.includes(option.value)}
              onChange={(event) => {
                const next = event.target.checked
                  ? options.filter((candidate) => candidate.value === option.value || values.includes(candidate.value))
                  : options.filter((candidate) => candidate.value !== option.value && values.includes(candidate.value));
                onChange(next.map((candidate) => candidate.value));
              }}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

interface RadioGroupProps<T extends string> {
  legend: string;
  name: string;
  options: readonly Option<T>[];
  /** Null while nothing is picked yet. */
  value: T | null;
  onChange: (value: T) => void;
  hint?: string;
  error?: string;
  className?: string;
}

export function RadioGroup<T extends string>({ legend, name, options, value, onChange, hint, error, className }: RadioGroupProps<T>) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return (
    <fieldset className={className ? `field fieldset ${className}` : 'field fieldset'} aria-describedby={describedBy || undefined}>
      <legend className="field-label">{legend}</legend>
      {hint && (
        <p className="field-hint field-hint-top" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className="segmented">
        {options.map((option) => (
          <label key={option.value} className="segment">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
