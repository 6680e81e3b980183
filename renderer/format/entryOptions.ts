import { CRITICALITY_LEVELS, DATA_CATEGORIES, ENTRY_KINDS, LIFECYCLE_STAGES, SENSITIVITY_LEVELS, USAGE_FREQUENCIES } from '../../shared/vocabulary';
import { CRITICALITY_LABELS, DATA_CATEGORY_LABELS, FREQUENCY_LABELS, KIND_LABELS, LIFECYCLE_LABELS, SENSITIVITY_LABELS } from '../../shared/labels';
import type { Option } from '../components/formFields';

function optionsOf<T extends string>(values: readonly T[], labels: Record<T, string>): Option<T>[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

/** The entry vocabularies as choices for the form controls, in the order the UI shows them. */
export const KIND_OPTIONS = optionsOf(ENTRY_KINDS, KIND_LABELS);
export const SENSITIVITY_OPTIONS = optionsOf(SENSITIVITY_LEVELS, SENSITIVITY_LABELS);
export const CRITICALITY_OPTIONS = optionsOf(CRITICALITY_LEVELS, CRITICALITY_LABELS);
export const LIFECYCLE_OPTIONS = optionsOf(LIFECYCLE_STAGES, LIFECYCLE_LABELS);
export const FREQUENCY_OPTIONS = optionsOf(USAGE_FREQUENCIES, FREQUENCY_LABELS);
export const CATEGORY_OPTIONS = optionsOf(DATA_CATEGORIES, DATA_CATEGORY_LABELS);
