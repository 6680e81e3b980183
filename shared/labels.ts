import type { Criticality, DataCategory, EntryKind, Lifecycle, Sensitivity, UsageFrequency } from './entry';

/** Words the user reads for each vocabulary value. One place, so UI and exports agree. */
export const KIND_LABELS: Record<EntryKind, string> = {
  spreadsheet: 'Spreadsheet',
  database: 'Database',
  script: 'Script',
  flow: 'Automation flow',
  saas: 'SaaS application',
  report: 'Report / BI',
  other: 'Other',
};
export const DATA_CATEGORY_LABELS: Record<DataCategory, string> = {
  personal: 'Personal data',
  customer: 'Customer data',
  financial: 'Financial data',
  health: 'Health data',
  employee: 'Employee data',
  confidential: 'Confidential business data',
  public: 'Public data',
};
export const SENSITIVITY_LABELS: Record<Sensitivity, string> = {
  public: 'Public',
  internal: 'Internal',
  confidential: 'Confidential',
  restricted: 'Restricted',
};
export const CRITICALITY_LABELS: Record<Criticality, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};
export const LIFECYCLE_LABELS: Record<Lifecycle, string> = {
  idea: 'Idea',
  'in-use': 'In use',
  'being-replaced': 'Being replaced',
  retired: 'Retired',
};
export const FREQUENCY_LABELS: Record<UsageFrequency, string> = {
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  yearly: 'Yearly',
  'ad-hoc': 'Now and then',
};
