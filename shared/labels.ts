import type { Criticality, DataCategory, EntryFieldName, EntryKind, Lifecycle, Sensitivity, UsageFrequency } from './entry';
import type { Outcome, Severity } from './guidelines';

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

export const SEVERITY_LABELS: Record<Severity, string> = {
  advice: 'Advice',
  recommended: 'Recommended',
  important: 'Important',
  required: 'Required',
};
export const OUTCOME_LABELS: Record<Outcome, string> = {
  met: 'Met',
  'not-met': 'Not met yet',
  'needs-info': 'Needs info',
  'not-applicable': 'Does not apply',
  'set-aside': 'Set aside',
  error: 'Could not be checked',
};

/** The words the form uses for each field, also used in History and on Home. */
export const FIELD_LABELS: Record<EntryFieldName, string> = {
  name: 'Name',
  kind: 'Kind',
  purpose: 'What it does',
  businessProcess: 'Business process',
  owner: 'Owner',
  backupOwners: 'Backup owners',
  team: 'Team',
  users: 'Who uses it',
  userCount: 'Number of users',
  frequency: 'How often it is used',
  locations: 'Where it lives',
  files: 'Files',
  dataCategories: 'Data it handles',
  sensitivity: 'Sensitivity',
  criticality: 'Criticality',
  criticalityImpact: 'If it stopped for a day',
  dependsOn: 'Depends on',
  feeds: 'Feeds',
  lifecycle: 'Stage',
  backup: 'How it is backed up',
  changeProcess: 'How changes are made',
  lastReviewed: 'Last reviewed',
  notes: 'Notes',
  tags: 'Tags',
  answers: 'Answers to guideline questions',
};

