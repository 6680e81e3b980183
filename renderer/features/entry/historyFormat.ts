import {
  CRITICALITY_LABELS,
  DATA_CATEGORY_LABELS,
  FREQUENCY_LABELS,
  KIND_LABELS,
  LIFECYCLE_LABELS,
  SENSITIVITY_LABELS,
} from '../../../shared/labels';
import { calendarDate } from '../../format/time';

/** How long a before/after value may be in the History list before it is cut short. */
export const SHORT_VALUE_LENGTH = 80;

const VOCABULARIES: Record<string, Record<string, string>> = {
  kind: KIND_LABELS,
  criticality: CRITICALITY_LABELS,
  sensitivity: SENSITIVITY_LABELS,
  lifecycle: LIFECYCLE_LABELS,
  frequency: FREQUENCY_LABELS,
  dataCategories: DATA_CATEGORY_LABELS,
};

export function shorten(text: string, length = SHORT_VALUE_LENGTH): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length <= length ? single : `${single.slice(0, length - 1).trimEnd()}…`;
}

function describeOne(field: string, value: unknown, names: Record<string, string>): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'object') {
    const link = value as { type?: string; entryId?: string; name?: string };
    if (link.type === 'entry' && link.entryId) return names[link.entryId] ?? 'another entry';
    if (link.type === 'system' && link.name) return link.name;
    return JSON.stringify(value);
  }
  const text = String(value);
  const vocabulary = VOCABULARIES[field];
  if (vocabulary?.[text]) return vocabulary[text];
  if (field === 'lastReviewed') return calendarDate(text);
  return text;
}

/** A stored value in full, as a person reads it: "High", "Anna, Tom"; '' when empty. */
export function describeValueInFull(field: string, value: unknown, names: Record<string, string> = {}): string {
  return Array.isArray(value)
    ? value.map((item) => describeOne(field, item, names)).filter((item) => item !== '').join(', ')
    : describeOne(field, value, names);
}

/** A stored value as a person reads it in History: "High", "Anna, Tom", "(empty)". */
export function describeValue(field: string, value: unknown, names: Record<string, string> = {}): string {
  const text = describeValueInFull(field, value, names);
  return text === '' ? '(empty)' : shorten(text);
}
