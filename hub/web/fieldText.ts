import {
  CRITICALITY_LABELS,
  DATA_CATEGORY_LABELS,
  FIELD_LABELS,
  FREQUENCY_LABELS,
  KIND_LABELS,
  LIFECYCLE_LABELS,
  SENSITIVITY_LABELS,
} from '../../shared/labels';
import { isPlainObject } from './sharedView';

/** Plain words for a shared field's name and value: the same words the desktop form uses. */

const VALUE_LABELS: Record<string, Record<string, string>> = {
  kind: KIND_LABELS,
  sensitivity: SENSITIVITY_LABELS,
  criticality: CRITICALITY_LABELS,
  lifecycle: LIFECYCLE_LABELS,
  frequency: FREQUENCY_LABELS,
  dataCategories: DATA_CATEGORY_LABELS,
};

/** The label the form shows for a field; an unknown key is shown as it was sent. */
export function fieldLabel(key: string): string {
  return Object.hasOwn(FIELD_LABELS, key) ? FIELD_LABELS[key as keyof typeof FIELD_LABELS] : key;
}

/** A vocabulary value in words ("being-replaced" → "Being replaced"); anything else as it was sent. */
export function valueLabel(key: string, value: string): string {
  const labels = VALUE_LABELS[key];
  return labels && Object.hasOwn(labels, value) ? labels[value]! : value;
}

/** A field's value as one line of plain text, for CSV cells and for search. */
export function fieldText(key: string, value: unknown, depth = 0): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return valueLabel(key, value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (depth > 3) return '…';
  if (Array.isArray(value)) return value.map((item) => fieldText(key, item, depth + 1)).filter((item) => item !== '').join('; ');
  if (isPlainObject(value)) {
    // A link to another entry or a named system (dependsOn, feeds).
    if (value.type === 'system' && typeof value.name === 'string') return value.name;
    if (value.type === 'entry' && typeof value.entryId === 'string') return `entry ${value.entryId}`;
    return Object.entries(value)
      .map(([innerKey, inner]) => `${innerKey}: ${fieldText(innerKey, inner, depth + 1)}`)
      .join('; ');
  }
  return '';
}
