/**
 * The words and fixed lists Fieldbook uses, as plain constants. No zod here: the renderer imports
 * these, and keeping schemas out of its bundle keeps the window quick to open.
 */

/** The vocabularies an entry uses. Order matters: it is the order the UI shows. */
export const ENTRY_KINDS = ['spreadsheet', 'database', 'script', 'flow', 'saas', 'report', 'other'] as const;
export const DATA_CATEGORIES = [
  'personal',
  'customer',
  'financial',
  'health',
  'employee',
  'confidential',
  'public',
] as const;
export const SENSITIVITY_LEVELS = ['public', 'internal', 'confidential', 'restricted'] as const;
export const CRITICALITY_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export const LIFECYCLE_STAGES = ['idea', 'in-use', 'being-replaced', 'retired'] as const;
export const USAGE_FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'ad-hoc'] as const;


/** Every field an entry has, in the order the form shows them. */
export const ENTRY_FIELD_NAMES = [
  'name', 'kind', 'purpose', 'businessProcess', 'owner', 'backupOwners', 'team', 'users', 'userCount', 'frequency',
  'locations', 'files', 'dataCategories', 'sensitivity', 'criticality', 'criticalityImpact', 'dependsOn', 'feeds',
  'lifecycle', 'backup', 'changeProcess', 'lastReviewed', 'notes', 'tags', 'answers',
] as const;

export const SORT_FIELDS = ['name', 'updated', 'criticality', 'kind', 'owner'] as const;
export const HISTORY_ACTIONS = ['created', 'updated', 'deleted', 'restored'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;
/** Export formats. The desktop app and the CLI write all of them to disk. */
export const EXPORT_FORMATS = ['md', 'html', 'pdf', 'xlsx', 'csv', 'json'] as const;
/** Formats the Node side can hand to a page as text, for a preview (every format downloads as a file). */
export const TEXT_EXPORT_FORMATS = ['md', 'html', 'csv', 'json'] as const;

/** Calm words for how much a guideline matters, least to most. */
export const SEVERITIES = ['advice', 'recommended', 'important', 'required'] as const;
export const OUTCOMES = ['met', 'not-met', 'needs-info', 'not-applicable', 'set-aside', 'error'] as const;
