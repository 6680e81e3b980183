import { z } from 'zod';
import {
  CRITICALITY_LEVELS,
  DATA_CATEGORIES,
  ENTRY_FIELD_NAMES,
  ENTRY_KINDS,
  LIFECYCLE_STAGES,
  SENSITIVITY_LEVELS,
  USAGE_FREQUENCIES,
} from './vocabulary';

export { CRITICALITY_LEVELS, DATA_CATEGORIES, ENTRY_FIELD_NAMES, ENTRY_KINDS, LIFECYCLE_STAGES, SENSITIVITY_LEVELS, USAGE_FREQUENCIES };

/** The vocabularies an entry uses. Order matters: it is the order the UI shows. */
export const EntryKind = z.enum(ENTRY_KINDS);
export const DataCategory = z.enum(DATA_CATEGORIES);
export const Sensitivity = z.enum(SENSITIVITY_LEVELS);
export const Criticality = z.enum(CRITICALITY_LEVELS);
export const Lifecycle = z.enum(LIFECYCLE_STAGES);
export const UsageFrequency = z.enum(USAGE_FREQUENCIES);
export type EntryKind = z.infer<typeof EntryKind>;
export type DataCategory = z.infer<typeof DataCategory>;
export type Sensitivity = z.infer<typeof Sensitivity>;
export type Criticality = z.infer<typeof Criticality>;
export type Lifecycle = z.infer<typeof Lifecycle>;
export type UsageFrequency = z.infer<typeof UsageFrequency>;

const shortText = z.string().max(500);
const longText = z.string().max(20_000);
const textList = z.array(z.string().trim().min(1).max(1_000)).max(200);

export const EntryId = z.uuid();

/** A dependency: another entry in this fieldbook, or a named official system ("SAP export"). */
export const DependencyLink = z.discriminatedUnion('type', [
  z.object({ type: z.literal('entry'), entryId: EntryId }),
  z.object({ type: z.literal('system'), name: z.string().trim().min(1).max(200) }),
]);
export type DependencyLink = z.infer<typeof DependencyLink>;

/** A calendar date as the user typed it, YYYY-MM-DD. */
export const CalendarDate = z.iso.date();

/** Everything the user writes about one tool. All optional except the name and kind. */
export const EntryFields = z.object({
  name: z.string().trim().min(1, 'Give the tool a name.').max(200),
  kind: EntryKind,
  purpose: longText,
  businessProcess: shortText,
  owner: shortText,
  backupOwners: textList,
  team: shortText,
  users: shortText,
  userCount: z.number().int().min(0).max(10_000_000).nullable(),
  frequency: UsageFrequency.nullable(),
  locations: textList,
  files: textList,
  dataCategories: z.array(DataCategory).max(DATA_CATEGORIES.length),
  sensitivity: Sensitivity.nullable(),
  criticality: Criticality.nullable(),
  criticalityImpact: longText,
  dependsOn: z.array(DependencyLink).max(200),
  feeds: z.array(DependencyLink).max(200),
  lifecycle: Lifecycle,
  backup: longText,
  changeProcess: longText,
  lastReviewed: CalendarDate.nullable(),
  notes: longText,
  tags: z.array(z.string().trim().min(1).max(60)).max(50),
  /** Answers to guideline questions that have no field of their own ("Is single sign-on used?"). */
  answers: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,79}$/), z.string().max(2_000)),
});
export type EntryFields = z.infer<typeof EntryFields>;
export type EntryFieldName = keyof EntryFields;
// ENTRY_FIELD_NAMES must list exactly the schema's fields (checked by the compiler).
type Missing = Exclude<EntryFieldName, (typeof ENTRY_FIELD_NAMES)[number]> | Exclude<(typeof ENTRY_FIELD_NAMES)[number], EntryFieldName>;
export const entryFieldNamesAreComplete: [Missing] extends [never] ? true : Missing = true;

/** A partial set of fields: what a create or an autosave sends. */
export const EntryPatch = EntryFields.partial();
export type EntryPatch = z.infer<typeof EntryPatch>;

export const Entry = EntryFields.extend({
  id: EntryId,
  revision: z.number().int().min(1),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Entry = z.infer<typeof Entry>;

/** What the list shows for one entry: small, so 10,000 of them stay cheap. */
export const EntrySummary = z.object({
  id: EntryId,
  name: z.string(),
  kind: EntryKind,
  owner: z.string(),
  team: z.string(),
  criticality: Criticality.nullable(),
  sensitivity: Sensitivity.nullable(),
  lifecycle: Lifecycle,
  tags: z.array(z.string()),
  updatedAt: z.iso.datetime(),
});
export type EntrySummary = z.infer<typeof EntrySummary>;

export function blankEntryFields(): EntryFields {
  return {
    name: '',
    kind: 'spreadsheet',
    purpose: '',
    businessProcess: '',
    owner: '',
    backupOwners: [],
    team: '',
    users: '',
    userCount: null,
    frequency: null,
    locations: [],
    files: [],
    dataCategories: [],
    sensitivity: null,
    criticality: null,
    criticalityImpact: '',
    dependsOn: [],
    feeds: [],
    lifecycle: 'in-use',
    backup: '',
    changeProcess: '',
    lastReviewed: null,
    notes: '',
    tags: [],
    answers: {},
  };
}
