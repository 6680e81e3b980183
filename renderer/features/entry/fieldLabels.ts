import { FIELD_LABELS } from '../../../shared/labels';

export { FIELD_LABELS };

export function fieldLabel(field: string): string {
  return (FIELD_LABELS as Record<string, string>)[field] ?? field;
}
